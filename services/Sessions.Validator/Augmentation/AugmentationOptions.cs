namespace Sessions.Validator.Augmentation;

/// <summary>Augmentation of user turns (EDA, optional paraphrase), bound from the <c>Validator:Augmentation</c> section.</summary>
public class AugmentationOptions
{
    public const string SectionName = "Validator:Augmentation";

    public bool Enabled { get; set; } = true;
    /// <summary>Mixed with each parent example's id, so that every example gets its own, repeatable copies.</summary>
    public int Seed { get; set; } = 42;
    /// <summary>Alpha and copies by dataset size; empty means <see cref="EdaSchedule.Paper"/>.</summary>
    /// <remarks>An array left null rather than a prefilled list: the configuration binder appends to a prefilled list.</remarks>
    public EdaScheduleStep[]? Schedule { get; set; }
    /// <summary>Upper bound on copies per example whatever the schedule says.</summary>
    public int MaxCopiesPerExample { get; set; } = 16;
    /// <summary>Copies whose embedding has a cosine similarity to the parent's below this are dropped as drifted.</summary>
    public double MinParentCosine { get; set; } = 0.7;
    public ParaphraseOptions Paraphrase { get; set; } = new();
}

/// <summary>Paraphrase (or back-translation) through an OpenAI-compatible chat endpoint; off unless configured.</summary>
public class ParaphraseOptions
{
    public bool Enabled { get; set; }
    /// <summary>Base address of the OpenAI-compatible API, for example <c>http://127.0.0.1:11434/v1/</c> (Ollama), as for embeddings.</summary>
    public Uri? Endpoint { get; set; }
    public string Model { get; set; } = "";
    /// <summary>Sent as a bearer token when set; from configuration or environment, never committed.</summary>
    public string? ApiKey { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    public double Temperature { get; set; } = 0.7;
    /// <summary>The system message; the user turn is sent as the user message.</summary>
    public string Instruction { get; set; } =
        "Rewrite the user's message in different words. Keep its meaning, language, facts, names, numbers and code exactly. " +
        "Answer with the rewritten message only, without quotes or comments.";
}
