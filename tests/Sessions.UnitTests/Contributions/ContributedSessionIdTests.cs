using Sessions.Contributions;

namespace Sessions.UnitTests.Contributions;

public sealed class ContributedSessionIdTests
{
    [Fact]
    public void Session_ids_of_an_import_sort_as_text_in_row_order()
    {
        var integration = Guid.NewGuid();
        long[] rows = [1, 2, 9, 10, 99, 100, 999, 1000, 1001, 9999, 10000, 123456, 8_200_000, 9_999_999_999];

        var ids = rows.Select(r => ContributedDataIntegration.SessionIdOf(integration, r)).ToList();

        // The session-id indexes then grow at their end during an import instead of taking each entry somewhere inside.
        Assert.Equal(ids, ids.Order(StringComparer.Ordinal));
        Assert.All(ids, id => Assert.StartsWith(ContributedDataIntegration.SessionPrefix(integration), id));
        Assert.Equal($"contrib-{integration:N}-0000000001", ids[0]);
    }
}
