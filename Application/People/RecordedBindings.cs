using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.People;
using Marten;
using Marten.Services.BatchQuerying;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Application.People;

/// <summary>
/// What a signed-in user acts for is decided here, once per request, from Fachwerk's records as well as the token (ADR 0060).
/// After authentication the token's binding claims (<c>org</c>, <c>alliance</c>, <c>pilot</c>) are replaced by the person's
/// bindings: those recorded (granted by an administrator, or by launching a pilot project) and those the token claims unless an
/// administrator revoked them. One lookup by primary key; nothing is written on the way in.
/// A command (an endpoint whose body is an <see cref="ICommand"/>) reads them in its own transaction instead, right after the
/// body's validation and before anything decides (<see cref="QueuePersonIn"/>, ADR 0134): until then its principal carries no
/// binding at all, so nothing can act on a binding that was revoked.
/// </summary>
public sealed class RecordedBindings(IDocumentStore store, IHttpContextAccessor http) : IClaimsTransformation
{
    /// <summary>The authentication type of the identity that carries the person's bindings.</summary>
    public const string AuthenticationType = "fachwerk-bindings";

    /// <summary>The authentication type of the identity that keeps a command's claimed bindings aside until its transaction reads the person.</summary>
    public const string PendingAuthenticationType = "fachwerk-bindings-pending";

    // The token's binding claims, kept aside under types no access check reads.
    private const string AsidePrefix = "fachwerk-claimed:";

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
        if (principal.Identity?.IsAuthenticated != true || principal.Identities.Any(i => i.AuthenticationType is AuthenticationType or PendingAuthenticationType))
            return principal;
        var userId = principal.FindFirstValue(UserClaims.Subject);
        if (string.IsNullOrWhiteSpace(userId)) return principal;
        if (http.HttpContext is { } context && CommandTransactionPolicy.ReadsBindingsInItsTransaction(context)) return Pending(principal);

        Person? person;
        await using (var session = store.QuerySession())
        {
            person = await session.LoadAsync<Person>(Person.IdOf(userId));
        }

        return WithBindings(principal, Person.ActsFor(person, Claimed(principal)));
    }

    /// <summary>Whether the principal's bindings wait for its command's transaction (<see cref="QueuePersonIn"/>).</summary>
    public static bool IsPending(ClaimsPrincipal principal) =>
        principal?.Identities.Any(i => i.AuthenticationType == PendingAuthenticationType) == true;

    /// <summary>
    /// Queues the read of a command's caller in <paramref name="batch"/> (in the command's transaction, before anything decides);
    /// null, and nothing queued, when the bindings were read on the way in. <see cref="Resolve"/> takes the person read.
    /// </summary>
    public static Task<Person?>? QueuePersonIn(IBatchedQuery batch, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(http);
        return IsPending(http.User) ? batch.Load<Person>(Person.IdOf(http.User.FindFirstValue(UserClaims.Subject)!)) : null;
    }

    /// <summary>Puts what <paramref name="person"/> acts for into the request's principal, in place of the claims kept aside.</summary>
    public static void Resolve(HttpContext http, Person? person)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.User = WithBindings(http.User, Person.ActsFor(person, Claimed(http.User, AsidePrefix)));
    }

    /// <summary>The bindings a token claims; values that are no id are ignored.</summary>
    public static IEnumerable<Binding> Claimed(ClaimsPrincipal principal) => Claimed(principal, "");

    private static IEnumerable<Binding> Claimed(ClaimsPrincipal principal, string prefix) =>
        ClaimOf.SelectMany(kind => principal.FindAll(prefix + kind.Value)
            .Select(c => Guid.TryParse(c.Value, out var id) && id != Guid.Empty ? new Binding(kind.Key, id) : null)
            .OfType<Binding>());

    /// <summary>The principal with no binding at all, the token's binding claims kept aside for <see cref="Resolve"/>.</summary>
    private static ClaimsPrincipal Pending(ClaimsPrincipal principal)
    {
        var aside = Claimed(principal).Select(b => new Claim(AsidePrefix + ClaimOf[b.Kind], b.TargetId.ToString()));
        return new ClaimsPrincipal([.. WithoutBindings(principal), new ClaimsIdentity(aside, PendingAuthenticationType)]);
    }

    /// <summary>The principal with the token's binding claims replaced by what the person acts for.</summary>
    private static ClaimsPrincipal WithBindings(ClaimsPrincipal principal, IReadOnlyList<Binding> bindings) =>
        new([.. WithoutBindings(principal), new ClaimsIdentity(bindings.Select(b => new Claim(ClaimOf[b.Kind], b.TargetId.ToString())), AuthenticationType)]);

    /// <summary>The principal's identities without any binding claim, and without the claims kept aside.</summary>
    private static IEnumerable<ClaimsIdentity> WithoutBindings(ClaimsPrincipal principal)
    {
        var bindingClaims = ClaimOf.Values.ToHashSet();
        return principal.Identities
            .Where(i => i.AuthenticationType != PendingAuthenticationType)
            .Select(i => new ClaimsIdentity(i.Claims.Where(c => !bindingClaims.Contains(c.Type)), i.AuthenticationType, i.NameClaimType, i.RoleClaimType));
    }
}
