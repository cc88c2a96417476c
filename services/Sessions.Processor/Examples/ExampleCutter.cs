using Sessions.Contracts;
using Sessions.Text;

namespace Sessions.Processor.Examples;

/// <summary>
/// Cuts one example per assistant turn: the latest system message, then as many preceding turns as fit the
/// token budget (oldest dropped first), then the assistant turn. A silence longer than the session timeout
/// starts a new context, and an example never starts with an assistant turn.
/// </summary>
public sealed class ExampleCutter(ExampleOptions options, ITokenCounter tokens)
{
    public IReadOnlyList<FineTuningExample> Cut(IReadOnlyList<ChatMessage> messages)
    {
        var examples = new List<FineTuningExample>();
        // Each message is counted once; examples reuse the counts (otherwise cutting is quadratic in tokenization).
        var costs = messages.Select(m => tokens.Count(m.Content) + options.TokensPerMessage).ToArray();
        var contextStart = 0;
        int? system = null;
        for (var i = 0; i < messages.Count; i++)
        {
            if (i > 0 && messages[i].Timestamp - messages[i - 1].Timestamp > options.SessionTimeout)
            {
                contextStart = i;
            }

            switch (messages[i].Role)
            {
                case "system":
                    system = i;
                    break;
                case "assistant" when Build(messages, costs, system, contextStart, i) is { } example:
                    examples.Add(example);
                    break;
            }
        }

        return examples;
    }

    private FineTuningExample? Build(IReadOnlyList<ChatMessage> messages, int[] costs, int? system, int contextStart, int assistant)
    {
        var budget = options.MaxTokens - options.TokensPerExample - costs[assistant] - (system is { } s ? costs[s] : 0);
        var chosen = new List<int>();
        var nearestUser = -1;
        for (var i = assistant - 1; i >= contextStart; i--)
        {
            if (messages[i].Role == "system")
            {
                continue;
            }

            var cost = costs[i];
            // The nearest user turn is always kept, even over budget; validation then rejects the example as too long.
            if (cost > budget && nearestUser >= 0)
            {
                break;
            }

            chosen.Add(i);
            budget -= cost;
            if (nearestUser < 0 && messages[i].Role == "user")
            {
                nearestUser = i;
            }
        }

        // Drop leading assistant turns so the example opens with the user.
        chosen.Reverse();
        var first = chosen.FindIndex(i => messages[i].Role == "user");
        if (first < 0)
        {
            return null;
        }

        var indexes = chosen.Skip(first).Append(assistant).ToList();
        if (system is { } systemIndex)
        {
            indexes.Insert(0, systemIndex);
        }

        var selected = indexes.Select(i => new ExampleMessage(messages[i].Role, messages[i].Content)).ToList();
        return new FineTuningExample(
            selected,
            options.TokensPerExample + indexes.Sum(i => costs[i]),
            indexes.Where(i => i != system).Min(),
            assistant,
            ContentHash.Of(selected.Select(m => (m.Role, m.Content))));
    }
}
