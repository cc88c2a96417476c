using System.Text;

namespace Sessions.Datasets.Schemas;

/// <summary>Where the validator is in the instance; formatted (<c>$.messages[2].role</c>) only when an error is reported.</summary>
internal sealed class InstancePath
{
    private readonly List<(string? Name, int Index)> segments = [];

    public void Push(string name) => segments.Add((name, -1));

    public void Push(int index) => segments.Add((null, index));

    public void Pop() => segments.RemoveAt(segments.Count - 1);

    public override string ToString()
    {
        var text = new StringBuilder("$");
        foreach (var (name, index) in segments)
        {
            if (name is null) text.Append('[').Append(index).Append(']');
            else text.Append('.').Append(name);
        }
        return text.ToString();
    }
}
