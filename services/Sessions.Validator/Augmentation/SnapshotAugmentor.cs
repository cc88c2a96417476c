using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Sessions.Text;

namespace Sessions.Validator.Augmentation;

/// <summary>
/// Makes the augmented copies of a training run's snapshot: bounded EDA rewrites (and, when configured, one paraphrase)
/// of each parent's last user turn — a reply is never rewritten. A copy is kept only when its protected spans are
/// intact (<see cref="ProtectedSpans"/>), it reads fluently against the run's own text (<see cref="CopyFluency"/>) and
/// its embedding stays close to the parent's (<see cref="AugmentationOptions.MinParentCosine"/>). Every copy tried,
/// kept or refused, is an outcome with its scores and reason. Deterministic: parents are taken in id order and each
/// one's random sequence is seeded by the run's seed and the parent's content hash, so the same snapshot and seed
/// give the same copies byte for byte.
/// </summary>
public sealed class SnapshotAugmentor(
    EdaAugmenter eda,
    SynonymLexicon lexicon,
    IEmbeddingGenerator<string, Embedding<float>> embedder,
    ITokenCounter tokens,
    AugmentationOptions options,
    IParaphraser? paraphraser = null)
{
    public async Task<IReadOnlyList<CopyOutcome>> AugmentAsync(IReadOnlyList<AugmentationParent> parents, int seed, CancellationToken ct)
    {
        if (!options.Enabled)
        {
            return [];
        }

        var ordered = parents.OrderBy(p => p.Id).ToList();
        var fluency = new CopyFluency();
        var users = new Dictionary<long, string?>();
        foreach (var parent in ordered)
        {
            var (texts, user) = Read(parent.MessagesJson);
            users[parent.Id] = user;
            foreach (var text in texts)
            {
                fluency.Learn(text);
            }
        }

        var outcomes = new List<CopyOutcome>();
        foreach (var parent in ordered)
        {
            outcomes.AddRange(await CopiesOfAsync(parent, users[parent.Id], seed, fluency, ct));
        }

        return outcomes;
    }

    private async Task<IReadOnlyList<CopyOutcome>> CopiesOfAsync(AugmentationParent parent, string? user, int seed, CopyFluency fluency, CancellationToken ct)
    {
        if (user is null)
        {
            return [NoCopy(parent, "", CopyReasons.ParentWithoutUserTurn)];
        }

        if (ProtectedSpans.OnlyPlaceholders(user))
        {
            return [NoCopy(parent, user, CopyReasons.ParentAllPlaceholders)];
        }

        if (LexiconCoverage.RewritableWords(user) < options.MinParentWords)
        {
            return [NoCopy(parent, user, CopyReasons.ParentTooShort)];
        }

        if (LexiconCoverage.Of(user, lexicon) < options.MinLexiconCoverage)
        {
            return [NoCopy(parent, user, CopyReasons.ParentLanguageNotCovered)];
        }

        var tried = new List<(string Method, string Text, string? Reason)>();
        var parameters = new EdaParameters(options.Alpha, Math.Min(options.CopiesPerExample, options.MaxCopiesPerExample));
        foreach (var copy in eda.Augment(SeedKey(seed, parent.ContentHash), user, parameters))
        {
            tried.Add((CopyMethods.Of(copy.Operation), copy.Text, null));
        }

        if (paraphraser is not null)
        {
            tried.Add(await ParaphraseAsync(user, ct));
        }

        if (tried.Count == 0)
        {
            return [NoCopy(parent, user, CopyReasons.NoRewrite)];
        }

        var history = new ParentHistory(parent.MessagesJson);
        var besideUser = parent.TokenCount - tokens.Count(user);
        var checkedCopies = new List<(string Method, string Text, string? Reason, double? Fluency)>(tried.Count);
        foreach (var (method, text, refused) in tried)
        {
            double? score = refused is null && ProtectedSpans.Kept(user, text) ? fluency.Score(user, text) : null;
            var reason = refused
                ?? (score is null ? CopyReasons.ProtectedSpanChanged : score < options.MinFluency ? CopyReasons.NotFluent : null);
            checkedCopies.Add((method, text, reason, score));
        }

        var toEmbed = checkedCopies.Where(c => c.Reason is null).Select(c => c.Text).ToList();
        var vectors = toEmbed.Count == 0 ? [] : await embedder.GenerateAsync([user, .. toEmbed], cancellationToken: ct);
        if (toEmbed.Count > 0 && vectors.Count != toEmbed.Count + 1)
        {
            throw new InvalidOperationException($"{toEmbed.Count + 1} texts embedded but {vectors.Count} embeddings returned");
        }

        var outcomes = new List<CopyOutcome>(checkedCopies.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal) { parent.ContentHash };
        var next = 1;
        for (var i = 0; i < checkedCopies.Count; i++)
        {
            var (method, text, reason, score) = checkedCopies[i];
            double? cosine = null;
            float[]? vector = null;
            if (reason is null)
            {
                vector = vectors[next++].Vector.ToArray();
                cosine = Math.Round(ParentDistanceFilter.Cosine(vectors[0].Vector.Span, vector), 6);
                reason = vector.All(float.IsFinite) && cosine >= options.MinParentCosine ? null : CopyReasons.SemanticDrift;
            }

            var (messagesJson, contentHash) = history.With(text);
            if (reason is null && !seen.Add(contentHash))
            {
                reason = CopyReasons.DuplicateCopy;
            }

            var kept = reason is null;
            outcomes.Add(new CopyOutcome(parent.Id, parent.SessionId, i + 1, method, text,
                kept ? messagesJson : null, kept ? contentHash : null, besideUser + tokens.Count(text),
                cosine, score is { } s ? Math.Round(s, 6) : null, reason, kept ? vector : null));
        }

        return outcomes;
    }

    private async Task<(string Method, string Text, string? Reason)> ParaphraseAsync(string user, CancellationToken ct)
    {
        const string method = "paraphrase";
        string text;
        try
        {
            text = (await paraphraser!.ParaphraseAsync(user, ct)).Trim();
        }
        catch (ParaphraseServiceException)
        {
            return (method, "", CopyReasons.ParaphraseFailed);
        }

        if (text.Length == 0)
        {
            return (method, "", CopyReasons.ParaphraseEmpty);
        }

        if (string.Equals(TextNormalizer.Normalize(text), TextNormalizer.Normalize(user), StringComparison.Ordinal))
        {
            return (method, text, CopyReasons.ParaphraseUnchanged);
        }

        // The parent is covered (checked before); a paraphrase the English list does not cover came back in another language.
        return LexiconCoverage.Of(text, lexicon) < options.MinLexiconCoverage
            ? (method, text, CopyReasons.ParaphraseOtherLanguage)
            : (method, text, null);
    }

    private static CopyOutcome NoCopy(AugmentationParent parent, string user, string reason) =>
        new(parent.Id, parent.SessionId, 0, CopyMethods.None, user, null, null, 0, null, null, reason, null);

    // The run's seed and the parent's content (not its row id, which depends on storing order).
    private static long SeedKey(int seed, string contentHash) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{contentHash}")), 0);

    /// <summary>Every message's content (the fluency check's reference text) and the last user turn, as written (the hash normalizes).</summary>
    private static (IReadOnlyList<string> Texts, string? User) Read(string messagesJson)
    {
        using var document = JsonDocument.Parse(messagesJson);
        var texts = new List<string>();
        string? user = null;
        foreach (var message in document.RootElement.EnumerateArray())
        {
            var content = message.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() ?? "" : "";
            var role = message.TryGetProperty("role", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            texts.Add(content);
            if (role == "user")
            {
                user = content;
            }
        }

        return (texts, user);
    }
}
