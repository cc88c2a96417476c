using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sessions.IntegrationTests.Infrastructure;

public sealed record ReceivedSpan(string Service, string TraceId, string Name);

/// <summary>
/// A small OTLP/HTTP receiver (protobuf, as the .NET exporter sends it) that keeps each span's service name,
/// trace id and name. It decodes just the fields it needs of ExportTraceServiceRequest.
/// </summary>
public sealed class OtlpTraceReceiver : IAsyncDisposable
{
    private LocalHttpServer _server = null!;

    public ConcurrentQueue<ReceivedSpan> Spans { get; } = new();
    public Uri Endpoint => _server.BaseAddress;

    public static async Task<OtlpTraceReceiver> StartAsync()
    {
        var receiver = new OtlpTraceReceiver();
        receiver._server = await LocalHttpServer.StartAsync(app =>
        {
            app.MapPost("/v1/traces", async (HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                receiver.Read(body.ToArray());
                return Results.Bytes([], "application/x-protobuf");
            });
            app.MapPost("/v1/metrics", () => Results.Bytes([], "application/x-protobuf"));
            app.MapPost("/v1/logs", () => Results.Bytes([], "application/x-protobuf"));
        });
        return receiver;
    }

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private void Read(byte[] request)
    {
        foreach (var resourceSpans in Protobuf.Messages(request, 1))
        {
            var service = Protobuf.Messages(resourceSpans, 1)
                .SelectMany(resource => Protobuf.Messages(resource, 1))
                .Where(kv => Protobuf.String(kv, 1) == "service.name")
                .Select(kv => Protobuf.Messages(kv, 2).Select(value => Protobuf.String(value, 1)).FirstOrDefault())
                .FirstOrDefault() ?? "";
            foreach (var span in Protobuf.Messages(resourceSpans, 2).SelectMany(scope => Protobuf.Messages(scope, 2)))
            {
                var traceId = Convert.ToHexStringLower(Protobuf.Messages(span, 1).FirstOrDefault() ?? []);
                Spans.Enqueue(new ReceivedSpan(service, traceId, Protobuf.String(span, 5) ?? ""));
            }
        }
    }

    /// <summary>Just enough of the protobuf wire format: varints and length-delimited fields.</summary>
    private static class Protobuf
    {
        public static IEnumerable<byte[]> Messages(byte[] data, int field)
        {
            var position = 0;
            while (position < data.Length)
            {
                var key = Varint(data, ref position);
                var (number, wireType) = ((int)(key >> 3), (int)(key & 7));
                switch (wireType)
                {
                    case 0:
                        Varint(data, ref position);
                        break;
                    case 1:
                        position += 8;
                        break;
                    case 5:
                        position += 4;
                        break;
                    case 2:
                        var length = (int)Varint(data, ref position);
                        if (number == field)
                        {
                            yield return data[position..(position + length)];
                        }

                        position += length;
                        break;
                    default:
                        throw new InvalidDataException($"unsupported protobuf wire type {wireType}");
                }
            }
        }

        public static string? String(byte[] data, int field) =>
            Messages(data, field).Select(b => Encoding.UTF8.GetString(b)).FirstOrDefault();

        private static ulong Varint(byte[] data, ref int position)
        {
            ulong value = 0;
            for (var shift = 0; ; shift += 7)
            {
                var b = data[position++];
                value |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                {
                    return value;
                }
            }
        }
    }
}
