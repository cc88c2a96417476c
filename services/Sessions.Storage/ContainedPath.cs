namespace Sessions.Storage;

/// <summary>
/// Defence in depth for every file named after data: the full path of <c>root/parts…</c>, refused unless it stays inside
/// <c>root</c>. Names are validated where they enter; this catches whatever slipped past (a name stored before the rule).
/// </summary>
public static class ContainedPath
{
    public static string Combine(string root, params string[] parts)
    {
        var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        foreach (var part in parts)
        {
            if (part.Length == 0 || part is "." or ".." || part.IndexOfAny(['/', '\\', '\0', ':']) >= 0 || Path.IsPathRooted(part))
            {
                throw new UnsafePathException("a file or folder name made from data is not a single plain name");
            }
        }

        var full = Path.GetFullPath(Path.Combine([fullRoot, .. parts]));
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        if (!full.StartsWith(fullRoot + Path.DirectorySeparatorChar, comparison))
        {
            throw new UnsafePathException("a path made from data leaves its root folder");
        }

        return full;
    }
}
