using Sessions.Deduplication;

namespace Sessions.UnitTests.Deduplication;

public class NearDuplicateIndexTests
{
    private const string Reply =
        "The increase comes from the extra storage volume you attached on October 12. Storage is billed per gigabyte-month, " +
        "so a full month of the new volume adds about thirty-eight dollars. You can see the line item under Storage.";

    private static NearDuplicateIndex NewIndex(DeduplicationOptions? options = null) =>
        new(options ?? new DeduplicationOptions(), new InMemoryNearDuplicateStore());

    [Fact]
    public void An_identical_text_is_found_even_with_other_case_spacing_and_punctuation()
    {
        var index = NewIndex();
        index.Add(7, Reply);
        index.Add(8, "Your invoice for March is attached; the payment is due within thirty days of the invoice date.");

        var match = index.Check("  the INCREASE comes from the extra storage volume you attached on october 12 storage is billed per " +
            "gigabyte month so a full month of the new volume adds about thirty eight dollars you can see the line item under storage!!");

        Assert.Equal(new NearDuplicateMatch(7, 1.0), match);
    }

    [Fact]
    public void A_lightly_edited_text_is_a_near_duplicate_of_its_original()
    {
        var index = NewIndex();
        index.Add(1, Reply);

        var match = index.Check(Reply.Replace("thirty-eight", "thirty-nine"));

        Assert.NotNull(match);
        Assert.Equal(1, match.ExampleId);
        Assert.InRange(match.EstimatedJaccard, 0.8, 0.99);
    }

    [Fact]
    public void Unrelated_texts_are_not_near_duplicates()
    {
        var index = NewIndex();
        index.Add(1, Reply);
        index.Add(2, "Restart the router, wait a minute, then check whether the status light turns green again.");

        Assert.Null(index.Check("To reset your password, open settings, choose security and follow the link we e-mail you."));
        Assert.Null(index.Check("The increase comes from somewhere else entirely, and nothing here is about storage or billing at all."));
    }

    [Fact]
    public void Two_indexes_with_the_same_seed_give_the_same_fingerprints_and_another_seed_does_not()
    {
        var first = NewIndex().Fingerprint(Reply);
        var second = NewIndex().Fingerprint(Reply);
        var otherSeed = NewIndex(new DeduplicationOptions { Seed = 7 }).Fingerprint(Reply);

        Assert.Equal(first.Signature!.ToBytes(), second.Signature!.ToBytes());
        Assert.Equal(first.BandKeys, second.BandKeys);
        Assert.NotEqual(first.Signature.ToBytes(), otherSeed.Signature!.ToBytes());
        Assert.Empty(first.BandKeys.Intersect(otherSeed.BandKeys));
    }

    [Fact]
    public void Signatures_round_trip_through_bytes_and_reject_malformed_bytes()
    {
        var signature = NewIndex().Fingerprint(Reply).Signature!;

        var bytes = signature.ToBytes();
        var restored = MinHashSignature.FromBytes(bytes);

        Assert.Equal(128 * 4, bytes.Length);
        Assert.Equal(signature.Values.ToArray(), restored.Values.ToArray());
        Assert.Equal(1.0, restored.EstimateJaccard(signature));
        Assert.Throws<ArgumentException>(() => MinHashSignature.FromBytes(bytes.AsSpan(0, 7)));
        Assert.Throws<ArgumentException>(() => MinHashSignature.FromBytes([]));
    }

    [Fact]
    public void Persisted_values_stay_the_same_across_releases()
    {
        // Pinned: if these change, every persisted signature and band key is stale.
        var fingerprint = NewIndex().Fingerprint("storage is billed per gigabyte month");

        Assert.Equal(5938878386273073331UL, StableHash.Of("hello"));
        Assert.Equal([1311964123u, 2655943120u, 2586858411u], fingerprint.Signature!.Values[..3].ToArray());
        Assert.Equal(18425259496474226937UL, fingerprint.BandKeys[0]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("😀😀🎉 👍🏽")]
    [InlineData("?!... --- ***, ;;")]
    [InlineData("\udc00\ud800 \udc00")]
    public void Texts_without_words_are_never_near_duplicates_and_are_not_stored(string text)
    {
        var store = new InMemoryNearDuplicateStore();
        var index = new NearDuplicateIndex(new DeduplicationOptions(), store);

        index.Add(1, text);
        index.Add(2, "😀😀🎉 👍🏽");

        Assert.True(index.Fingerprint(text).IsEmpty);
        Assert.Equal(0, store.Count);
        Assert.Null(index.Check(text));
    }

    [Fact]
    public void Lone_surrogates_separate_words_instead_of_throwing()
    {
        var index = NewIndex();
        index.Add(1, "storage is billed \ud800 per gigabyte month");

        Assert.Equal(1, index.Check("storage is billed per gigabyte month")?.ExampleId);
    }

    [Fact]
    public void A_text_of_100_000_characters_is_fingerprinted_and_found()
    {
        var random = new Random(3);
        var vocabulary = LabeledPairs.Vocabulary(random, 2000);
        var words = new List<string>();
        while (words.Sum(w => w.Length + 1) < 100_000)
        {
            words.Add(vocabulary[random.Next(vocabulary.Length)]);
        }

        var text = string.Join(' ', words);
        var index = NewIndex();
        var fingerprint = index.Add(1, text);

        Assert.True(text.Length >= 100_000);
        Assert.True(fingerprint.ShingleCount > 10_000);
        Assert.Equal(1, index.Check(text[..(text.Length * 9 / 10)])?.ExampleId);
    }

    [Fact]
    public void Options_that_do_not_fit_together_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NewIndex(new DeduplicationOptions { Bands = 20, Rows = 8 }));
        Assert.Throws<ArgumentException>(() => NewIndex(new DeduplicationOptions { Threshold = 0 }));
        Assert.Throws<ArgumentException>(() => NewIndex(new DeduplicationOptions { ShingleSize = 0 }));
        Assert.Equal("minhash-v1:k3:p128:b16x8:s42", new DeduplicationOptions().Scheme);
    }
}
