namespace Sessions.Text;

/// <summary>Counts model tokens in a text; the one seam every token budget goes through.</summary>
public interface ITokenCounter
{
    int Count(string text);

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="maxTokens"/>.</summary>
    string Truncate(string text, int maxTokens);
}
