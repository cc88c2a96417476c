using Sessions.Storage;

namespace Sessions.UnitTests.Security;

public sealed class ContainedPathTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("contained-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("")]
    [InlineData("../x")]
    [InlineData("/etc")]
    [InlineData("a/b")]
    [InlineData("..\\x")]
    [InlineData("C:\\x")]
    [InlineData("nul\0")]
    public void A_part_that_is_not_one_plain_name_is_refused(string part) =>
        Assert.Throws<UnsafePathException>(() => ContainedPath.Combine(_root, part));

    [Fact]
    public void A_plain_name_stays_under_the_root() =>
        Assert.Equal(Path.Combine(_root, "default", "default-v1"), ContainedPath.Combine(_root, "default", "default-v1"));

    [Theory]
    [InlineData("/some/absolute/dir")]
    [InlineData("../../x")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("C:\\x")]
    [InlineData("support[bot]")]
    public void An_artifact_folder_for_any_model_name_stays_under_the_root(string model)
    {
        var folder = ArtifactFolder.VersionPath(_root, model, $"{model}-v1");

        Assert.StartsWith(_root + Path.DirectorySeparatorChar, folder);
        Assert.Equal(_root, Path.GetDirectoryName(Path.GetDirectoryName(folder)));
    }
}
