using Fachwerk.Host.Cluster;
using System.Security.Claims;
using System.Security.Cryptography;
using Fachwerk.Application.Common;
using Fachwerk.Host.Authentication;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Fachwerk.Host.Development.Tokens;

/// <summary>
/// Development-only token issuer: signs short-lived tokens for the demo users with a key shared by the nodes through
/// <see cref="SharedKeys"/> (or, without a key folder, one that lives as long as the process).
/// Announced by a warning at start-up; never registered outside Development. The development OpenID Connect provider signs
/// with the same key under the same issuer, so its tokens and these are alike to the API (ADR 0050).
/// </summary>
public sealed class DevelopmentTokenIssuer : IDisposable
{
    /// <summary>The development provider's issuer: the address <c>dotnet run</c> serves it at (an identifier on any other port).</summary>
    public const string Issuer = "http://localhost:5080/";

    private readonly ECDsa _key;
    private readonly bool _ownsKey;
    private readonly TimeProvider _clock;
    private readonly string _audience;

    /// <param name="keyFile">
    /// Where the signing key is kept (<see cref="SharedKeys"/>): nodes that share the file accept each other's tokens. Without one
    /// the key lives as long as the process.
    /// </param>
    public DevelopmentTokenIssuer(TimeProvider clock, TokenSettings settings, SharedKeys? keyFile = null)
    {
        // A shared key belongs to the process (SharedKeys), a generated one to this issuer.
        _ownsKey = keyFile is null;
        _key = keyFile?.DevelopmentSigningKey() ?? ECDsa.Create(ECCurve.NamedCurves.nistP256);
        _clock = clock;
        _audience = settings.Audience;
        MaxLifetimeMinutes = settings.DevelopmentTokenMaxMinutes;
        SigningKey = new ECDsaSecurityKey(_key) { KeyId = "fachwerk-development" };
    }

    public SecurityKey SigningKey { get; }

    /// <summary>The longest a token lives, and how long it lives unless asked for less (Authentication:DevelopmentTokenMaxMinutes).</summary>
    public int MaxLifetimeMinutes { get; }

    /// <summary>
    /// A token for <paramref name="user"/> with the given bindings (organisation, alliance, pilot project), the demo address and a
    /// language (<paramref name="locale"/>, German unless named) as the sign-in provider gives them.
    /// </summary>
    public string Mint(DemoUser user, Guid? organisation = null, Guid? alliance = null, Guid? pilot = null, TimeSpan? lifetime = null, string? locale = null)
    {
        var now = _clock.GetUtcNow();
        var claims = new Dictionary<string, object>
        {
            [UserClaims.Name] = user.DisplayName, [UserClaims.Role] = user.Roles.ToArray(), ["email"] = user.Email, ["locale"] = locale ?? DemoUsers.Locale,
        };
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

    public void Dispose()
    {
        if (_ownsKey) _key.Dispose();
    }
}
