namespace Sessions.Trainer.Adapters;

/// <summary>A user turn's embedding and its assistant reply's embedding; the group (session id) keeps a session on one side of a split.</summary>
public sealed record EmbeddingPair(string GroupId, float[] Query, float[] Target);
