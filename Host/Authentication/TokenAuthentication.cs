using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fachwerk.Host.Authentication;

/// <summary>Settings of token authentication (configuration section "Authentication").</summary>
public sealed class TokenSettings
{
    public const string Section = "Authentication";

    /// <summary>The OpenID Connect provider (issuer URL); its metadata supplies the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience Fachwerk's tokens are issued for.</summary>
    public string Audience { get; set; } = "fachwerk-api";

    /// <summary>The claim that carries roles in the provider's tokens.</summary>
    public string RoleClaim { get; set; } = UserClaims.Role;

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Only in Development (ignored elsewhere): mint tokens for the demo users at <c>POST /dev/token</c>.</summary>
    public bool DevelopmentTokens { get; set; }

    /// <summary>
    /// Only in Development: the longest a development token lives, in minutes. An hour, as access tokens of a real provider
    /// (ADR 0057); the benchmark harness gives its host a day, since a full run lasts longer than an hour.
    /// </summary>
    public int DevelopmentTokenMaxMinutes { get; set; } = 60;

    /// <summary>
    /// Why the service cannot start with these settings, or null: a provider whose metadata (and signing keys) would be fetched
    /// over plain HTTP without <see cref="RequireHttpsMetadata"/> switched off. Found at start-up, not on the first request
    /// (which answered 500, as did every later one).
    /// </summary>
    public string? StartProblem =>
        Authority is { } authority && RequireHttpsMetadata && !authority.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            ? $"Authentication:Authority ({authority}) is not an https:// address. Use the provider's https address; only for a provider on a trusted network set Authentication:RequireHttpsMetadata=false."
            : null;

    /// <summary>Signature algorithms accepted; anything else (including "none") is refused.</summary>
    public IReadOnlyList<string> Algorithms { get; set; } =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384];
}

public static class TokenAuthentication
{
    /// <summary>
    /// Why a validated token is still refused, or null (ADR 0057): it must name its user (<c>sub</c>), and it must be an access
    /// token (ASVS 9.2.2). Access tokens carry <c>typ</c> <c>at+jwt</c> (RFC 9068), or no <c>typ</c> / <c>JWT</c> and none of the
    /// marks of an ID token: a <c>nonce</c>, <c>at_hash</c> or <c>c_hash</c>, a <c>token_use</c> other than <c>access</c>, a
    /// <c>typ</c> claim other than <c>Bearer</c>, or an audience that is the client it was issued to (<c>azp</c>/<c>client_id</c>:
    /// an ID token's audience is its client). Any other <c>typ</c> (a logout token, an ID token typed as such) is refused.
    /// </summary>
    public static string? Refusal(JsonWebToken token, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(principal);
        if (string.IsNullOrWhiteSpace(principal.FindFirst(UserClaims.Subject)?.Value)) return "the token names no user (sub)";

        var type = (token.Typ ?? "").Trim().ToLowerInvariant();
        if (type.StartsWith("application/", StringComparison.Ordinal)) type = type["application/".Length..];
        if (type == "at+jwt") return null;
        if (type is not ("" or "jwt")) return $"a token of type '{type}' is not an access token";

        if (new[] { "nonce", "at_hash", "c_hash" }.FirstOrDefault(name => token.Claims.Any(c => c.Type == name)) is { } idTokenClaim)
            return $"an ID token (it carries {idTokenClaim}), not an access token";
        if (token.TryGetPayloadValue<string>("token_use", out var use) && !string.Equals(use, "access", StringComparison.OrdinalIgnoreCase))
            return $"a token for '{use}', not an access token";
        if (token.TryGetPayloadValue<string>("typ", out var claimedType) && !string.Equals(claimedType, "Bearer", StringComparison.OrdinalIgnoreCase))
            return $"a token of type '{claimedType}', not an access token";
        foreach (var client in new[] { "azp", "client_id" })
        {
            if (token.TryGetPayloadValue<string>(client, out var clientId) && token.Audiences.Contains(clientId, StringComparer.Ordinal))
                return "a token whose audience is its own client (an ID token), not an access token";
        }

        return null;
    }

    /// <summary>
    /// JWT bearer tokens from the configured OpenID Connect provider (issuer, audience and signing keys from its metadata;
    /// in Development without a provider, the development token issuer's, see Development/Tokens). Only the allowed
    /// algorithms; exp, nbf, iss and aud are checked, with 30 seconds of clock skew, against the application's TimeProvider.
    /// </summary>
    public static void ConfigureJwtBearer(JwtBearerOptions options, TokenSettings settings, TimeProvider clock)
    {
        options.MapInboundClaims = false;
        options.Authority = settings.Authority;
        options.Audience = settings.Audience;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.TimeProvider = clock;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = settings.Audience,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            ValidAlgorithms = settings.Algorithms,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = UserClaims.Subject,
            RoleClaimType = settings.RoleClaim,
            // exp and nbf against the application's clock (the token library would read the machine's clock directly).
            LifetimeValidator = (notBefore, expires, _, parameters) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } exp && exp >= now - parameters.ClockSkew && (notBefore is not { } nbf || nbf <= now + parameters.ClockSkew);
            },
        };
    }
}
