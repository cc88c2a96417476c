namespace Sessions.Text.Names;

/// <summary>Makes an untrusted identifier safe to quote in a message: printable ASCII only, clipped.</summary>
public static class Identifiers
{
    public static string Printable(string? value, int maxLength)
    {
        if (value is null)
        {
            return "(none)";
        }

        var clipped = value.Length <= maxLength ? value : value[..maxLength];
        var safe = string.Concat(clipped.Select(c => c is >= ' ' and <= '~' && c is not '[' and not ']' ? c : '?'));
        return value.Length <= maxLength ? safe : safe + "…";
    }
}
