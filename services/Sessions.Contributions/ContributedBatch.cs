using Sessions.Datasets;
using Sessions.Deduplication;

namespace Sessions.Contributions;

/// <summary>
/// Up to <see cref="ContributionOptions.BatchRows"/> rows as read, with the rows refused by the reader since the
/// previous batch (reported first, so the report lists rejections in the order it always did) and the bytes read so far.
/// </summary>
public sealed record ReadBatch(IReadOnlyList<RowRejection> Rejections, IReadOnlyList<ContributedRow> Rows, long BytesRead);

/// <summary>A read batch made ready to store, off the database: its rejections so far and the rows that can still be accepted.</summary>
public sealed record PreparedBatch(IReadOnlyList<RowRejection> Rejections, IReadOnlyList<PreparedRow> Rows, long BytesRead);

/// <summary>An example with its MinHash fingerprint (duplicate checks, band rows) and the vectors stored if it is accepted.</summary>
public sealed record PreparedRow(ContributedExample Example, TextFingerprint Fingerprint, IReadOnlyList<MessageVector> Vectors);
