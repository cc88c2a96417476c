namespace Sessions.Contracts;

public static class TrainingType
{
    public const string Embedding = "embedding";
    public const string FineTuning = "finetuning";
    public const string All = "all";
}
