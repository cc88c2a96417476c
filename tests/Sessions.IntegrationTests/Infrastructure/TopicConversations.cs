using Sessions.Contracts;

namespace Sessions.IntegrationTests.Infrastructure;

/// <summary>
/// Sessions with a known structure: every topic has its own question words and its own, disjoint, answer words, so a
/// lexical embedding of a question is unrelated to its answer's, while a linear map from question words to answer
/// words exists for an adapter to learn.
/// </summary>
internal sealed class TopicConversations
{
    private readonly string[][] _questionWords;
    private readonly string[][] _answerWords;
    private readonly Random _random;

    public TopicConversations(int topics, int seed)
    {
        _random = new Random(seed);
        var words = PseudoWords(topics * 2 * 12).Chunk(12).ToArray();
        _questionWords = words[..topics];
        _answerWords = words[topics..];
    }

    public SessionEnded Session(string id, int exchanges)
    {
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var messages = new List<ChatMessage>();
        for (var i = 0; i < exchanges; i++)
        {
            var topic = _random.Next(_questionWords.Length);
            messages.Add(new ChatMessage { Role = "user", Content = Sentence(_questionWords[topic], i), Timestamp = start.AddMinutes(messages.Count) });
            messages.Add(new ChatMessage { Role = "assistant", Content = Sentence(_answerWords[topic], i), Timestamp = start.AddMinutes(messages.Count) });
        }

        return new SessionEnded
        {
            SessionId = id,
            UserId = "topic-user",
            Messages = messages,
            Metadata = new SessionMetadata { StartTime = start, EndTime = start.AddMinutes(messages.Count + 1) },
        };
    }

    // Eight of the topic's twelve words in a random order: no two turns are the same text.
    private string Sentence(string[] vocabulary, int turn) =>
        string.Join(' ', vocabulary.OrderBy(_ => _random.Next()).Take(8)) + $" {turn}";

    private IEnumerable<string> PseudoWords(int count)
    {
        string[] syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "bu", "da", "fe", "gi", "ho", "ju", "pe"];
        var seen = new HashSet<string>();
        while (seen.Count < count)
        {
            var word = string.Concat(Enumerable.Range(0, 4).Select(_ => syllables[_random.Next(syllables.Length)]));
            if (seen.Add(word))
            {
                yield return word;
            }
        }
    }
}
