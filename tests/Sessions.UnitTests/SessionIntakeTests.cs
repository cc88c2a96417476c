using Sessions.Embeddings.MiniLm;
using Microsoft.Extensions.AI;
using Sessions.Processor;
using Sessions.Embeddings;
using Sessions.Processor.Enrichment;
using Sessions.Processor.Examples;
using Sessions.Processor.Requirements;
using Sessions.Text.Redaction;

namespace Sessions.UnitTests;

public class SessionIntakeTests
{
    [Fact]
    public async Task Vectors_that_are_NaN_or_zero_are_not_kept_and_are_counted()
    {
        var intake = new SessionIntake(
            new SessionRequirements(new SessionRequirementsOptions()),
            new PiiRedactor(new RedactionOptions()),
            new ExampleCutter(new ExampleOptions(), BertTokenCounter.MiniLm),
            new BrokenEmbedder(),
            [],
            BertTokenCounter.MiniLm,
            new EmbeddingOptions(),
            TimeProvider.System);

        var outcome = await intake.ProcessAsync(Conversations.Valid(turns: 13), default);

        Assert.True(outcome.Accepted);
        Assert.Equal(8, outcome.Embeddings.Count);
        Assert.Equal(4, outcome.InvalidEmbeddings);
        Assert.All(outcome.Embeddings, e => Assert.Null(EmbeddingVector.Problem(e.Vector, 384)));
    }

    /// <summary>Of every six texts the first gets NaN and the second a zero vector: 4 bad of the 12.</summary>
    private sealed class BrokenEmbedder : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly LexicalHashingEmbeddingGenerator _good = new();

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(values.Select((text, i) => new Embedding<float>(
                i % 6 == 0 ? Enumerable.Repeat(float.NaN, 384).ToArray()
                : i % 6 == 1 ? new float[384]
                : _good.Embed(text)))));

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
