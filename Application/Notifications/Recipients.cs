using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.People;
using Marten;

namespace Fachwerk.Application.Notifications;

/// <summary>Who is told: the people an access check would let act, found among the users' profiles (docs/notifications.md).</summary>
public enum Audience
{
    /// <summary>The applicants acting for the application's organisation.</summary>
    Applicants,

    /// <summary>The caseworker the case is assigned to, else the team's caseworkers (<c>Team:Members</c>).</summary>
    Caseworkers,

    /// <summary>The approvers, except the person who proposed (four eyes).</summary>
    Approvers,

    /// <summary>The reviewers of the application's alliance.</summary>
    AllianceReviewers,
}

/// <summary>
/// Finds the profiles of an audience with the same bindings as access (docs/access.md): an applicant's organisation, a reviewer's
/// alliance, the assigned caseworker or the queue's team. What a user acts for is what their last request showed, less any binding
/// an administrator revoked since.
/// </summary>
public static class Recipients
{
    public static async Task<IReadOnlyList<UserProfile>> FindAsync(
        IQuerySession session, Audience audience, ApplicationSummary application, TeamOptions team, string? except, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(team);
        IReadOnlyList<UserProfile> found = audience switch
        {
            Audience.Applicants => await Bound(session, Roles.Applicant, new Binding(BindingKind.Organisation, application.ApplicantId), cancellation),
            Audience.AllianceReviewers => await Bound(session, Roles.AllianceReviewer, new Binding(BindingKind.Alliance, application.AllianceId), cancellation),
            Audience.Approvers => await session.Query<UserProfile>().Where(p => p.Roles.Contains(Roles.Approver)).ToListAsync(cancellation),
            Audience.Caseworkers => application.AssignedTo is { } assignee
                ? await session.LoadManyAsync<UserProfile>(cancellation, assignee)
                : await session.LoadManyAsync<UserProfile>(cancellation, [.. team.Members.Select(m => m.Id)]),
            _ => [],
        };
        return [.. found.Where(p => except is null || !string.Equals(p.Id, except, StringComparison.OrdinalIgnoreCase))
            .Where(p => audience != Audience.Caseworkers || p.Roles.Contains(Roles.Caseworker))
            .OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<UserProfile>> Bound(IQuerySession session, string role, Binding binding, CancellationToken cancellation)
    {
        var target = binding.TargetId;
        var candidates = binding.Kind == BindingKind.Organisation
            ? await session.Query<UserProfile>().Where(p => p.Roles.Contains(role) && p.Organisations.Contains(target)).ToListAsync(cancellation)
            : await session.Query<UserProfile>().Where(p => p.Roles.Contains(role) && p.Alliances.Contains(target)).ToListAsync(cancellation);
        if (candidates.Count == 0) return [];
        var persons = await session.LoadManyAsync<Person>(cancellation, [.. candidates.Select(c => Person.IdOf(c.Id))]);
        var revoked = persons.Where(p => p.Revoked.Contains(binding)).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        return [.. candidates.Where(c => !revoked.Contains(c.Id))];
    }
}
