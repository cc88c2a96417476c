namespace Sessions.Validator.Augmentation;

/// <summary>
/// Rewrites a user turn in other words (a paraphrasing model, or back-translation through a pivot language).
/// Optional and off by default; a result equal to the input is not a copy. Failures throw <see cref="ParaphraseServiceException"/>.
/// </summary>
public interface IParaphraser
{
    Task<string> ParaphraseAsync(string userText, CancellationToken cancellationToken = default);
}
