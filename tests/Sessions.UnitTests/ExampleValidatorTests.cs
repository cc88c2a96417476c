using Sessions.Deduplication;
using Sessions.Validator;
using Sessions.Validator.Quality;
using Sessions.Validator.Validation;
using Sessions.Storage.Entities;
using Sessions.Text;

namespace Sessions.UnitTests;

public class ExampleValidatorTests
{
    private readonly ExampleValidator _validator = new(new QualityScorer(new QualityOptions()));

    private static ValidationCorpus Corpus(params string[] acceptedHashes) =>
        new(acceptedHashes.ToHashSet(), new NearDuplicateIndex(new DeduplicationOptions(), new InMemoryNearDuplicateStore()), new ModelQualityState { Changes = new() });

    private static ExampleCandidate Candidate(long id, string hash, int tokens, string reply = "") =>
        new(id, hash, tokens, new ExchangeText($"question number {id} about invoices and storage", reply == "" ? $"answer {id} " + string.Join(' ', Enumerable.Range(0, 12).Select(i => $"w{id * 100 + i}")) : reply));

    [Fact]
    public void Length_bounds_and_exact_duplicates_are_rejected_with_codes()
    {
        var verdicts = _validator.Validate(
        [
            Candidate(1, "a", 100),
            Candidate(2, "b", 0),
            Candidate(3, "c", 513),
            Candidate(4, "a", 120),
            Candidate(5, "known", 50),
        ], Corpus("known"));

        Assert.True(verdicts[0].Accepted);
        Assert.Equal([ValidationCodes.SequenceTooShort, QualityCodes.LowQualityScore], verdicts[1].Reasons.Select(r => r.Code));
        Assert.Equal([ValidationCodes.SequenceTooLong, QualityCodes.LowQualityScore], verdicts[2].Reasons.Select(r => r.Code));
        Assert.Equal(0, verdicts[2].QualityScore);
        Assert.Equal([ValidationCodes.DuplicateExact], verdicts[3].Reasons.Select(r => r.Code));
        Assert.Equal([ValidationCodes.DuplicateExact], verdicts[4].Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_rejected_text_does_not_block_a_later_valid_copy_in_the_same_batch()
    {
        const string reply = "the same reply text explains where invoices are kept";
        var verdicts = _validator.Validate([Candidate(1, "x", 900, reply), Candidate(2, "x", 10, reply)], Corpus());

        Assert.False(verdicts[0].Accepted);
        Assert.True(verdicts[1].Accepted);
    }

    [Fact]
    public void A_near_copy_of_an_accepted_exchange_is_rejected_and_names_the_example_it_copies()
    {
        const string reply = "You can change the billing address under Settings then Account and the next invoice will show it within a day";
        var verdicts = _validator.Validate(
        [
            new(1, "h1", 50, new ExchangeText("How do I change the billing address on my invoices?", reply)),
            new(2, "h2", 50, new ExchangeText("How do I change the billing address on my invoices??", reply + ".")),
            new(3, "h3", 50, new ExchangeText("Why is the storage quota lower than last month?", "The quota follows your plan; the March upgrade was undone when the trial ended.")),
        ], Corpus());

        Assert.True(verdicts[0].Accepted);
        Assert.Equal([ValidationCodes.DuplicateNear], verdicts[1].Reasons.Select(r => r.Code));
        Assert.Contains("accepted example 1", verdicts[1].Reasons[0].Detail);
        Assert.True(verdicts[2].Accepted);
    }
}
