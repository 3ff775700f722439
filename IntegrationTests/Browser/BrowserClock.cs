namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The browser host's clock: real time, moved forward by the tests (a session that runs out, a task overdue). It must not stand
/// still like a fake clock: the browser judges the cookies the host sets (the sign-in's correlation and nonce cookies live
/// 15 minutes) by its own clock, and a host clock left behind real time makes them expired on arrival, so every sign-in of a
/// long run would fail with "Correlation failed".
/// </summary>
public sealed class BrowserClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    /// <summary>Moves the clock forward by <paramref name="delta"/>; it goes on running from there.</summary>
    public void Advance(TimeSpan delta)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delta, TimeSpan.Zero);
        Interlocked.Add(ref _offsetTicks, delta.Ticks);
    }
}
