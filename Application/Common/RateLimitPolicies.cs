namespace Fachwerk.Application.Common;

/// <summary>
/// Named rate limits an endpoint opts into (<c>[EnableRateLimiting(RateLimitPolicies.Expensive)]</c>); the limits themselves are
/// settings of the host (ADR 0057). Every request is also counted per user and per client address.
/// </summary>
public static class RateLimitPolicies
{
    /// <summary>Operations that read the whole store or rebuild it: chain verification, the digest, case files, rebuilds.</summary>
    public const string Expensive = "expensive";
}
