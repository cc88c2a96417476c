namespace Sessions.Validator.Quality;

/// <summary>Up to four word numbers (<see cref="RepetitionSignals.WordIds"/>) in order, -1 past the n-gram's end: equal keys are equal n-grams.</summary>
internal readonly record struct NgramKey(int First, int Second, int Third, int Fourth)
{
    public const int MaxWords = 4;

    public static NgramKey At(int[] ids, int start, int n) => new(
        ids[start],
        n > 1 ? ids[start + 1] : -1,
        n > 2 ? ids[start + 2] : -1,
        n > 3 ? ids[start + 3] : -1);
}
