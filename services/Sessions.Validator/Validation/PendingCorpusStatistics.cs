using Sessions.Validator.Quality;

namespace Sessions.Validator.Validation;

/// <summary>
/// What this process's validated batches added to the models' quality statistics and has not yet written. Every
/// batch of a model adds to the same counters, so writing them in each batch's transaction made all validators
/// queue on those rows (measured: 27 of 28 transactions waiting on them); instead they collect here and
/// <see cref="CorpusStatisticsFlusher"/> writes them once per interval. Readers add the pending part to what is
/// stored, so this process sees its own updates at once and other processes' within an interval.
/// </summary>
public sealed class PendingCorpusStatistics
{
    private readonly Lock _gate = new();
    private Dictionary<string, QualityStateChanges> _pending = new(StringComparer.Ordinal);

    public void Add(string model, QualityStateChanges changes)
    {
        if (changes.IsEmpty)
        {
            return;
        }

        lock (_gate)
        {
            if (!_pending.TryGetValue(model, out var pending))
            {
                _pending[model] = pending = new QualityStateChanges();
            }

            pending.Add(changes);
        }
    }

    /// <summary>Everything pending, now owned by the caller; <see cref="Add"/> it back if writing fails.</summary>
    public Dictionary<string, QualityStateChanges> Take()
    {
        lock (_gate)
        {
            var taken = _pending;
            _pending = new(StringComparer.Ordinal);
            return taken;
        }
    }

    /// <summary>Adds the pending counters of a model to <paramref name="counters"/> and returns the pending document frequency of terms.</summary>
    public Func<string, long> AddPendingTo(string model, Dictionary<string, double> counters)
    {
        lock (_gate)
        {
            if (!_pending.TryGetValue(model, out var pending))
            {
                return _ => 0;
            }

            foreach (var (name, value) in pending.Counters)
            {
                counters[name] = counters.GetValueOrDefault(name) + value;
            }

            var terms = new Dictionary<string, long>(pending.TermDocuments, StringComparer.Ordinal);
            return term => terms.GetValueOrDefault(term);
        }
    }
}
