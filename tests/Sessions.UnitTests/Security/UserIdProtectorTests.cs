using Sessions.Text.Names;

namespace Sessions.UnitTests.Security;

public class UserIdProtectorTests
{
    private const string Secret = "0123456789abcdef-test-secret";

    [Theory]
    [InlineData("alice@example.com")]
    [InlineData("+44 20 7946 0958")]
    public void A_user_id_that_looks_like_pii_is_redacted_by_default(string id) =>
        Assert.Equal(UserIdProtector.Redacted, new UserIdProtector(new UserIdOptions()).Protect(id));

    [Fact]
    public void Hashing_gives_one_stable_pseudonym_per_user_that_does_not_contain_the_id()
    {
        var protector = new UserIdProtector(new UserIdOptions { Mode = UserIdMode.Hash, Secret = Secret });

        var first = protector.Protect("alice@example.com");

        Assert.StartsWith("hmac:", first);
        Assert.Equal(first, protector.Protect("alice@example.com"));
        Assert.NotEqual(first, protector.Protect("bob@example.com"));
        Assert.DoesNotContain("alice", first);
        Assert.NotEqual(first, new UserIdProtector(new UserIdOptions { Mode = UserIdMode.Hash, Secret = Secret + "x" }).Protect("alice@example.com"));
    }

    [Fact]
    public void Ordinary_ids_are_kept_and_keep_mode_keeps_everything()
    {
        Assert.Equal("user-42", new UserIdProtector(new UserIdOptions()).Protect("user-42"));
        Assert.Equal("alice@example.com", new UserIdProtector(new UserIdOptions { Mode = UserIdMode.Keep }).Protect("alice@example.com"));
    }

    [Fact]
    public void Hash_mode_without_a_secret_refuses_to_start() =>
        Assert.Throws<ArgumentException>(() => new UserIdProtector(new UserIdOptions { Mode = UserIdMode.Hash }));

    [Theory]
    [InlineData("nul\0id")]
    [InlineData("esc\u001b[31m")]
    public void User_ids_with_control_characters_or_too_long_cannot_be_stored(string id)
    {
        Assert.NotNull(UserIdProtector.Problem(id));
        Assert.NotNull(UserIdProtector.Problem(new string('u', 201)));
        Assert.Null(UserIdProtector.Problem(""));
    }
}
