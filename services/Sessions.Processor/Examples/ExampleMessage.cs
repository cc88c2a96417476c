namespace Sessions.Processor.Examples;

public sealed record ExampleMessage(string Role, string Content);
