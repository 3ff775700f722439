using System.Security.Claims;
using Fachwerk.Application.Common;
using Marten;
using System.Collections.Concurrent;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// Keeps each user's profile as the identity provider's claims describe them at their requests (<c>email</c>, <c>locale</c>,
/// name, roles) with what they act for (ADR 0092). Written only when something changed since this node last wrote it, so an
/// ordinary request costs a look into memory, not a write.
/// </summary>
public sealed class UserProfiles(IDocumentStore store)
{
    // What this node last wrote per user: one short line per user who made a request since the start.
    private readonly ConcurrentDictionary<string, string> _written = new(StringComparer.Ordinal);

    public const string EmailClaim = "email";
    public const string LocaleClaim = "locale";

    /// <summary>The profile the claims of <paramref name="user"/> (after its bindings were added) describe, or null without a user id.</summary>
    public static UserProfile? Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(UserClaims.Subject);
        if (string.IsNullOrWhiteSpace(id)) return null;
        return new UserProfile
        {
            Id = id,
            Name = user.FindFirstValue(UserClaims.Name),
            Email = user.FindFirstValue(EmailClaim) ?? user.FindFirstValue(ClaimTypes.Email),
            Locale = user.FindFirstValue(LocaleClaim),
            Roles = [.. user.FindAll(UserClaims.Role).Select(c => c.Value).Distinct().Order(StringComparer.Ordinal)],
            Organisations = [.. Ids(user, UserClaims.Organisation)],
            Alliances = [.. Ids(user, UserClaims.Alliance)],
            Pilots = [.. Ids(user, UserClaims.Pilot)],
        };
    }

    public async Task RememberAsync(ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (Of(user) is not { } profile) return;
        var fingerprint = Fingerprint(profile);
        if (_written.TryGetValue(profile.Id, out var last) && last == fingerprint) return;
        await using var session = store.LightweightSession();
        session.Store(profile);
        await session.SaveChangesAsync(cancellation);
        _written[profile.Id] = fingerprint;
    }

    /// <summary>Forgets what was written, so every user's next request writes the profile again (after the store was emptied).</summary>
    public void Forget() => _written.Clear();

    private static string Fingerprint(UserProfile p) =>
        string.Join('|', p.Name, p.Email, p.Locale, string.Join(',', p.Roles), string.Join(',', p.Organisations.Order()), string.Join(',', p.Alliances.Order()),
            string.Join(',', p.Pilots.Order()));

    private static IEnumerable<Guid> Ids(ClaimsPrincipal user, string claim) =>
        user.FindAll(claim).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct();
}
