namespace Sessions.Datasets.Sources;

/// <summary>One file to read: a checked local file or an http(s) URL. <see cref="Name"/> is what reports call it.</summary>
public abstract class ImportSource
{
    public abstract string Name { get; }

    /// <summary>The file name part (local file name or URL path), from which the format is picked.</summary>
    public abstract string FileName { get; }

    /// <summary>Opens the content as a forward-only stream; the caller disposes it.</summary>
    public abstract Task<Stream> OpenAsync(CancellationToken cancellationToken = default);
}

/// <summary>A local file that <see cref="ImportRoots"/> has already allowed.</summary>
public sealed class FileImportSource(string fullPath) : ImportSource
{
    public override string Name => fullPath;

    public override string FileName => Path.GetFileName(fullPath);

    public override Task<Stream> OpenAsync(CancellationToken cancellationToken = default) =>
        GzipContent.UnwrapAsync(new FileStream(fullPath, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.Read,
            Options = FileOptions.SequentialScan | FileOptions.Asynchronous,
            BufferSize = 0, // the readers keep their own buffer
        }), cancellationToken);
}
