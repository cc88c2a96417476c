namespace Sessions.Storage;

/// <summary>A path built from data would leave its root; the message never contains the path.</summary>
public sealed class UnsafePathException(string message) : Exception(message);
