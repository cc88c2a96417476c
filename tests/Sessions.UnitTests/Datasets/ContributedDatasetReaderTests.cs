using Sessions.Datasets;

namespace Sessions.UnitTests.Datasets;

public sealed class ContributedDatasetReaderTests : IDisposable
{
    private readonly DatasetFiles files = new();

    public void Dispose() => files.Dispose();

    private static string Vector(float first, int dimension = 384) =>
        "[" + string.Join(",", Enumerable.Range(0, dimension).Select(i => i == 0 ? first.ToString(System.Globalization.CultureInfo.InvariantCulture) : "0")) + "]";

    [Fact]
    public async Task A_glob_over_three_formats_yields_every_row_with_cleaned_embeddings_and_a_report()
    {
        files.Write("set/a.jsonl", DatasetFiles.ChatLine("q1", "a1", $",\"embedding\":{Vector(2)}") + "\n{broken\n");
        files.Write("set/b.json", $$"""[{"prompt":"q2","completion":"a2","embedding":{{Vector(0)}}}]""");
        files.Write("set/c.csv", "prompt,completion\nq3,a3\n");
        var reader = new ContributedDatasetReader(files.Options(), baseDirectory: files.Folder);
        var report = new ImportReadReport();

        var results = await DatasetFiles.CollectAsync(reader.ReadAsync("imports/set/*"));
        results.ForEach(report.Add);

        Assert.Equal((4L, 2L), (report.Read, report.Accepted));
        Assert.Equal(1f, results[0].Row!.Embedding![0]);
        Assert.Equal(
            [(RowRejectionCodes.InvalidJson, 2L), (RowRejectionCodes.EmbeddingZeroNorm, 1L)],
            report.Rejections.Select(r => (r.Code, r.RowNumber)));
        Assert.EndsWith("b.json", report.Rejections[1].Source);
        Assert.Equal(1, report.RejectedByCode[RowRejectionCodes.InvalidJson]);
    }

    [Fact]
    public async Task A_shuffled_read_is_a_seeded_permutation_of_the_rows()
    {
        files.Write("many.jsonl", string.Join("\n", Enumerable.Range(1, 200).Select(i => DatasetFiles.ChatLine($"q{i}", "a"))));
        var shuffled = new ContributedDatasetReader(files.Options(o => o.ShuffleSeed = 42), baseDirectory: files.Folder);

        var first = (await DatasetFiles.CollectAsync(shuffled.ReadAsync("imports/many.jsonl"))).Select(r => r.Row!.RowNumber).ToArray();
        var second = (await DatasetFiles.CollectAsync(shuffled.ReadAsync("imports/many.jsonl"))).Select(r => r.Row!.RowNumber).ToArray();

        Assert.Equal(first, second);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i), first.Order());
        Assert.NotEqual(first.Order(), first);
    }

    [Fact]
    public async Task A_configured_schema_file_applies_to_every_json_row()
    {
        var schema = files.Write("schema.json", """{"type":"object","required":["session_id"]}""");
        files.Write("rows.jsonl", DatasetFiles.ChatLine("q", "a") + "\n" + DatasetFiles.ChatLine("q", "a", ",\"session_id\":\"s\"") + "\n");
        var reader = new ContributedDatasetReader(files.Options(o => o.SchemaPath = schema), baseDirectory: files.Folder);

        var results = await DatasetFiles.CollectAsync(reader.ReadAsync("imports/rows.jsonl"));

        Assert.Equal([RowRejectionCodes.SchemaViolation, null], results.Select(r => r.Rejection?.Code));
        Assert.Contains("session_id", results[0].Rejection!.Detail);
    }

    [Fact]
    public void Problems_with_the_source_fail_before_any_row_is_read()
    {
        files.Write("data.xlsx", "PK");
        var reader = new ContributedDatasetReader(files.Options(), baseDirectory: files.Folder);

        Assert.Equal(ImportErrorCodes.UnsupportedFormat, Assert.Throws<DatasetImportException>(() => reader.ReadAsync("imports/data.xlsx")).Code);
        Assert.Equal(ImportErrorCodes.SourceNotFound, Assert.Throws<DatasetImportException>(() => reader.ReadAsync("imports/none.jsonl")).Code);
        Assert.Equal(ImportErrorCodes.UnsupportedFormat,
            Assert.Throws<DatasetImportException>(() => new ContributedDatasetReader(files.Options(o => o.Format = "xlsx"))).Code);
    }

    [Fact]
    public void Without_configured_roots_only_data_imports_is_allowed()
    {
        var reader = new ContributedDatasetReader(new DatasetImportOptions(), baseDirectory: files.Folder);

        Assert.Equal([Path.Combine(files.Folder, "data", "imports")], reader.Roots.Roots);
        Assert.Equal(ImportErrorCodes.OutsideImportRoots, Assert.Throws<DatasetImportException>(() => reader.ResolveSources("imports/x.jsonl")).Code);
    }

    [Fact]
    public void Bad_options_fail_at_construction()
    {
        Assert.Throws<ArgumentException>(() => new ContributedDatasetReader(files.Options(o => o.Embeddings.NonFiniteStrategy = "median")));
        Assert.Throws<ArgumentException>(() => new ContributedDatasetReader(files.Options(o => o.Csv.Delimiter = '"')));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ContributedDatasetReader(files.Options(o => o.MaxRowBytes = 0)));
    }
}
