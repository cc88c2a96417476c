namespace Sessions.Contributions;

/// <summary>How contributed rows become examples, bound from <c>Trainer:Contributions</c>; reading settings are <c>Datasets:Import</c>.</summary>
public sealed class ContributionOptions
{
    public const string SectionName = "Trainer:Contributions";

    /// <summary>Rows read, prepared and written together; with one batch waiting between pipeline stages, memory stays bounded.</summary>
    public int BatchRows { get; set; } = 1_000;

    /// <summary>An admin-tool import still "running" this long after it started on another machine counts as abandoned (see <see cref="IntegrationLease"/>).</summary>
    public TimeSpan AbandonedAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>SQLite's page cache during an import (MiB, default 2 MB otherwise): fewer index pages written twice.</summary>
    public int SqliteCacheMebibytes { get; set; } = 64;

    /// <summary>The same bounds the validator applies to session examples.</summary>
    public int MinSequenceTokens { get; set; } = 1;

    public int MaxSequenceTokens { get; set; } = 512;

    /// <summary>Tokens added per message for the chat format, as the processor's example cutter counts them.</summary>
    public int TokensPerMessage { get; set; } = 4;

    /// <summary>The <c>Model</c> stored with a row's own (cleaned) embedding.</summary>
    public string EmbeddingModel { get; set; } = "contributed";

    /// <summary>
    /// False (default): an import commits rows without vectors of their own with <c>EmbeddingsPending</c> set, at the
    /// speed of the disk, and the embedding backfill fills them in afterwards. True: the import embeds every row inside
    /// its transaction, as it once did (hours for a large file with a real encoder).
    /// </summary>
    public bool EmbedDuringImport { get; set; }

    /// <summary>Examples the backfill embeds and commits together: an interruption loses at most one batch's work, never half of one.</summary>
    public int BackfillBatchRows { get; set; } = 256;

    /// <summary>How long the backfill waits before looking again when nothing is pending.</summary>
    public double BackfillIdleSeconds { get; set; } = 5;

    /// <summary>Rejections listed with row numbers in a report; counts stay exact beyond it.</summary>
    public int MaxListedRejections { get; set; } = 1_000;

    /// <summary>What is wrong with these settings, naming the setting; null when they can be used.</summary>
    public string? Problem() =>
        BatchRows < 1 ? $"{SectionName}:BatchRows must be at least 1, got {BatchRows}"
        : SqliteCacheMebibytes is < 1 or > 65_536 ? $"{SectionName}:SqliteCacheMebibytes must be between 1 and 65536, got {SqliteCacheMebibytes}"
        : MinSequenceTokens < 1 || MaxSequenceTokens < MinSequenceTokens
            ? $"{SectionName}:MinSequenceTokens must be at least 1 and at most MaxSequenceTokens, got {MinSequenceTokens}..{MaxSequenceTokens}"
        : TokensPerMessage < 0 ? $"{SectionName}:TokensPerMessage must not be negative, got {TokensPerMessage}"
        : string.IsNullOrWhiteSpace(EmbeddingModel) ? $"{SectionName}:EmbeddingModel must not be empty"
        : MaxListedRejections < 0 ? $"{SectionName}:MaxListedRejections must not be negative, got {MaxListedRejections}"
        : BackfillBatchRows < 1 ? $"{SectionName}:BackfillBatchRows must be at least 1, got {BackfillBatchRows}"
        : !(BackfillIdleSeconds > 0) ? $"{SectionName}:BackfillIdleSeconds must be above 0, got {BackfillIdleSeconds}"
        : null;
}
