namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>
/// Waits for work that runs outside the request (a daemon subscription, a durable queue) to show its result: asks again until
/// the answer is there, or fails the test after <c>within</c>. Not a wait for time to pass; time comes from the fake clock.
/// </summary>
public static class Eventually
{
    /// <summary>Asks <paramref name="attempt"/> every <paramref name="every"/> until it answers something other than null.</summary>
    public static async Task<T> Async<T>(Func<CancellationToken, Task<T?>> attempt, TimeSpan within, TimeSpan every) where T : class
    {
        ArgumentNullException.ThrowIfNull(attempt);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(within);
        while (true)
        {
            if (await attempt(timeout.Token) is { } found) return found;
            await Task.Delay(every, timeout.Token);
        }
    }
}
