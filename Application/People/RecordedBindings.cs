using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.People;
using Marten;
using Microsoft.AspNetCore.Authentication;

namespace Fachwerk.Application.People;

/// <summary>
/// What a signed-in user acts for is decided here, once per request, from Fachwerk's records as well as the token (ADR 0060).
/// After authentication the token's binding claims (<c>org</c>, <c>alliance</c>, <c>pilot</c>) are replaced by the person's
/// bindings: those recorded (granted by an administrator, or by launching a pilot project) and those the token claims unless an
/// administrator revoked them. One lookup by primary key; nothing is written on the way in.
/// </summary>
public sealed class RecordedBindings(IDocumentStore store) : IClaimsTransformation
{
    /// <summary>The authentication type of the identity that carries the person's bindings.</summary>
    public const string AuthenticationType = "fachwerk-bindings";

    /// <summary>The claim of each kind of binding.</summary>
    public static readonly IReadOnlyDictionary<BindingKind, string> ClaimOf = new Dictionary<BindingKind, string>
    {
        [BindingKind.Organisation] = UserClaims.Organisation,
        [BindingKind.Alliance] = UserClaims.Alliance,
        [BindingKind.Pilot] = UserClaims.Pilot,
    };

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity?.IsAuthenticated != true || principal.Identities.Any(i => i.AuthenticationType == AuthenticationType))
            return principal;
        var userId = principal.FindFirstValue(UserClaims.Subject);
        if (string.IsNullOrWhiteSpace(userId)) return principal;

        Person? person;
        await using (var session = store.QuerySession())
        {
            person = await session.LoadAsync<Person>(Person.IdOf(userId));
        }

        return WithBindings(principal, Person.ActsFor(person, Claimed(principal)));
    }

    /// <summary>The bindings a token claims; values that are no id are ignored.</summary>
    public static IEnumerable<Binding> Claimed(ClaimsPrincipal principal) =>
        ClaimOf.SelectMany(kind => principal.FindAll(kind.Value)
            .Select(c => Guid.TryParse(c.Value, out var id) && id != Guid.Empty ? new Binding(kind.Key, id) : null)
            .OfType<Binding>());

    /// <summary>The principal with the token's binding claims replaced by what the person acts for.</summary>
    private static ClaimsPrincipal WithBindings(ClaimsPrincipal principal, IReadOnlyList<Binding> bindings)
    {
        var bindingClaims = ClaimOf.Values.ToHashSet();
        var identities = principal.Identities
            .Select(i => new ClaimsIdentity(i.Claims.Where(c => !bindingClaims.Contains(c.Type)), i.AuthenticationType, i.NameClaimType, i.RoleClaimType))
            .ToList();
        identities.Add(new ClaimsIdentity(bindings.Select(b => new Claim(ClaimOf[b.Kind], b.TargetId.ToString())), AuthenticationType));
        return new ClaimsPrincipal(identities);
    }
}
