namespace Sessions.Validator.Augmentation;

/// <summary>
/// Augmentation of user turns, a step of a training run (the augmentor works on the run's snapshot), bound from the
/// <c>Validator:Augmentation</c> section.
/// </summary>
public class AugmentationOptions
{
    public const string SectionName = "Validator:Augmentation";

    public bool Enabled { get; set; } = true;
    /// <summary>Mixed with the run's seed and each parent's content hash, so that every example gets its own, repeatable copies.</summary>
    public int Seed { get; set; } = 42;
    /// <summary>Alpha and copies by dataset size (EDA's table); used only by callers that ask by dataset size.</summary>
    /// <remarks>An array left null rather than a prefilled list: the configuration binder appends to a prefilled list.</remarks>
    public EdaScheduleStep[]? Schedule { get; set; }
    /// <summary>EDA copies tried per parent (one operation each), before the checks.</summary>
    public int CopiesPerExample { get; set; } = 4;
    /// <summary>Share of a turn's words one operation changes (at least one word): kept small so a copy stays a sentence.</summary>
    public double Alpha { get; set; } = 0.1;
    /// <summary>Upper bound on copies per example whatever the schedule says.</summary>
    public int MaxCopiesPerExample { get; set; } = 16;
    /// <summary>
    /// Copies whose user turn has a cosine similarity to the parent's below this are refused as drifted
    /// (<c>semantic_drift</c>). Calibrated on real text: see docs/training.md.
    /// </summary>
    public double MinParentCosine { get; set; } = 0.9;
    /// <summary>Copies whose <see cref="CopyFluency"/> score is below this are refused (<c>not_fluent</c>).</summary>
    public double MinFluency { get; set; } = 0.5;
    /// <summary>Parents with fewer rewritable words get no copy (<c>parent_too_short</c>).</summary>
    public int MinParentWords { get; set; } = 3;
    /// <summary>Parents whose words the English synonym list knows less than this share of get no copy (<c>parent_language_not_covered</c>).</summary>
    public double MinLexiconCoverage { get; set; } = 0.6;
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
