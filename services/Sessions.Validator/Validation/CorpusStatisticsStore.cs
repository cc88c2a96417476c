using System.Text;
using Microsoft.EntityFrameworkCore;
using Sessions.Storage;
using Sessions.Text;
using Sessions.Validator.Quality;

namespace Sessions.Validator.Validation;

/// <summary>
/// Reads and adds to a model's stored quality state: the counters of <see cref="CorpusCounterNames"/> and the document
/// frequencies of terms. Reading costs one query for the counters and one indexed lookup for a batch's terms, however
/// large the corpus; writing is one atomic upsert per 200 rows that only adds, so concurrent validators never lose an
/// update. Reads include this process's <see cref="PendingCorpusStatistics"/>.
/// </summary>
public sealed class CorpusStatisticsStore(SessionsDbContext db, PendingCorpusStatistics pending, StoredCountersCache stored)
{
    /// <summary>Longer terms are not stored (the column holds 64); they read as never seen, which is what they almost always are.</summary>
    public const int MaxTermLength = 64;

    private const int RowsPerStatement = 200;

    /// <summary>The model's state with the document frequencies of the terms of <paramref name="texts"/>; it records what it learns.</summary>
    public async Task<ModelQualityState> LoadAsync(string model, IEnumerable<string> texts, CancellationToken ct)
    {
        var counters = await stored.GetAsync(model, () => db.CorpusCounters.AsNoTracking()
            .Where(c => c.ModelName == model)
            .ToDictionaryAsync(c => c.Name, c => c.Value, StringComparer.Ordinal, ct));
        var pendingTerms = pending.AddPendingTo(model, counters);
        var state = ModelQualityState.FromCounters(counters, new Dictionary<string, long>(StringComparer.Ordinal), new QualityStateChanges());
        state.PendingTermDocuments = pendingTerms;
        await KnowTermsAsync(model, state, texts, ct);
        return state;
    }

    /// <summary>Adds the stored frequencies of the texts' terms the state does not know yet (the new words of augmented copies).</summary>
    public Task KnowTermsAsync(string model, ModelQualityState state, IEnumerable<string> texts, CancellationToken ct) =>
        KnowWordsAsync(model, state, texts.Select(WordSplitter.Words), ct);

    /// <summary>The same from the texts' words (<see cref="WordSplitter.Words"/>), when they are at hand already.</summary>
    public async Task KnowWordsAsync(string model, ModelQualityState state, IEnumerable<IReadOnlyList<string>> words, CancellationToken ct)
    {
        var terms = words.SelectMany(w => w)
            .Where(t => t.Length <= MaxTermLength && state.Documents.FrequencyOf(t) == 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (terms.Count == 0 || state.Documents.DocumentCount == 0)
        {
            return;
        }

        var stored = await db.TermFrequencies.AsNoTracking()
            .Where(t => t.ModelName == model && terms.Contains(t.Term))
            .ToDictionaryAsync(t => t.Term, t => t.Documents, StringComparer.Ordinal, ct);
        foreach (var term in terms)
        {
            var documents = stored.GetValueOrDefault(term) + (state.PendingTermDocuments?.Invoke(term) ?? 0);
            if (documents > 0)
            {
                state.Documents.Know(term, documents);
            }
        }
    }

    /// <summary>Adds the changes to the stored state (<see cref="CorpusStatisticsFlusher"/> calls it inside a transaction).</summary>
    public async Task AddAsync(string model, QualityStateChanges changes, CancellationToken ct)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        // A fixed order of rows in every transaction: two validators upserting the same terms can then never deadlock.
        await UpsertAsync("CorpusCounters", "Name", "Value", model,
            changes.Counters.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => (c.Key, (object)c.Value)).ToList(), ct);
        await UpsertAsync("TermFrequencies", "Term", "Documents", model,
            changes.TermDocuments.Where(t => t.Key.Length <= MaxTermLength)
                .OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => (t.Key, (object)t.Value)).ToList(), ct);
    }

    private async Task UpsertAsync(string table, string keyColumn, string valueColumn, string model, List<(string Key, object Value)> rows, CancellationToken ct)
    {
        foreach (var chunk in rows.Chunk(RowsPerStatement))
        {
            // Same SQL on SQLite (3.24+) and PostgreSQL; the table and column names are constants, the values parameters.
            var sql = new StringBuilder($"INSERT INTO \"{table}\" (\"ModelName\", \"{keyColumn}\", \"{valueColumn}\") VALUES ");
            var parameters = new List<object> { model };
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append($"({{0}}, {{{parameters.Count}}}, {{{parameters.Count + 1}}})");
                parameters.Add(chunk[i].Key);
                parameters.Add(chunk[i].Value);
            }

            sql.Append($" ON CONFLICT (\"ModelName\", \"{keyColumn}\") DO UPDATE SET \"{valueColumn}\" = \"{table}\".\"{valueColumn}\" + excluded.\"{valueColumn}\"");
            await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
        }
    }
}
