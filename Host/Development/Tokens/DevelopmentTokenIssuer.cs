using System.Security.Claims;
using System.Security.Cryptography;
using Fachwerk.Application.Common;
using Fachwerk.Host.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fachwerk.Host.Development.Tokens;

/// <summary>
/// Development-only token issuer: signs short-lived tokens for the demo users with a key that lives as long as the process.
/// Announced by a warning at start-up; never registered outside Development.
/// </summary>
public sealed class DevelopmentTokenIssuer : IDisposable
{
    public const string Issuer = "https://fachwerk.invalid/development-tokens";

    /// <summary>Development tokens live an hour at most, as access tokens of a real provider do (ADR 0057).</summary>
    public const int MaxLifetimeMinutes = 60;

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
            Expires = (now + (lifetime ?? TimeSpan.FromMinutes(MaxLifetimeMinutes))).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey, SecurityAlgorithms.EcdsaSha256),
        });
    }

    public void Dispose() => _key.Dispose();
}
