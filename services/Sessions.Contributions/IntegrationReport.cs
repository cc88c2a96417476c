using System.Text.Json;
using Sessions.Datasets;
using Sessions.Storage.Entities;

namespace Sessions.Contributions;

/// <summary>
/// What one integration did: counts, rejections by code (the first <c>maxListed</c> with their row numbers),
/// duplicates within the file and against the existing set, and the outcome.
/// </summary>
public sealed class IntegrationReport(Guid integrationId, int maxListed = 1_000)
{
    private readonly Dictionary<string, long> _rejectedByCode = new(StringComparer.Ordinal);
    private readonly List<RowRejection> _rejections = [];

    public Guid IntegrationId { get; } = integrationId;
    public string Status { get; set; } = IntegrationStatus.Running;
    /// <summary><c>code: detail</c> of the error that failed the integration.</summary>
    public string? Error { get; set; }
    /// <summary>True when the integration had already finished and nothing was done again.</summary>
    public bool AlreadyFinished { get; private init; }
    public bool DryRun { get; init; }
    public long RowsRead { get; private set; }
    public long Accepted { get; private set; }
    public long Rejected { get; private set; }
    public long DuplicatesInFile { get; private set; }
    public long DuplicatesExisting { get; private set; }
    public long BytesRead { get; set; }
    /// <summary>Accepted rows committed without vectors: the embedding backfill embeds them after the commit.</summary>
    public long EmbeddingsPending { get; set; }
    public IReadOnlyDictionary<string, long> RejectedByCode => _rejectedByCode;
    public IReadOnlyList<RowRejection> Rejections => _rejections;

    public bool Succeeded => Status == IntegrationStatus.Committed || (DryRun && Error is null);

    public void Accept()
    {
        RowsRead++;
        Accepted++;
    }

    public void Reject(RowRejection rejection, bool? duplicateWithinFile = null)
    {
        RowsRead++;
        Rejected++;
        _rejectedByCode[rejection.Code] = _rejectedByCode.GetValueOrDefault(rejection.Code) + 1;
        if (_rejections.Count < maxListed) _rejections.Add(rejection);
        if (duplicateWithinFile is true) DuplicatesInFile++;
        if (duplicateWithinFile is false) DuplicatesExisting++;
    }

    public void WriteTo(IntegrationRecord record)
    {
        record.Status = Status;
        record.Error = Error;
        record.RowsRead = RowsRead;
        record.Accepted = Accepted;
        record.Rejected = Rejected;
        record.DuplicatesInFile = DuplicatesInFile;
        record.DuplicatesExisting = DuplicatesExisting;
        record.RejectedByCodeJson = JsonSerializer.Serialize(_rejectedByCode);
    }

    /// <summary>The stored outcome of a finished integration (rejection details are not stored, their counts are).</summary>
    public static IntegrationReport Of(IntegrationRecord record)
    {
        var report = new IntegrationReport(record.Id) { AlreadyFinished = true, Status = record.Status, Error = record.Error };
        report.RowsRead = record.RowsRead;
        report.Accepted = record.Accepted;
        report.Rejected = record.Rejected;
        report.DuplicatesInFile = record.DuplicatesInFile;
        report.DuplicatesExisting = record.DuplicatesExisting;
        foreach (var (code, count) in JsonSerializer.Deserialize<Dictionary<string, long>>(record.RejectedByCodeJson) ?? [])
        {
            report._rejectedByCode[code] = count;
        }

        return report;
    }
}
