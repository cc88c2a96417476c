namespace Sessions.Datasets.Sources;

/// <summary>
/// The folders local sources must lie in. A path is allowed only if, made absolute (which resolves <c>..</c>), it is
/// under a root, and if it is still under a root after every symlink on the way is followed — so neither a
/// <c>../</c> escape nor a link pointing out of the roots can read other files. Links that stay inside are fine.
/// </summary>
public sealed class ImportRoots
{
    private const int MaxLinkDepth = 40;
    private static readonly StringComparison PathComparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    private readonly string[] roots;
    private readonly string[] realRoots;

    public ImportRoots(IEnumerable<string> roots, string? baseDirectory = null)
    {
        BaseDirectory = Path.GetFullPath(baseDirectory ?? Environment.CurrentDirectory);
        this.roots = roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r, BaseDirectory))).ToArray();
        if (this.roots.Length == 0) throw new ArgumentException("At least one import root is required.", nameof(roots));
        realRoots = this.roots.Select(r => RealPath(r, 0)).ToArray();
    }

    /// <summary>Relative sources and roots are resolved against this folder.</summary>
    public string BaseDirectory { get; }

    public IReadOnlyList<string> Roots => roots;

    /// <summary>The absolute path of <paramref name="path"/>, or <see cref="DatasetImportException"/> (<c>outside_import_roots</c>).</summary>
    public string Check(string path)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, BaseDirectory));
        if (!roots.Concat(realRoots).Any(root => IsUnder(full, root)))
            throw Outside(path, $"it resolves to {full}");
        var real = RealPath(full, 0);
        if (!realRoots.Any(root => IsUnder(real, root)))
            throw Outside(path, $"it is or goes through a symbolic link to {real}");
        return full;
    }

    private DatasetImportException Outside(string path, string why) => new(ImportErrorCodes.OutsideImportRoots,
        $"'{path}' is outside the allowed import roots ({string.Join(", ", roots)}): {why}. " +
        "Copy the file under an import root or add its folder to ImportRoots.");

    private static bool IsUnder(string path, string root) =>
        path.Equals(root, PathComparison)
        || (path.StartsWith(root, PathComparison) && (path[root.Length] == Path.DirectorySeparatorChar || root.EndsWith(Path.DirectorySeparatorChar)));

    /// <summary>The path with every symlink along it followed (the parts that do not exist are kept as written).</summary>
    private static string RealPath(string full, int depth)
    {
        if (depth > MaxLinkDepth) throw new DatasetImportException(ImportErrorCodes.OutsideImportRoots, $"'{full}': too many levels of symbolic links.");
        var root = Path.GetPathRoot(full)!;
        var current = root;
        foreach (var part in full[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            var info = new FileInfo(current);
            if (info.LinkTarget is null) continue;
            var target = info.ResolveLinkTarget(returnFinalTarget: true);
            var targetPath = target?.FullName ?? Path.GetFullPath(info.LinkTarget, Path.GetDirectoryName(current)!);
            current = RealPath(targetPath, depth + 1);
        }
        return current;
    }
}
