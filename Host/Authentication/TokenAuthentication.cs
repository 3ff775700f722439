using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Authentication.JwtBearer;
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

    /// <summary>Signature algorithms accepted; anything else (including "none") is refused.</summary>
    public IReadOnlyList<string> Algorithms { get; set; } =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384];
}

public static class TokenAuthentication
{
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
