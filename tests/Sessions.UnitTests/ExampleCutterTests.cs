using Sessions.Embeddings.MiniLm;
using Sessions.Processor;
using Sessions.Processor.Examples;
using Sessions.Text;

namespace Sessions.UnitTests;

public class ExampleCutterTests
{
    private static ExampleCutter Cutter(int maxTokens = 512) =>
        new(new ExampleOptions { MaxTokens = maxTokens }, BertTokenCounter.MiniLm);

    [Fact]
    public void One_example_per_assistant_turn_with_the_system_message_first()
    {
        var session = Conversations.Valid(turns: 13); // system + 6 user/assistant pairs
        var examples = Cutter().Cut(session.Messages!);

        Assert.Equal(6, examples.Count);
        Assert.All(examples, e => Assert.Equal("system", e.Messages[0].Role));
        Assert.All(examples, e => Assert.Equal("assistant", e.Messages[^1].Role));
        Assert.All(examples, e => Assert.Equal("user", e.Messages[1].Role));
        Assert.Equal([2, 4, 6, 8, 10, 12], examples.Select(e => e.LastMessageIndex));
        Assert.Equal(13, examples[^1].Messages.Count);
        Assert.Equal(6, examples.Select(e => e.ContentHash).Distinct().Count());
    }

    [Fact]
    public void The_oldest_turns_are_dropped_first_when_the_budget_is_small()
    {
        var session = Conversations.Valid(turns: 13);
        var examples = Cutter(maxTokens: 80).Cut(session.Messages!);

        var last = examples[^1];
        Assert.True(last.TokenCount <= 80, $"{last.TokenCount} tokens");
        Assert.Equal(12, last.LastMessageIndex);
        Assert.Equal("user", last.Messages[1].Role);
        Assert.True(last.FirstMessageIndex > 1, "older turns should have been dropped");
    }

    [Fact]
    public void A_silence_longer_than_the_session_timeout_starts_a_new_context()
    {
        var messages = Conversations.Valid(turns: 9).Messages!.ToList();
        messages.Add(Conversations.Message("user", "Back again after lunch, one more invoice question", 200));
        messages.Add(Conversations.Message("assistant", "Welcome back, the invoice is available in the billing console", 201));

        var last = Cutter().Cut(messages)[^1];

        Assert.Equal(["system", "user", "assistant"], last.Messages.Select(m => m.Role));
        Assert.Equal(9, last.FirstMessageIndex);
    }

    [Fact]
    public void An_assistant_turn_without_a_user_turn_before_it_gives_no_example()
    {
        var messages = new[]
        {
            Conversations.Message("assistant", "Hello, how can I help you today?", 0),
            Conversations.Message("user", "My invoice looks wrong this month", 1),
            Conversations.Message("assistant", "Let me check the invoice for you", 2),
        };

        var example = Assert.Single(Cutter().Cut(messages));
        Assert.Equal(["user", "assistant"], example.Messages.Select(m => m.Role));
    }
}
