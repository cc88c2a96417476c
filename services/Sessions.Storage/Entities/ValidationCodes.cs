namespace Sessions.Storage.Entities;

/// <summary>Stable reason codes of rejected examples.</summary>
public static class ValidationCodes
{
    public const string SequenceTooShort = "sequence_too_short";
    public const string SequenceTooLong = "sequence_too_long";
    public const string DuplicateExact = "duplicate_exact";
    public const string DuplicateNear = "duplicate_near";
}
