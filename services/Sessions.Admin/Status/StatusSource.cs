namespace Sessions.Admin.Status;

/// <summary>One place the status is read from; <see cref="Gather"/> returns a JSON-serializable snapshot.</summary>
public sealed record StatusSource(string Name, Func<CancellationToken, Task<object>> Gather);
