using BenchmarkDotNet.Attributes;
using Sessions.Deduplication;
using Sessions.Embeddings;
using Sessions.Storage.Entities;
using Sessions.Text.Tokenization;
using Sessions.Validator.Augmentation;
using Sessions.Validator.Quality;
using Sessions.Validator.Validation;
using Sessions.Text;

namespace Sessions.Benchmarks;

/// <summary>
/// The validator's work on one session of six examples, without the database: quality checks (TF-IDF, heuristics,
/// outliers), exact and near-duplicate checks against a corpus of 10,000 accepted examples, EDA copies of the
/// accepted user turns (16 each at the small-dataset setting), embedding the copies for the drift filter with the
/// default local generator, and validating the copies. Each session is new text (seeded), so nothing is a duplicate.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    private const int CorpusSize = 10_000;
    private const int ExamplesPerSession = 6;

    private static readonly string[] Words =
    [
        "change", "cost", "invoice", "storage", "account", "price", "plan", "upgrade", "support", "problem", "answer",
        "question", "explain", "reduce", "increase", "monthly", "weekly", "total", "charge", "payment", "card", "bank",
        "transfer", "refund", "delay", "order", "deliver", "package", "address", "street", "city", "country", "phone",
        "message", "email", "letter", "document", "file", "folder", "picture", "image", "video", "music", "song",
        "computer", "laptop", "screen", "keyboard", "mouse", "printer", "network", "server", "cloud", "backup",
        "restore", "delete", "create", "update", "install", "remove", "connect", "disconnect", "password", "login",
        "secure", "safe", "quick", "slow", "large", "small", "new", "old", "good", "bad", "help", "need", "want",
        "find", "search", "look", "show", "tell", "ask", "give", "take", "make", "build", "break", "fix", "repair",
        "start", "stop", "open", "close", "begin", "finish", "learn", "teach", "study", "read", "write", "speak",
        "listen", "travel", "flight", "hotel", "room", "ticket", "book", "cancel", "schedule", "meeting", "time",
    ];

    private ExampleValidator _validator = null!;
    private SnapshotAugmentor _augmentor = null!;
    private ValidationCorpus _corpus = null!;
    private Random _random = null!;
    private long _nextId;
    private string[] _rare = null!;

    [GlobalSetup]
    public void Setup()
    {
        _random = new Random(42);
        _rare = Sessions.UnitTests.Deduplication.LabeledPairs.Vocabulary(_random, 20_000);
        var options = new AugmentationOptions();
        _validator = new ExampleValidator(new QualityScorer(new QualityOptions()));
        _augmentor = new SnapshotAugmentor(new EdaAugmenter(SynonymLexicon.WordNet, options), SynonymLexicon.WordNet,
            EmbeddingGenerators.Create(new EmbeddingOptions { Provider = EmbeddingOptions.Lexical }), TiktokenTokenCounter.For(null), options);
        _corpus = new ValidationCorpus(new HashSet<string>(), new NearDuplicateIndex(new DeduplicationOptions(), new InMemoryNearDuplicateStore()),
            new ModelQualityState { Changes = new() });
        for (var i = 0; i < CorpusSize / ExamplesPerSession; i++)
        {
            _validator.Validate(Session().Select(s => s.Candidate).ToList(), _corpus);
        }
    }

    [Benchmark(Description = "validate + dedupe one session (6 examples)")]
    public int ValidateAndDedupeASession() =>
        _validator.Validate(Session().Select(s => s.Candidate).ToList(), _corpus).Count(v => v.Accepted);

    [Benchmark(Description = "augment one session's accepted examples as a training run does (6 examples)")]
    public async Task<int> AugmentASessionAsARunDoes()
    {
        var session = Session();
        var verdicts = _validator.Validate(session.Select(s => s.Candidate).ToList(), _corpus);
        var parents = session.Zip(verdicts).Where(p => p.Second.Accepted)
            .Select(p => new AugmentationParent(p.First.Record.Id, p.First.Record.SessionId, p.First.Record.ContentHash, p.First.Record.MessagesJson, p.First.Record.TokenCount))
            .ToList();
        var copies = await _augmentor.AugmentAsync(parents, 42, CancellationToken.None);
        return copies.Count(c => c.Accepted);
    }

    private List<(ExampleRecord Record, ExampleCandidate Candidate)> Session()
    {
        var examples = new List<(ExampleRecord, ExampleCandidate)>(ExamplesPerSession);
        for (var i = 0; i < ExamplesPerSession; i++)
        {
            var id = ++_nextId;
            var user = Sentence(20);
            var reply = Sentence(40);
            var record = new ExampleRecord
            {
                Id = id,
                SessionId = $"s{id / ExamplesPerSession}",
                ModelName = "default",
                MessagesJson = System.Text.Json.JsonSerializer.Serialize(new[] { new { role = "user", content = user }, new { role = "assistant", content = reply } }),
                ContentHash = $"h{id}",
                TokenCount = 70,
            };
            examples.Add((record, new ExampleCandidate(id, record.ContentHash, 60 + _random.Next(20), new ExchangeText(user, reply))));
        }

        return examples;
    }

    // Every other word from a large made-up vocabulary, so that a text's words are as rare as in a real corpus (TF-IDF).
    private string Sentence(int length) => string.Join(' ', Enumerable.Range(0, length).Select(i =>
        i % 2 == 0 ? Words[_random.Next(Words.Length)] : _rare[_random.Next(_rare.Length)]));
}
