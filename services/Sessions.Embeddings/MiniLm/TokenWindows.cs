namespace Sessions.Embeddings.MiniLm;

/// <summary>
/// Cuts a text's word pieces into model windows: each window holds at most <c>windowLength - 2</c> pieces between
/// <c>[CLS]</c> and <c>[SEP]</c>, as sentence-transformers builds one. Pieces beyond <c>maxPieces</c> are dropped (and
/// counted by the caller): a 100,000-character message costs a bounded number of windows, not hundreds.
/// </summary>
public static class TokenWindows
{
    public static IReadOnlyList<ArraySegment<int>> Split(int[] pieces, int windowLength, int maxPieces)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowLength, 3);
        var perWindow = windowLength - 2;
        var kept = Math.Min(pieces.Length, Math.Max(perWindow, maxPieces));
        if (kept == 0)
        {
            return [ArraySegment<int>.Empty]; // an empty text is [CLS] [SEP], as sentence-transformers embeds it
        }

        var windows = new List<ArraySegment<int>>((kept + perWindow - 1) / perWindow);
        for (var start = 0; start < kept; start += perWindow)
        {
            windows.Add(new ArraySegment<int>(pieces, start, Math.Min(perWindow, kept - start)));
        }

        return windows;
    }
}
