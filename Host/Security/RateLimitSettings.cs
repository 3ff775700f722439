namespace Fachwerk.Host.Security;

/// <summary>
/// Limits of requests per window (configuration section "RateLimits", ADR 0057): a signed-in user's requests counted by user
/// (the token's <c>sub</c>), requests without a valid token by client address (the connection's, or the <c>X-Forwarded-For</c>
/// of a known proxy: section "ForwardedHeaders"), and a tighter limit per user on the operations that read or rebuild the whole
/// store. A request over a limit answers 429 <c>too-many-requests</c> with <c>Retry-After</c>.
/// </summary>
public sealed class RateLimitSettings
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;

    /// <summary>Requests per window of one signed-in user, whatever address they come from (the web UI's calls included).</summary>
    public int PerUser { get; set; } = 600;

    /// <summary>
    /// Requests per window without a valid token from one client address: sign-in pages, health probes, guessed tokens. An office
    /// behind one address counts as one client.
    /// </summary>
    public int PerClient { get; set; } = 300;

    /// <summary>Requests per window of one user to the operations that read or rebuild the whole store.</summary>
    public int ExpensivePerUser { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}
