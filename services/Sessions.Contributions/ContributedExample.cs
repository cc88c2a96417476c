using System.Text.Encodings.Web;
using System.Text.Json;
using Sessions.Datasets;
using Sessions.Text;
using Sessions.Text.Redaction;
using Sessions.Storage.Entities;

namespace Sessions.Contributions;

/// <summary>
/// A contributed row made ready to store: redacted messages, their chat JSON, content hash, token count (with the chat
/// format's tokens per message) and last exchange. <c>MessageTokens</c>: each message's own count, so the
/// embedder knows which messages fit its budget without counting them again.
/// </summary>
public sealed record ContributedExample(ContributedRow Row, IReadOnlyList<ContributedMessage> Messages, string MessagesJson, string ContentHash, int TokenCount,
    IReadOnlyList<int> MessageTokens)
{
    /// <summary>What near-duplicate checks read, as for session examples: the last user turn and the last reply.</summary>
    public ExchangeText LastExchange => new(
        Messages.LastOrDefault(m => m.Role == "user")?.Content ?? "",
        Messages.LastOrDefault(m => m.Role == "assistant")?.Content ?? "");
}

/// <summary>
/// Applies to a contributed row what session data gets: PII redaction, the content hash over (role, normalized
/// content) pairs, tokens counted as the example cutter counts them, and the validator's length bounds. No database.
/// </summary>
public sealed class ContributedExampleBuilder(PiiRedactor redactor, ITokenCounter tokens, ContributionOptions options)
{
    // Stored text stays readable, as the processor stores it: placeholders like <EMAIL> are not \u-escaped.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public (ContributedExample? Example, RowRejection? Rejection) Build(ContributedRow row)
    {
        var messages = row.Messages.Select(m => new ContributedMessage(m.Role, redactor.Redact(m.Content).Text)).ToList();
        var messageTokens = new int[messages.Count];
        var tokenCount = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            messageTokens[i] = tokens.Count(messages[i].Content);
            tokenCount += messageTokens[i] + options.TokensPerMessage;
        }

        if (tokenCount < options.MinSequenceTokens)
            return (null, new RowRejection(row.Source, row.RowNumber, ValidationCodes.SequenceTooShort, $"{tokenCount} tokens; at least {options.MinSequenceTokens}"));
        if (tokenCount > options.MaxSequenceTokens)
            return (null, new RowRejection(row.Source, row.RowNumber, ValidationCodes.SequenceTooLong, $"{tokenCount} tokens; at most {options.MaxSequenceTokens}"));

        var json = JsonSerializer.Serialize(messages.Select(m => new { role = m.Role, content = m.Content }), Json);
        var hash = ContentHash.Of(messages.Select(m => (m.Role, m.Content)));
        return (new ContributedExample(row, messages, json, hash, tokenCount, messageTokens), null);
    }
}
