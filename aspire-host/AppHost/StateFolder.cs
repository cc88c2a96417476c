using System.Runtime.Versioning;

namespace Sessions.AppHost;

[SupportedOSPlatform("linux")]
public static class StateFolder
{
    /// <summary>Creates the folder the servers keep their state in; their system users must be able to enter it.</summary>
    public static void Create(string path)
    {
        Directory.CreateDirectory(path);
        if (OsUser.IsRoot)
        {
            var mode = File.GetUnixFileMode(path);
            File.SetUnixFileMode(path, mode | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }
    }
}
