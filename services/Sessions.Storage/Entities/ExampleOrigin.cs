namespace Sessions.Storage.Entities;

public static class ExampleOrigin
{
    public const string Session = "session";
    public const string Augmented = "augmented";
    public const string Contributed = "contributed";
}
