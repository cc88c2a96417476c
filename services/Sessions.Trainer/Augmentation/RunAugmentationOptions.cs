namespace Sessions.Trainer.Augmentation;

/// <summary>The augmentation step of a training run, bound from <c>Trainer:Augmentation</c>.</summary>
public sealed class RunAugmentationOptions
{
    /// <summary>Ask the augmentor for the snapshot's copies at all.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>How long a run waits for the augmentor's answer.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary><c>continue</c> (train without copies, and say so in the metrics) or <c>fail</c> (the run fails with the reason).</summary>
    public string WhenUnanswered { get; set; } = "continue";
    /// <summary>
    /// Keep the adapter trained with the copies' user turns as extra query variants of their pair. Both adapters are
    /// trained and measured either way; off by default because the copies did not raise validation MRR@10 on the
    /// bundled sample nor on manual-page text (docs/benchmarks.md).
    /// </summary>
    public bool AdapterPairs { get; set; }
    /// <summary>Copies per original in <c>train.jsonl</c>: none by default, so no reply appears more than once; at most N + 1 times with N.</summary>
    public int CopiesPerExampleInFiles { get; set; }
}
