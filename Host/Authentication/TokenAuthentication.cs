using System.Security.Claims;
using Fachwerk.Application.Common;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
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

    /// <summary>Only in Development: mint tokens for the demo users at <c>POST /dev/token</c>.</summary>
    public bool DevelopmentTokens { get; set; }

    /// <summary>Signature algorithms accepted; anything else (including "none") is refused.</summary>
    public IReadOnlyList<string> Algorithms { get; set; } =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384];
}

/// <summary>
/// Development-only token issuer: signs short-lived tokens for the demo users with a key that lives as long as the process.
/// Announced by a warning at start-up; never registered outside Development. The development OpenID Connect provider signs
/// with the same key under the same issuer, so its tokens and these are alike to the API (ADR 0050).
/// </summary>
public sealed class DevelopmentTokenIssuer : IDisposable
{
    /// <summary>The development provider's issuer: the address <c>dotnet run</c> serves it at (an identifier on any other port).</summary>
    public const string Issuer = "http://localhost:5080/";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly TimeProvider _clock;
    private readonly string _audience;

    public DevelopmentTokenIssuer(TimeProvider clock, TokenSettings settings)
    {
        _clock = clock;
        _audience = settings.Audience;
        SigningKey = new ECDsaSecurityKey(_key) { KeyId = "fachwerk-development" };
    }

    public SecurityKey SigningKey { get; }

    /// <summary>A token for <paramref name="user"/> with the given bindings (organisation, alliance, pilot project).</summary>
    public string Mint(DemoUser user, Guid? organisation = null, Guid? alliance = null, Guid? pilot = null, TimeSpan? lifetime = null)
    {
        var now = _clock.GetUtcNow();
        var claims = new Dictionary<string, object> { [UserClaims.Name] = user.DisplayName, [UserClaims.Role] = user.Roles.ToArray() };
        if (organisation is { } org) claims[UserClaims.Organisation] = org.ToString();
        if (alliance is { } all) claims[UserClaims.Alliance] = all.ToString();
        if (pilot is { } pil) claims[UserClaims.Pilot] = pil.ToString();

        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = _audience,
            Subject = new ClaimsIdentity([new Claim(UserClaims.Subject, user.Id)]),
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + (lifetime ?? TimeSpan.FromHours(8))).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public void Dispose() => _key.Dispose();
}

public static class TokenAuthentication
{
    /// <summary>
    /// JWT bearer tokens: from the configured OpenID Connect provider (issuer, audience and signing keys from its metadata),
    /// or, in Development without a provider, from the development token issuer. Only the allowed algorithms; exp, nbf,
    /// iss and aud are checked, with 30 seconds of clock skew, against the application's TimeProvider.
    /// </summary>
    public static void ConfigureJwtBearer(JwtBearerOptions options, TokenSettings settings, DevelopmentTokenIssuer? developmentIssuer, TimeProvider clock)
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

        if (settings.Authority is null && developmentIssuer is not null)
        {
            options.TokenValidationParameters.ValidIssuer = DevelopmentTokenIssuer.Issuer;
            options.TokenValidationParameters.IssuerSigningKey = developmentIssuer.SigningKey;
        }
    }
}
