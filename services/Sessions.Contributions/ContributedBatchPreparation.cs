using Sessions.Datasets;
using Sessions.Deduplication;

namespace Sessions.Contributions;

/// <summary>
/// The per-row work of an import that needs no database — redaction, token count, content hash, MinHash fingerprint,
/// embeddings — spread over the cores and kept in row order, so it runs while the previous batch is being written.
/// </summary>
public sealed class ContributedBatchPreparation(ContributedExampleBuilder builder, ContributedEmbeddings embeddings, DeduplicationOptions deduplication)
{
    private readonly NearDuplicateIndex _fingerprinter = new(deduplication, new InMemoryNearDuplicateStore(bands: deduplication.Bands));

    public async Task<PreparedBatch> PrepareAsync(ReadBatch batch, CancellationToken ct)
    {
        var rejections = new List<RowRejection>(batch.Rejections);
        var examples = new List<ContributedExample>(batch.Rows.Count);
        var fingerprints = new List<TextFingerprint>(batch.Rows.Count);
        var built = batch.Rows.AsParallel().AsOrdered().WithCancellation(ct).Select(row =>
        {
            var (example, rejection) = builder.Build(row);
            return (example, rejection, Fingerprint: example is null ? null : _fingerprinter.Fingerprint(example.LastExchange.Combined));
        });
        foreach (var (example, rejection, fingerprint) in built)
        {
            if (rejection is not null)
            {
                rejections.Add(rejection);
                continue;
            }

            examples.Add(example!);
            fingerprints.Add(fingerprint!);
        }

        var vectors = await embeddings.VectorsAsync(examples, ct);
        return new PreparedBatch(rejections, examples.Select((e, i) => new PreparedRow(e, fingerprints[i], vectors[i])).ToList(), batch.BytesRead);
    }
}
