using System.Threading.RateLimiting;

namespace Fachwerk.Host.Security;

/// <summary>
/// A fixed window of <c>permits</c> requests on the host's clock (<see cref="TimeProvider"/>): the window opens with the first
/// request and closes <c>window</c> later. The framework's limiters count on the machine's stopwatch, which a test cannot move
/// (dotnet/runtime#106447); on the host's clock a test moves past the window instead of waiting for it. A refused lease says
/// when the window closes (<see cref="MetadataName.RetryAfter"/>); nothing waits in a queue.
/// </summary>
public sealed class ClockWindowLimiter(TimeProvider clock, int permits, TimeSpan window) : RateLimiter
{
    private readonly Lock _gate = new();
    private DateTimeOffset _opened = DateTimeOffset.MinValue;
    private int _used;
    private long _granted;
    private long _refused;

    private readonly DateTimeOffset _created = clock.GetUtcNow();

    /// <summary>
    /// How long ago the window closed, or, before the first request, how long ago the limiter was made (the partitioned limiter
    /// drops limiters idle for a while); null while it is open. A limiter just made is not idle: the partitioned limiter's
    /// clean-up, every 100 ms, would otherwise drop it between its making and its first request, and that request would be
    /// counted on a limiter no later request sees.
    /// </summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = clock.GetUtcNow();
                return IsOpen(now) ? null : now - (_opened == DateTimeOffset.MinValue ? _created : Closes);
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = IsOpen(clock.GetUtcNow()) ? permits - _used : permits,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _granted,
                TotalFailedLeases = _refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (!IsOpen(now)) (_opened, _used) = (now, 0);
            if (permitCount == 0 ? _used < permits : _used + permitCount <= permits)
            {
                _used += permitCount;
                _granted++;
                return WindowLease.Granted;
            }

            _refused++;
            return new WindowLease(false, Closes - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private DateTimeOffset Closes => _opened == DateTimeOffset.MinValue ? _opened : _opened + window;

    // A clock that went back (a test's fresh clock) opens a new window too.
    private bool IsOpen(DateTimeOffset now) => _opened != DateTimeOffset.MinValue && now >= _opened && now < _opened + window;

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } after && metadataName == MetadataName.RetryAfter.Name ? after : null;
            return metadata is not null;
        }
    }
}
