using System.Text.Json;
using Sessions.Contributions.Merging;
using Sessions.Trainer.Runs;
using Sessions.Trainer.Folds;

namespace Sessions.Trainer.FineTuning;

/// <summary>
/// Writes <c>train.jsonl</c> and <c>validation.jsonl</c> in the chat <c>messages</c> format that OpenAI's and
/// Hugging Face's fine-tuning tools read, split by session (grouped folds), plus <c>dataset_card.json</c>.
/// Streams: one example in memory at a time. Every line is checked against the format before it is written. With
/// <c>copiesPerExample</c> N above 0, up to N augmented copies follow their parent in <c>train.jsonl</c> (never in
/// <c>validation.jsonl</c>: a copy sits in its parent's fold), so no reply appears more than N + 1 times.
/// </summary>
public sealed class FineTuningExporter(GroupedFolds folds)
{
    private static readonly JsonSerializerOptions CardJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<DatasetCard> ExportAsync(
        IAsyncEnumerable<ExportExample> examples, string folder, string modelName, string modelVersion, string snapshotHash, CancellationToken ct,
        ILookup<long, ExportExample>? copies = null, int copiesPerExample = 0, string augmentation = "none")
    {
        var copyLines = 0;
        Directory.CreateDirectory(folder);
        var tokens = new List<int>();
        var sessions = new HashSet<string>();
        int train = 0, validation = 0;
        await using (var trainFile = new StreamWriter(Path.Combine(folder, "train.jsonl")))
        await using (var validationFile = new StreamWriter(Path.Combine(folder, "validation.jsonl")))
        {
            await foreach (var example in examples.WithCancellation(ct))
            {
                var line = $"{{\"messages\":{example.MessagesJson}}}";
                var problems = FineTuningFormat.Problems(line);
                if (problems.Count > 0)
                {
                    throw new InvalidDataException($"an accepted example of session {example.SessionId} fails the fine-tuning format: {string.Join(", ", problems)}");
                }

                var toValidation = folds.IsValidation(example.SessionId);
                await (toValidation ? validationFile : trainFile).WriteLineAsync(line.AsMemory(), ct);
                _ = toValidation ? validation++ : train++;
                tokens.Add(example.TokenCount);
                sessions.Add(example.SessionId);
                if (toValidation || copiesPerExample <= 0 || copies is null)
                {
                    continue;
                }

                foreach (var copy in copies[example.Id].Take(copiesPerExample))
                {
                    var copyLine = $"{{\"messages\":{copy.MessagesJson}}}";
                    if (FineTuningFormat.Problems(copyLine).Count == 0)
                    {
                        await trainFile.WriteLineAsync(copyLine.AsMemory(), ct);
                        train++;
                        copyLines++;
                        tokens.Add(copy.TokenCount);
                    }
                }
            }
        }

        var card = new DatasetCard(modelName, modelVersion, snapshotHash, train, validation, sessions.Count,
            TokenStatistics.Of(tokens), DatasetCard.SuggestEpochs(train), "openai-chat-jsonl")
        {
            Augmentation = augmentation,
            AugmentedTrainExamples = copyLines,
        };
        await File.WriteAllTextAsync(Path.Combine(folder, "dataset_card.json"), JsonSerializer.Serialize(card, CardJson), ct);
        return card;
    }
}
