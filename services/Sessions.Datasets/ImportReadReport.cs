namespace Sessions.Datasets;

/// <summary>
/// Counts of one import's reading, and every rejection with its row number (up to <see cref="MaxListedRejections"/>,
/// so a file of garbage cannot exhaust memory; the counts stay exact beyond it).
/// </summary>
public sealed class ImportReadReport(int maxListedRejections = 100_000)
{
    private readonly List<RowRejection> rejections = [];
    private readonly Dictionary<string, long> rejectedByCode = new(StringComparer.Ordinal);

    public int MaxListedRejections { get; } = maxListedRejections;

    public long Accepted { get; private set; }

    public long Rejected { get; private set; }

    public long Read => Accepted + Rejected;

    public IReadOnlyList<RowRejection> Rejections => rejections;

    public IReadOnlyDictionary<string, long> RejectedByCode => rejectedByCode;

    public void Add(RowResult result)
    {
        if (result.IsAccepted)
        {
            Accepted++;
            return;
        }
        Rejected++;
        rejectedByCode[result.Rejection.Code] = rejectedByCode.GetValueOrDefault(result.Rejection.Code) + 1;
        if (rejections.Count < MaxListedRejections) rejections.Add(result.Rejection);
    }
}
