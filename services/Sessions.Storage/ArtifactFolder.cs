namespace Sessions.Storage;

/// <summary>A model name made safe as one folder name: no separators, no "..", nothing outside [A-Za-z0-9._-].</summary>
public static class ArtifactFolder
{
    public static string Name(string modelName)
    {
        var safe = string.Concat(modelName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return safe.Length == 0 || safe.StartsWith('.') ? "_" + safe : safe;
    }

    /// <summary>The folder of one model version under <paramref name="root"/>; both names sanitised, the result checked to stay inside.</summary>
    public static string VersionPath(string root, string modelName, string modelVersion) =>
        ContainedPath.Combine(root, Name(modelName), Name(modelVersion));
}
