using Sessions.Embeddings.MiniLm;

namespace Sessions.UnitTests.MiniLm;

public sealed class TokenWindowsTests
{
    [Fact]
    public void A_long_text_is_cut_into_full_windows_and_a_remainder_up_to_the_budget()
    {
        var pieces = Enumerable.Range(0, 600).ToArray();

        var windows = TokenWindows.Split(pieces, windowLength: 256, maxPieces: 512);

        Assert.Equal([254, 254, 4], windows.Select(w => w.Count));
        Assert.Equal(Enumerable.Range(0, 512), windows.SelectMany(w => w));
    }

    [Fact]
    public void An_empty_text_is_one_empty_window_and_a_tiny_budget_still_fills_one_window()
    {
        Assert.Equal([0], TokenWindows.Split([], 256, 512).Select(w => w.Count));
        Assert.Equal([254], TokenWindows.Split(Enumerable.Range(0, 300).ToArray(), 256, maxPieces: 8).Select(w => w.Count));
    }
}
