using Sessions.Admin.Ingest;

namespace Sessions.UnitTests.Security;

public class IngestionBatchTests
{
    [Fact]
    public void A_different_session_under_a_repeated_id_is_not_sent_and_an_identical_repeat_is_sent_once()
    {
        var first = Conversations.Valid("dup");
        var changed = first with { UserId = "someone-else" };

        var batch = IngestionBatch.Of([first, first, changed, Conversations.Valid("other"), first with { SessionId = "" }, first with { SessionId = "" }]);

        Assert.Equal(["dup", "other", "", ""], batch.ToPublish.Select(s => s.SessionId));
        Assert.Equal((1, 1), (batch.IdenticalRepeats, batch.ConflictingDuplicates));
        // Every session is accounted for: sent, an identical repeat, or a conflicting duplicate.
        Assert.Equal(6, batch.ToPublish.Count + batch.IdenticalRepeats + batch.ConflictingDuplicates);
    }
}
