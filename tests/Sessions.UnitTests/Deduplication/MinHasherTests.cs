using System.Numerics;
using System.Security.Cryptography;
using Sessions.Deduplication;

namespace Sessions.UnitTests.Deduplication;

/// <summary>
/// Signatures are stored (examples' signatures, band rows), so the same seed and text must give the same bits in every
/// version: the pinned values below were computed by the MinHasher before it was vectorized.
/// </summary>
public class MinHasherTests
{
    private const string FoxSignature =
        "7D215228C9866F093FC14B44AC5DA8625FF4D4BD4E01BEC79B3B851B6E09705ED0048FE6AADF5D0F7C4ACBE13B220CC90C4C752F8694E2C5ED2342B07BC46546" +
        "7C3BF68460E10551A5D3527463DAE4979F3B860682AADDA87C336B22D3DCB6428EC3D040B32245A0E09B47358C99B61DA5FDC2771D5768EC12844F3F8A879921" +
        "DDEF4712D074FA7876C2B873B37F29C0CC857248B8093ED249CAFEDB84363F3F68D2502215427E4CB6468B14FD572DD6DCC010898217D7CF644032B5AF2E7E52" +
        "0362EFF6A4D0D55B8C798876599F97A5D105F12B8DE6E0C540D91E86F454F4B0A2A8ED3C1F3B48F5D41A56867EBE08F79CC1CBB8ECEDE6F886166B81E3E75BA6" +
        "FDD5A21149B89F980C05DCB3FEE9661F1061972A316CDD5DECD5F62D926D1E5875F1F1CF09BBE20574DBAA278280856AF8D2CC588C2F55A542D1D14D33D2ADE6" +
        "1DE692FF7E7093A3EB45BF30D976961D93A665A25DD19B08F75D3D0980BD17367DC8F5BB346D79D052E46CA32AB8040AE70E8DD6784925A44F6AD398584FF655" +
        "218A315465C8B8F4F9B25B1D4ED9879BA01AB13ED48DF5B62B5B4798749B2F27B526C7DA0FDA3A4A9A3F20D4CBA277BCC6C1499E250DE2EEE3737103C581E4E3" +
        "05874F78C0446410D634019A4593286963937AAC75D3D97FF22303861221F50C04EADFF967877C576CF30728DB5383798DD77DF5B6D74ABB72683B60E66B7E4D";

    [Fact]
    public void A_signature_is_the_one_stored_before_the_vectorized_minimum()
    {
        var signature = new MinHasher(128, 42).Compute(ShingleSet.FromText("The quick brown fox jumps over the lazy dog while the cat sleeps.", 3));

        Assert.Equal(FoxSignature, Convert.ToHexString(signature.ToBytes()));
    }

    [Fact]
    public void Nine_hundred_random_texts_under_three_seeds_hash_as_they_did_before()
    {
        var random = new Random(7);
        string[] words = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon".Split(' ');
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var seed in new[] { 42, 1, -5 })
        {
            var hasher = new MinHasher(seed == 1 ? 37 : 128, seed); // 37: a count the vector width does not divide
            for (var t = 0; t < 300; t++)
            {
                var count = 1 + random.Next(200);
                var text = string.Join(' ', Enumerable.Range(0, count)
                    .Select(_ => words[random.Next(words.Length)] + (random.Next(5) == 0 ? random.Next(1000).ToString() : "")));
                digest.AppendData(hasher.Compute(ShingleSet.FromText(text, 3)).ToBytes());
            }
        }

        Assert.Equal("7FBC79AA6A9604D11B17FFAE59DF59006B881DCC55D657BE2143EE00CCEB225A", Convert.ToHexString(digest.GetHashAndReset()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(12)]
    [InlineData(37)]
    [InlineData(128)]
    public void The_vectorized_and_scalar_minima_are_the_modular_definition(int permutations)
    {
        var random = new Random(permutations);
        const ulong prime = MersenneMinima.Prime;
        ulong[] edges = [0, 1, 2, prime - 1, prime - 2, (1UL << 32) - 1, 1UL << 32, (1UL << 60) + 12345, 0xFFFFFFFF00000000UL & (prime - 1)];
        ulong Below() => random.Next(3) == 0 ? edges[random.Next(edges.Length)] : (ulong)random.NextInt64() % prime;
        for (var round = 0; round < 50; round++)
        {
            var a = Enumerable.Range(0, permutations).Select(_ => Below()).ToArray();
            var b = Enumerable.Range(0, permutations).Select(_ => Below()).ToArray();
            var xs = Enumerable.Range(0, 1 + random.Next(40)).Select(_ => Below()).ToArray();
            var expected = a.Select((ai, i) => xs.Min(x => (ulong)((new BigInteger(ai) * x + b[i]) % prime))).ToArray();

            var scalar = new ulong[permutations];
            MersenneMinima.Scalar(a, b, xs, scalar);
            Assert.Equal(expected, scalar);
            if (MersenneMinima.IsVectorized)
            {
                var vectorized = new ulong[permutations];
                MersenneMinima.Vectorized(a, b, xs, vectorized);
                Assert.Equal(expected, vectorized);
            }
        }
    }

    [Fact]
    public void The_minimum_over_no_inputs_is_refused()
    {
        Assert.Throws<ArgumentException>(() => MersenneMinima.Compute([1], [2], [], new ulong[1]));
    }
}
