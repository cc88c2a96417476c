using Sessions.Text.Names;

namespace Sessions.UnitTests.Security;

public class NameRulesTests
{
    public static TheoryData<string?> HostileNames() =>
    [
        null, "", ".", "..", "../../x", "/some/absolute/dir", "C:\\x", "..\\x", "a/b", "support[bot]", "[red]x[/]", "nul\0byte",
        "with space", "-leading-dash", ".hidden", "_invalid", "模型", "a\u0301", new string('a', 65), "x\ny", "%2e%2e", "~root", "a:b",
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public void Hostile_model_names_are_refused_with_a_reason_that_does_not_echo_them(string? name)
    {
        var problem = ModelNames.Problem(name);

        Assert.NotNull(problem);
        Assert.DoesNotContain("[", problem);
        Assert.DoesNotContain("\0", problem);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("support-bot")]
    [InlineData("gpt-4o.mini_v2")]
    [InlineData("a")]
    [InlineData("0..1")]
    public void Ordinary_model_names_pass(string name) => Assert.Null(ModelNames.Problem(name));

    [Fact]
    public void A_model_name_of_64_characters_passes_and_65_does_not()
    {
        Assert.True(ModelNames.IsValid(new string('m', 64)));
        Assert.False(ModelNames.IsValid(new string('m', 65)));
    }

    [Theory]
    [InlineData("s-1")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("conv_01HZX:tenant@eu/9+Q==")]
    public void Ordinary_session_ids_pass(string id) => Assert.True(SessionIds.IsValid(id));

    [Theory]
    [InlineData("")]
    [InlineData("with space")]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\x")]
    [InlineData("C:\\x")]
    [InlineData("id[bot]")]
    [InlineData("<script>")]
    [InlineData("nul\0")]
    [InlineData("quote\"d")]
    [InlineData("/absolute")]
    public void Hostile_session_ids_are_refused(string id) => Assert.False(SessionIds.IsValid(id));

    [Fact]
    public void A_session_id_of_200_characters_passes_and_201_does_not()
    {
        Assert.True(SessionIds.IsValid(new string('s', 200)));
        Assert.False(SessionIds.IsValid(new string('s', 201)));
    }

    [Fact]
    public void The_placeholder_for_an_invalid_name_is_itself_not_a_valid_name() =>
        Assert.False(ModelNames.IsValid(ModelNames.InvalidPlaceholder));
}
