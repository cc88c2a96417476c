namespace Sessions.Processor.Examples;

/// <summary>One chat-format fine-tuning example and where in its session it came from.</summary>
public sealed record FineTuningExample(
    IReadOnlyList<ExampleMessage> Messages,
    int TokenCount,
    int FirstMessageIndex,
    int LastMessageIndex,
    string ContentHash);
