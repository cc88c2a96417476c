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
            var kept = drift.Filter(vectors[0].Vector.ToArray(), copies, vectors.Skip(1).Select(v => v.Vector.ToArray()).ToList());
            var variant = 1;
            var history = new ParentHistory(parent.MessagesJson);
            foreach (var copy in kept)
            {
                var record = CopyOf(parent, history, candidate.Text.User, copy, variant++, now);
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

    private ExampleRecord CopyOf(ExampleRecord parent, ParentHistory history, string user, AugmentedCopy copy, int variant, DateTime now)
    {
        var (messagesJson, contentHash) = history.With(copy.Text);
        return new ExampleRecord
        {
            SessionId = parent.SessionId,
            ModelName = parent.ModelName,
            MessagesJson = messagesJson,
            ContentHash = contentHash,
            TokenCount = parent.TokenCount - tokens.Count(user) + tokens.Count(copy.Text),
            FirstMessageIndex = parent.FirstMessageIndex,
            LastMessageIndex = parent.LastMessageIndex,
            Origin = ExampleOrigin.Augmented,
            Variant = variant,
            ParentExampleId = parent.Id,
            CreatedAt = now,
        };
    }
}
