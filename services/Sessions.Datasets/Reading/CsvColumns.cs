using System.Globalization;

namespace Sessions.Datasets.Reading;

/// <summary>Positions of the mapped columns in one CSV header, and the mapping of a record to a chat row.</summary>
internal sealed class CsvColumns
{
    private int user, assistant, system = -1, sessionId = -1, embedding = -1, weight = -1;

    public int Count { get; private init; }

    public static CsvColumns FromHeader(IReadOnlyList<string> header, CsvColumnMapping mapping, string source)
    {
        var names = header.Select(h => h.Trim()).ToList();
        int Find(string? configured, string fallback, string option, bool required)
        {
            var index = names.IndexOf(configured ?? fallback);
            if (index < 0 && (required || configured is not null))
            {
                throw new DatasetImportException(ImportErrorCodes.CsvHeader,
                    $"{source}: the CSV header has no column '{configured ?? fallback}' (columns: {string.Join(", ", names)}); " +
                    $"set Csv.{option} to the column that holds it.");
            }
            return index;
        }
        return new CsvColumns
        {
            Count = names.Count,
            user = Find(mapping.UserColumn, "prompt", nameof(mapping.UserColumn), required: true),
            assistant = Find(mapping.AssistantColumn, "completion", nameof(mapping.AssistantColumn), required: true),
            system = Find(mapping.SystemColumn, "system", nameof(mapping.SystemColumn), required: false),
            sessionId = Find(mapping.SessionIdColumn, "session_id", nameof(mapping.SessionIdColumn), required: false),
            embedding = Find(mapping.EmbeddingColumn, "embedding", nameof(mapping.EmbeddingColumn), required: false),
            weight = Find(mapping.WeightColumn, "weight", nameof(mapping.WeightColumn), required: false),
        };
    }

    public RowResult Map(IReadOnlyList<string> fields, string source, long rowNumber)
    {
        var messages = new List<ContributedMessage>(3);
        if (system >= 0 && fields[system].Length > 0) messages.Add(new ContributedMessage(ChatRules.System, fields[system]));
        messages.Add(new ContributedMessage(ChatRules.User, fields[user]));
        messages.Add(new ContributedMessage(ChatRules.Assistant, fields[assistant]));
        if (ChatRules.Check(messages) is { } rejection) return RowResult.Rejected(source, rowNumber, rejection.Code, rejection.Detail);

        double? rowWeight = null;
        if (weight >= 0 && fields[weight].Length > 0)
        {
            if (!double.TryParse(fields[weight], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !(w > 0) || !double.IsFinite(w))
                return RowResult.Rejected(source, rowNumber, RowRejectionCodes.InvalidWeight, $"weight '{fields[weight]}' must be a finite number above 0");
            rowWeight = w;
        }
        float[]? vector = null;
        if (embedding >= 0 && fields[embedding].Trim().Length > 0)
        {
            vector = EmbeddingText.Parse(fields[embedding], out var problem);
            if (vector is null) return RowResult.Rejected(source, rowNumber, RowRejectionCodes.EmbeddingInvalid, problem!);
        }
        var session = sessionId >= 0 && fields[sessionId].Length > 0 ? fields[sessionId] : null;
        return RowResult.Accepted(new ContributedRow(source, rowNumber, messages, session, vector, rowWeight));
    }
}
