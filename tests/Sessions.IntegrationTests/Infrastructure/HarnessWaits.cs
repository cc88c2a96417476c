using MassTransit;
using MassTransit.Testing;

namespace Sessions.IntegrationTests.Infrastructure;

public static class HarnessWaits
{
    /// <summary>Awaits a published message matching <paramref name="filter"/>, independent of the harness's inactivity detection.</summary>
    public static async Task<T> WaitForPublished<T>(this ITestHarness harness, Func<T, bool>? filter = null, int seconds = 30)
        where T : class
    {
        T? found = null;
        await Eventually.Until(() =>
        {
            found = harness.Published.Select<T>(m => filter?.Invoke(m.Context.Message) ?? true).Select(m => m.Context.Message).FirstOrDefault();
            return found is not null;
        }, TimeSpan.FromSeconds(seconds), $"a published {typeof(T).Name}");
        return found!;
    }
}
