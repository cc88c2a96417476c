namespace Sessions.Trainer.FineTuning;

/// <summary>
/// The <c>command</c> fine-tuning backend: an external trainer run with the exported files. Arguments may use
/// <c>{train}</c>, <c>{validation}</c>, <c>{card}</c> and <c>{output}</c>, replaced by absolute paths.
/// </summary>
public class CommandBackendOptions
{
    public string FileName { get; set; } = "";
    /// <summary>Empty means <c>{train} {validation} {output}</c>. (A default list here would be appended to, not replaced, by configuration binding.)</summary>
    public List<string> Arguments { get; set; } = [];
    public TimeSpan Timeout { get; set; } = TimeSpan.FromHours(6);
}
