namespace Sessions.Validator;

/// <summary>Validation defaults (seed 001 <c>validation_config</c>), bound from the <c>Validator</c> section.</summary>
public class ValidatorOptions
{
    public const string SectionName = "Validator";

    public int MinSequenceTokens { get; set; } = 1;
    public int MaxSequenceTokens { get; set; } = 512;
}
