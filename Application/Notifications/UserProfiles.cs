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

    /// <summary>Writes the profile of <paramref name="user"/> in a session of its own, if it changed: for a request that holds no connection.</summary>
    public async Task RememberAsync(ClaimsPrincipal user, CancellationToken cancellation)
    {
        if (Changed(user) is not { } changed) return;
        await using var session = store.LightweightSession();
        session.Store(changed.Profile);
        await session.SaveChangesAsync(cancellation);
        _written[changed.Profile.Id] = changed.Fingerprint;
    }

    /// <summary>
    /// Stores the profile of <paramref name="user"/>, if it changed, in <paramref name="session"/>: a command writes it in its own
    /// transaction. A session of its own would need a second connection while the command holds one, and commands that hold
    /// every connection of the pool would wait for each other until the pool's timeout (ADR 0138). The node remembers it as
    /// written once the transaction committed; a command refused writes nothing, and the next request tries again.
    /// </summary>
    public void RememberIn(IDocumentSession session, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (Changed(user) is not { } changed) return;
        session.Store(changed.Profile);
        session.Listeners.Add(new WrittenOnCommit(this, changed.Profile.Id, changed.Fingerprint));
    }

    private (UserProfile Profile, string Fingerprint)? Changed(ClaimsPrincipal user)
    {
        if (Of(user) is not { } profile) return null;
        var fingerprint = Fingerprint(profile);
        return _written.TryGetValue(profile.Id, out var last) && last == fingerprint ? null : (profile, fingerprint);
    }

    private sealed class WrittenOnCommit(UserProfiles profiles, string id, string fingerprint) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, Marten.Services.IChangeSet commit, CancellationToken token)
        {
            profiles._written[id] = fingerprint;
            return Task.CompletedTask;
        }
    }

    /// <summary>Forgets what was written, so every user's next request writes the profile again (after the store was emptied).</summary>
    public void Forget() => _written.Clear();

    private static string Fingerprint(UserProfile p) =>
        string.Join('|', p.Name, p.Email, p.Locale, string.Join(',', p.Roles), string.Join(',', p.Organisations.Order()), string.Join(',', p.Alliances.Order()),
            string.Join(',', p.Pilots.Order()));

    private static IEnumerable<Guid> Ids(ClaimsPrincipal user, string claim) =>
        user.FindAll(claim).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct();
}
