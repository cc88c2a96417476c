using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Sessions.Storage.Entities;
using Sessions.Text;
using Sessions.Validator.Validation;

namespace Sessions.Validator.Augmentation;

/// <summary>A copy of an accepted example with a rewritten user turn, ready to be validated like any example.</summary>
public sealed record AugmentedExample(ExampleRecord Record, ExampleCandidate Candidate);

/// <summary>
/// Makes the augmented copies of accepted examples: EDA rewrites of the user turn only (a model must never learn
/// corrupted answers), embedded with the configured generator and dropped when they drift from the parent's user
/// turn. Each copy keeps its parent's session (fold assignment) and reply, and records its parent. With a
/// paraphraser configured, each parent also gets one paraphrase, filtered the same way; a failed paraphrase costs only
/// that copy.
/// </summary>
public sealed class ExampleAugmentation(
    EdaAugmenter eda,
    ParentDistanceFilter drift,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    ITokenCounter tokens,
    AugmentationOptions options,
    IParaphraser? paraphraser = null,
    ILogger<ExampleAugmentation>? logger = null)
{
    public async Task<List<AugmentedExample>> CopiesAsync(IReadOnlyList<(ExampleRecord Parent, ExampleCandidate Candidate)> accepted, int corpusSize, DateTime now, CancellationToken ct)
    {
        var made = new List<AugmentedExample>();
        var placeholder = -1L; // copies are not stored yet: ids unique within the batch, never a real one
        if (!options.Enabled)
        {
            return made;
        }

        foreach (var (parent, candidate) in accepted)
        {
            var copies = eda.Augment(parent.Id, candidate.Text.User, corpusSize).ToList();
            if (paraphraser is not null && await ParaphraseAsync(parent.Id, candidate.Text.User, ct) is { } paraphrase)
            {
                copies.Add(paraphrase);
            }

            if (copies.Count == 0)
            {
                continue;
            }

            var vectors = await embedder.GenerateAsync([candidate.Text.User, .. copies.Select(c => c.Text)], cancellationToken: ct);
            if (vectors.Count != copies.Count + 1)
            {
                throw new InvalidOperationException($"{copies.Count + 1} texts embedded but {vectors.Count} embeddings returned");
            }

            var variant = 1;
            var history = new ParentHistory(parent.MessagesJson);
            // The parent's tokens without its user turn, counted once for all its copies.
            var tokensBesideUser = parent.TokenCount - tokens.Count(candidate.Text.User);
            for (var i = 0; i < copies.Count; i++)
            {
                if (!drift.Keeps(vectors[0].Vector.Span, vectors[i + 1].Vector.Span))
                {
                    continue;
                }

                var copy = copies[i];
                var record = CopyOf(parent, history, tokensBesideUser, copy, variant++, now);
                made.Add(new AugmentedExample(record, candidate with
                {
                    Id = placeholder--,
                    ContentHash = record.ContentHash,
                    TokenCount = record.TokenCount,
                    Text = candidate.Text with { User = copy.Text },
                    IsCopy = true,
                }));
            }
        }

        return made;
    }

    private async Task<AugmentedCopy?> ParaphraseAsync(long parentId, string user, CancellationToken ct)
    {
        try
        {
            var text = await paraphraser!.ParaphraseAsync(user, ct);
            return string.Equals(TextNormalizer.Normalize(text), TextNormalizer.Normalize(user), StringComparison.Ordinal)
                ? null
                : new AugmentedCopy(parentId, text, AugmentationOperation.Paraphrase);
        }
        catch (ParaphraseServiceException ex)
        {
            logger?.LogWarning("No paraphrase for example {ExampleId}: {Reason}", parentId, ex.Message);
            return null;
        }
    }

    private ExampleRecord CopyOf(ExampleRecord parent, ParentHistory history, int tokensBesideUser, AugmentedCopy copy, int variant, DateTime now)
    {
        var (messagesJson, contentHash) = history.With(copy.Text);
        return new ExampleRecord
        {
            SessionId = parent.SessionId,
            ModelName = parent.ModelName,
            MessagesJson = messagesJson,
            ContentHash = contentHash,
            TokenCount = tokensBesideUser + tokens.Count(copy.Text),
            FirstMessageIndex = parent.FirstMessageIndex,
            LastMessageIndex = parent.LastMessageIndex,
            Origin = ExampleOrigin.Augmented,
            Variant = variant,
            ParentExampleId = parent.Id,
            CreatedAt = now,
        };
    }
}
