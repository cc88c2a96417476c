namespace Sessions.Storage;

/// <summary>A model name made safe as one folder name: no separators, no "..", nothing outside [A-Za-z0-9._-].</summary>
public static class ArtifactFolder
{
    public static string Name(string modelName)
    {
        var safe = string.Concat(modelName.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
        return safe.Length == 0 || safe.StartsWith('.') ? "_" + safe : safe;
    }
}
