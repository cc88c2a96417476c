namespace Sessions.Text;

/// <summary>The last exchange of an example: the user turn it answers and the reply. What makes one example differ from the next of the same session.</summary>
public sealed record ExchangeText(string User, string Reply)
{
    /// <summary>What near-duplicate and quality checks read: earlier turns are shared context, repeated by every later example of a session.</summary>
    public string Combined => User.Length == 0 ? Reply : User + "\n" + Reply;
}
