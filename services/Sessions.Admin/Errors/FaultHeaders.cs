using System.Text;

namespace Sessions.Admin.Errors;

/// <summary>The headers MassTransit adds when it moves a message to <c>&lt;queue&gt;_error</c>; stripped again on requeue.</summary>
public static class FaultHeaders
{
    public const string ExceptionType = "MT-Fault-ExceptionType";
    public const string Message = "MT-Fault-Message";
    public const string Timestamp = "MT-Fault-Timestamp";

    /// <summary>True for MT-Fault-*, MT-Reason and the redelivery counter, so a requeued message starts with a clean retry budget.</summary>
    public static bool IsFault(string header) =>
        header.StartsWith("MT-Fault-", StringComparison.OrdinalIgnoreCase)
        || header.Equals("MT-Reason", StringComparison.OrdinalIgnoreCase)
        || header.Equals("MT-Redelivery-Count", StringComparison.OrdinalIgnoreCase);

    /// <summary>A header value as text: RabbitMQ.Client hands string headers back as UTF-8 bytes.</summary>
    public static string? Text(IDictionary<string, object?>? headers, string name) =>
        headers is not null && headers.TryGetValue(name, out var value)
            ? value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => null,
                _ => value.ToString(),
            }
            : null;
}
