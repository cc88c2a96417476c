using Sessions.Validator;
using Sessions.Validator.Validation;

namespace Sessions.UnitTests;

public class ExampleValidatorTests
{
    private readonly ExampleValidator _validator = new(new ValidatorOptions());

    [Fact]
    public void Length_bounds_and_exact_duplicates_are_rejected_with_codes()
    {
        var verdicts = _validator.Validate(
        [
            new(1, "a", 100),
            new(2, "b", 0),
            new(3, "c", 513),
            new(4, "a", 120),
            new(5, "known", 50),
        ], new HashSet<string> { "known" });

        Assert.True(verdicts[0].Accepted);
        Assert.Equal([ValidationCodes.SequenceTooShort], verdicts[1].Reasons.Select(r => r.Code));
        Assert.Equal([ValidationCodes.SequenceTooLong], verdicts[2].Reasons.Select(r => r.Code));
        Assert.Equal([ValidationCodes.DuplicateExact], verdicts[3].Reasons.Select(r => r.Code));
        Assert.Equal([ValidationCodes.DuplicateExact], verdicts[4].Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_rejected_text_does_not_block_a_later_valid_copy_in_the_same_batch()
    {
        var verdicts = _validator.Validate([new(1, "x", 900), new(2, "x", 10)], new HashSet<string>());

        Assert.False(verdicts[0].Accepted);
        Assert.True(verdicts[1].Accepted);
    }
}
