using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using Sessions.Contracts;
using Sessions.Processor;
using Sessions.Embeddings;
using Sessions.Processor.Enrichment;
using Sessions.Processor.Examples;
using Sessions.Processor.Requirements;
using Sessions.Text;
using Sessions.Text.Tokenization;
using Sessions.Text.Redaction;
using Sessions.UnitTests;

namespace Sessions.Benchmarks;

/// <summary>The processing of one 20-message session without broker or database, with and without embedding.</summary>
[MemoryDiagnoser]
public class SessionProcessingBenchmarks
{
    private readonly SessionEnded _session = Conversations.Valid("bench-1", turns: 20) with
    {
        Metadata = new SessionMetadata { StartTime = Conversations.Start, EndTime = Conversations.Start.AddMinutes(30) },
    };

    private SessionIntake _withLexicalEmbedder = null!;
    private SessionIntake _withPrecomputedEmbeddings = null!;
    private readonly SessionRequirements _requirements = new(new SessionRequirementsOptions());
    private readonly ExampleCutter _cutter = new(new ExampleOptions(), TiktokenTokenCounter.For(null));
    private readonly PiiRedactor _redactor = new(new RedactionOptions());

    [GlobalSetup]
    public void Setup()
    {
        _withLexicalEmbedder = Intake(new LexicalHashingEmbeddingGenerator());
        _withPrecomputedEmbeddings = Intake(new PrecomputedEmbeddings());
    }

    [Benchmark]
    public int Requirements() => _requirements.Check(_session, Conversations.Start.AddDays(1)).Count;

    [Benchmark]
    public int Redaction() => _session.Messages!.Sum(m => _redactor.Redact(m.Content).Total);

    [Benchmark]
    public int CutExamples() => _cutter.Cut(_session.Messages!).Count;

    /// <summary>Everything the processor does to a session except computing embeddings.</summary>
    [Benchmark(Baseline = true)]
    public async Task<int> ProcessSession_EmbeddingsPrecomputed() => (await _withPrecomputedEmbeddings.ProcessAsync(_session, default)).Examples.Count;

    [Benchmark]
    public async Task<int> ProcessSession_LexicalEmbedder() => (await _withLexicalEmbedder.ProcessAsync(_session, default)).Examples.Count;

    private SessionIntake Intake(IEmbeddingGenerator<string, Embedding<float>> embedder) => new(
        _requirements, _redactor, _cutter, embedder, Array.Empty<IEnrichmentSource>(), TiktokenTokenCounter.For(null),
        new EmbeddingOptions(), new FixedClock(Conversations.Start.AddDays(1)));

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    /// <summary>Returns one shared vector per text: measures the pipeline around the embedder, not the embedder.</summary>
    private sealed class PrecomputedEmbeddings : IEmbeddingGenerator<string, Embedding<float>>
    {
        private static readonly float[] Vector = new LexicalHashingEmbeddingGenerator().Embed("precomputed");

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select(_ => new Embedding<float>(Vector))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
