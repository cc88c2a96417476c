using System.Diagnostics.CodeAnalysis;

namespace Sessions.Datasets;

/// <summary>What a reader yields for each row: either the row or its rejection, never both.</summary>
public sealed class RowResult
{
    private RowResult(ContributedRow? row, RowRejection? rejection)
    {
        Row = row;
        Rejection = rejection;
    }

    public ContributedRow? Row { get; }

    public RowRejection? Rejection { get; }

    [MemberNotNullWhen(true, nameof(Row))]
    [MemberNotNullWhen(false, nameof(Rejection))]
    public bool IsAccepted => Row is not null;

    public static RowResult Accepted(ContributedRow row) => new(row, null);

    public static RowResult Rejected(RowRejection rejection) => new(null, rejection);

    public static RowResult Rejected(string source, long rowNumber, string code, string detail) =>
        new(null, new RowRejection(source, rowNumber, code, detail));

    public override string ToString() => IsAccepted
        ? $"{Row.Source}:{Row.RowNumber} accepted"
        : $"{Rejection.Source}:{Rejection.RowNumber} {Rejection.Code}: {Rejection.Detail}";
}
