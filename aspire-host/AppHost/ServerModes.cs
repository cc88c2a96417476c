namespace Sessions.AppHost;

public static class ServerModes
{
    public const string Auto = "Auto";
    public const string Executables = "Executables";
    public const string Containers = "Containers";
}
