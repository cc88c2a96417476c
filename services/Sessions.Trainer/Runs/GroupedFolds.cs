using System.Security.Cryptography;
using System.Text;

namespace Sessions.Trainer.Runs;

/// <summary>
/// Assigns whole sessions to folds by a seeded hash of the session id, so a session (and any augmented copy,
/// which keeps its session id) never sits on both sides of a split.
/// </summary>
public sealed class GroupedFolds(int folds, int seed)
{
    public int FoldOf(string sessionId)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"{seed}:{sessionId}"));
        return (int)(BitConverter.ToUInt32(bytes, 0) % (uint)folds);
    }

    /// <summary>Fold 0 is the validation fold: with 5 folds, the 0.2 validation split.</summary>
    public bool IsValidation(string sessionId) => FoldOf(sessionId) == 0;
}
