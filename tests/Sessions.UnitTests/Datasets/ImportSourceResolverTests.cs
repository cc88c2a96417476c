using Sessions.Datasets;
using Sessions.Datasets.Sources;

namespace Sessions.UnitTests.Datasets;

public sealed class ImportSourceResolverTests : IDisposable
{
    private readonly DatasetFiles files = new();
    private readonly ImportSourceResolver resolver;

    public ImportSourceResolverTests() => resolver = new ImportSourceResolver(new ImportRoots(["imports"], files.Folder));

    public void Dispose() => files.Dispose();

    private DatasetImportException Refused(string source) => Assert.Throws<DatasetImportException>(() => resolver.Resolve(source));

    [Fact]
    public void A_file_a_glob_and_a_file_uri_inside_the_root_resolve_to_full_paths()
    {
        var b = files.Write("set/b.jsonl", "{}");
        var a = files.Write("set/a.jsonl", "{}");
        files.Write("set/c.csv", "x");

        Assert.Equal([b], resolver.Resolve("imports/set/b.jsonl").Select(s => s.Name));
        Assert.Equal([a, b], resolver.Resolve("imports/set/*.jsonl").Select(s => s.Name));
        Assert.Equal([a], resolver.Resolve(new Uri(a).AbsoluteUri).Select(s => s.Name));
    }

    [Fact]
    public void A_dotdot_escape_is_refused_even_when_the_file_exists()
    {
        File.WriteAllText(Path.Combine(files.Folder, "secret.jsonl"), "{}");

        var error = Refused("imports/../secret.jsonl");

        Assert.Equal(ImportErrorCodes.OutsideImportRoots, error.Code);
        Assert.Contains("outside the allowed import roots", error.Message);
        Assert.Equal(ImportErrorCodes.OutsideImportRoots, Refused("/etc/passwd").Code);
        Assert.Equal(ImportErrorCodes.OutsideImportRoots, Refused("imports/../*.jsonl").Code);
    }

    [Fact]
    public void A_symlink_out_of_the_roots_is_refused_and_one_inside_is_allowed()
    {
        var outside = Path.Combine(files.Folder, "outside.jsonl");
        File.WriteAllText(outside, "{}");
        var inside = files.Write("real/inside.jsonl", "{}");
        File.CreateSymbolicLink(Path.Combine(files.Root, "out.jsonl"), outside);
        File.CreateSymbolicLink(Path.Combine(files.Root, "in.jsonl"), inside);
        Directory.CreateSymbolicLink(Path.Combine(files.Root, "outdir"), files.Folder);

        Assert.Equal(ImportErrorCodes.OutsideImportRoots, Refused("imports/out.jsonl").Code);
        Assert.Equal(ImportErrorCodes.OutsideImportRoots, Refused("imports/outdir/outside.jsonl").Code);
        Assert.Equal(ImportErrorCodes.OutsideImportRoots, Refused("imports/*.jsonl").Code); // the glob matches out.jsonl too
        Assert.Single(resolver.Resolve("imports/in.jsonl"));
    }

    [Fact]
    public void A_missing_file_a_directory_and_an_empty_glob_each_get_their_own_error()
    {
        files.Write("dir/a.txt", "x");

        Assert.Equal(ImportErrorCodes.SourceNotFound, Refused("imports/nope.jsonl").Code);
        var directory = Refused("imports/dir");
        Assert.Equal(ImportErrorCodes.DirectoryWithoutGlob, directory.Code);
        Assert.Contains("*.jsonl", directory.Message);
        Assert.Equal(ImportErrorCodes.NoMatchingFiles, Refused("imports/dir/*.jsonl").Code);
        Assert.Equal(ImportErrorCodes.UnsupportedFormat, Refused("ftp://example.com/a.jsonl").Code);
        Assert.Equal(ImportErrorCodes.HttpFailed, Refused("https://example.com/a.jsonl").Code); // no HttpClient given
    }

    [Theory]
    [InlineData(null, "a.jsonl", DatasetFormat.JsonLines)]
    [InlineData(null, "a.ndjson", DatasetFormat.JsonLines)]
    [InlineData(null, "a.JSON", DatasetFormat.JsonArray)]
    [InlineData(null, "a.csv", DatasetFormat.Csv)]
    [InlineData("csv", "a.txt", DatasetFormat.Csv)]
    [InlineData(null, "a.parquet", DatasetFormat.Parquet)]
    [InlineData("parquet", "a.bin", DatasetFormat.Parquet)]
    public void The_format_comes_from_the_option_or_the_extension(string? format, string fileName, DatasetFormat expected) =>
        Assert.Equal(expected, DatasetFormats.Pick(format, fileName));
}
