using System.Security.Cryptography;
using System.Text;

namespace Sessions.Trainer.Folds;

/// <summary>
/// Assigns whole sessions to folds, so a session (and every augmented copy, which keeps its parent's session) never
/// sits on both sides of a split. The run's sessions are ordered by a seeded hash of their id and dealt round robin:
/// fold sizes differ by at most one session, and fold 0 — the validation fold — is never empty while the run has a
/// session (a hash alone left runs of 11–23 sessions with an empty validation fold). A session the run did not
/// list falls back to its hash.
/// </summary>
/// <remarks>
/// Not stratified by topic: the topic clusters would come from a k-means over the snapshot's embeddings, which a run
/// does not compute today; the seeded deal keeps the assignment cheap, repeatable and independent of row order.
/// </remarks>
public sealed class GroupedFolds
{
    private readonly Dictionary<string, int> _assigned = new(StringComparer.Ordinal);
    private readonly int _folds;
    private readonly int _seed;

    public GroupedFolds(int folds, int seed, IEnumerable<string>? sessionIds = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        _folds = folds;
        _seed = seed;
        var ordered = (sessionIds ?? []).Distinct(StringComparer.Ordinal)
            .Select(id => (Id: id, Key: Hash(id)))
            .OrderBy(s => s.Key).ThenBy(s => s.Id, StringComparer.Ordinal)
            .ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            _assigned[ordered[i].Id] = i % folds;
        }
    }

    public int Count => _folds;

    public int FoldOf(string sessionId) =>
        _assigned.TryGetValue(sessionId, out var fold) ? fold : (int)(Hash(sessionId) % (uint)_folds);

    /// <summary>Fold 0 is the validation fold: with 5 folds, the 0.2 validation split.</summary>
    public bool IsValidation(string sessionId) => FoldOf(sessionId) == 0;

    private uint Hash(string sessionId) =>
        BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes($"{_seed}:{sessionId}")), 0);
}
