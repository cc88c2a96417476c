using System.Text.Json.Nodes;
using Sessions.IntegrationTests.Infrastructure;

namespace Sessions.IntegrationTests.Faults;

/// <summary>A seeded <c>sessions-admin generate</c> file and the verdict each line announces.</summary>
public sealed record GeneratedStream(string File, IReadOnlyDictionary<string, string> Expected)
{
    public int Accepted => Expected.Values.Count(v => v == "accepted");
    public int Rejected => Expected.Count - Accepted;

    public static async Task<GeneratedStream> CreateAsync(string folder, int sessions, int seed)
    {
        var file = Path.Combine(folder, $"generated-{seed}.jsonl");
        var admin = RepositoryLayout.Output("services/Sessions.Admin", "sessions-admin");
        var (code, output) = await ServiceProcess.RunAsync(admin, new Dictionary<string, string?>(), TimeSpan.FromSeconds(60),
            "generate", "--sessions", sessions.ToString(), "--messages", "12", "--invalid-fraction", "0.2", "--seed", seed.ToString(),
            "--id-prefix", $"s{seed}", "-o", file);
        Assert.True(code == 0, output);
        var expected = System.IO.File.ReadLines(file).Select(l => JsonNode.Parse(l)!)
            .ToDictionary(n => n["sessionId"]!.GetValue<string>(), n => n["metadata"]!["properties"]!["expected"]!.GetValue<string>());
        return new GeneratedStream(file, expected);
    }
}
