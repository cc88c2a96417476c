using System.Text.Json;
using System.Text.Json.Nodes;
using Sessions.Text;
using Sessions.Validator.Augmentation;

namespace Sessions.UnitTests.Augmentation;

/// <summary>A copy's JSON and hash come from the parent's parts joined with its turn: they must be the bytes of editing and serializing the whole history.</summary>
public class ParentHistoryTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string, string> Rewrites() => new()
    {
        { History("Where do I find the settings?"), "Where do I locate the settings?" },
        { History("plain"), "quotes \" and \\ backslashes, <tags> & 'apostrophes'" },
        { History("Grüße aus Köln"), "Grüße aus KÖLN — mit “Anführungszeichen” und Emoji 😀👍🏽" },
        { History("tabs\tand\nlines"), "control \u0001 characters\r\n and   spaces  " },
        { History("你好"), "可以用分块读取数据" },
        { History("fine"), "a lone surrogate \ud800 here" },
        { History("fine"), "" },
        { """[{"role":"user","content":"only one turn"}]""", "the only turn rewritten" },
        { """[{"role":"system","content":"Sys"},{"role":"user","content":"first"},{"role":"assistant","content":"a"},{"role":"user","content":"last"},{"role":"assistant","content":"b \"q\" 😀"}]""", "LAST, rewritten" },
        { """[ {"role" : "user", "content" : "spaced \u00e9 \/ json"} , {"role":"assistant","content":"reply","extra":[1,2,{"k":null}]} ]""", "rewritten" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void A_copy_is_the_edited_history_serialized_and_hashed_whole(string messagesJson, string user)
    {
        var (json, hash) = new ParentHistory(messagesJson).With(user);

        var (expectedJson, expectedHash) = EditedWhole(messagesJson, user);
        Assert.Equal(expectedJson, json);
        Assert.Equal(expectedHash, hash);
    }

    [Fact]
    public void Copies_of_one_parent_do_not_leak_into_each_other()
    {
        var history = new ParentHistory(History("original"));

        var first = history.With("first copy");
        var second = history.With("second copy");

        Assert.Equal(EditedWhole(History("original"), "first copy"), first);
        Assert.Equal(EditedWhole(History("original"), "second copy"), second);
    }

    [Fact]
    public void A_history_containing_a_marker_like_text_is_still_cut_at_the_user_turn()
    {
        var hexLike = new string('a', 32);
        var messagesJson = History("x").Replace("You are helpful.", hexLike);

        Assert.Equal(EditedWhole(messagesJson, "rewritten"), new ParentHistory(messagesJson).With("rewritten"));
    }

    // What ParentHistory did before its parts were kept: edit the node, serialize the whole array, hash every message.
    private static (string Json, string Hash) EditedWhole(string messagesJson, string user)
    {
        var messages = JsonNode.Parse(messagesJson)!.AsArray();
        var last = messages.Select((m, i) => (Role: (string)m!["role"]!, i)).Last(m => m.Role == "user").i;
        messages[last]!["content"] = user;
        var pairs = messages.Select(m => ((string)m!["role"]!, (string)m["content"]!));
        return (messages.ToJsonString(Relaxed), ContentHash.Of(pairs));
    }

    private static string History(string user) => JsonSerializer.Serialize(new[]
    {
        new { role = "system", content = "You are helpful." },
        new { role = "user", content = "An earlier question with UPPER case" },
        new { role = "assistant", content = "An earlier answer." },
        new { role = "user", content = user },
        new { role = "assistant", content = "The reply, unchanged." },
    });
}
