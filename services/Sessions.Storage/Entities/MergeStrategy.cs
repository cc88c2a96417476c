namespace Sessions.Storage.Entities;

public static class MergeStrategy
{
    public const string Append = "append";
    public const string Interleave = "interleave";
    public const string Weighted = "weighted";

    public static readonly IReadOnlyList<string> All = [Append, Interleave, Weighted];
}
