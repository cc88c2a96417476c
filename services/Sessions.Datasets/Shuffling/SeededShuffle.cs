using System.Runtime.CompilerServices;

namespace Sessions.Datasets.Shuffling;

/// <summary>
/// A seeded, bounded-memory shuffle of accepted rows (a "shuffle buffer", as in tf.data): the buffer fills with the
/// first N rows, then each incoming row takes the place of a randomly chosen buffered row, which is emitted; at the end
/// the rest is emitted in a Fisher–Yates order. Memory is N rows whatever the file size — a full shuffle of a 10 GB
/// file would need it all in memory or a second pass over external storage. The price: a row can move at most N
/// places earlier (it can move arbitrarily later), so files sorted by topic stay loosely clustered unless N is large.
/// Same seed and same input order give the same output. Rejections pass straight through, so the report keeps file order.
/// </summary>
public static class SeededShuffle
{
    public static async IAsyncEnumerable<RowResult> ShuffleAsync(
        IAsyncEnumerable<RowResult> rows, int seed, int bufferRows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferRows, 1);
        var random = new Random(seed);
        var buffer = new List<RowResult>(Math.Min(bufferRows, 65_536));
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (!row.IsAccepted)
            {
                yield return row;
                continue;
            }
            if (buffer.Count < bufferRows)
            {
                buffer.Add(row);
                continue;
            }
            var slot = random.Next(bufferRows);
            yield return buffer[slot];
            buffer[slot] = row;
        }
        for (var i = buffer.Count - 1; i >= 0; i--)
        {
            var j = random.Next(i + 1);
            yield return buffer[j];
            buffer[j] = buffer[i];
        }
    }
}
