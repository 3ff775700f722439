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

    /// <summary>The team's caseworkers except the one who checked the payment: who may release it when four eyes are needed.</summary>
    PaymentReleasers,

    /// <summary>The project leads of the pilot project.</summary>
    ProjectLeads,

    /// <summary>External experts (not bound to anything): the one named by the notification (ADR 0093).</summary>
    ExternalExperts,
}

/// <summary>What a notification concerns: an application (with its summary) or a pilot project.</summary>
/// <param name="Application">The application's summary, for notifications about an application.</param>
/// <param name="PilotId">The pilot project, for a project lead's notification.</param>
public sealed record NotificationTopic(ApplicationSummary? Application, Guid? PilotId = null)
{
    public static NotificationTopic Of(ApplicationSummary application) => new(application);

    public static NotificationTopic OfPilot(Guid pilotId) => new(null, pilotId);
}

/// <summary>
/// Finds the profiles of an audience with the same bindings as access (docs/access.md): an applicant's organisation, a reviewer's
/// alliance, a project lead's pilot, the assigned caseworker or the queue's team. What a user acts for is what their last request
/// showed, less any binding an administrator revoked since.
/// </summary>
public static class Recipients
{
    public static async Task<IReadOnlyList<UserProfile>> FindAsync(
        IQuerySession session, Audience audience, NotificationTopic topic, TeamOptions team, string? except, CancellationToken cancellation,
        string? only = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(team);
        var application = topic.Application;
        IReadOnlyList<UserProfile> found = (audience, application, topic.PilotId) switch
        {
            (Audience.ProjectLeads, _, { } pilot) => await Bound(session, Roles.ProjectLead, new Binding(BindingKind.Pilot, pilot), cancellation),
            (_, null, _) => [],
            (Audience.Applicants, { } a, _) => await Bound(session, Roles.Applicant, new Binding(BindingKind.Organisation, a.ApplicantId), cancellation),
            (Audience.AllianceReviewers, { } a, _) => await Bound(session, Roles.AllianceReviewer, new Binding(BindingKind.Alliance, a.AllianceId), cancellation),
            (Audience.ExternalExperts, _, _) when only is not null =>
                await session.Query<UserProfile>().Where(p => p.Id == only && p.Roles.Contains(Roles.ExternalExpert)).ToListAsync(cancellation),
            (Audience.Approvers, _, _) => await session.Query<UserProfile>().Where(p => p.Roles.Contains(Roles.Approver)).ToListAsync(cancellation),
            (Audience.Caseworkers, { AssignedTo: { } assignee }, _) => await session.LoadManyAsync<UserProfile>(cancellation, assignee),
            (Audience.Caseworkers or Audience.PaymentReleasers, _, _) => await session.LoadManyAsync<UserProfile>(cancellation, [.. team.Members.Select(m => m.Id)]),
            _ => [],
        };
        return [.. found.Where(p => except is null || !string.Equals(p.Id, except, StringComparison.OrdinalIgnoreCase))
            .Where(p => only is null || string.Equals(p.Id, only, StringComparison.OrdinalIgnoreCase))
            .Where(p => audience is not (Audience.Caseworkers or Audience.PaymentReleasers) || p.Roles.Contains(Roles.Caseworker))
            .OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    private static async Task<IReadOnlyList<UserProfile>> Bound(IQuerySession session, string role, Binding binding, CancellationToken cancellation)
    {
        var target = binding.TargetId;
        var candidates = binding.Kind switch
        {
            BindingKind.Organisation => await session.Query<UserProfile>().Where(p => p.Roles.Contains(role) && p.Organisations.Contains(target)).ToListAsync(cancellation),
            BindingKind.Alliance => await session.Query<UserProfile>().Where(p => p.Roles.Contains(role) && p.Alliances.Contains(target)).ToListAsync(cancellation),
            _ => await session.Query<UserProfile>().Where(p => p.Roles.Contains(role) && p.Pilots.Contains(target)).ToListAsync(cancellation),
        };
        if (candidates.Count == 0) return [];
        var persons = await session.LoadManyAsync<Person>(cancellation, [.. candidates.Select(c => Person.IdOf(c.Id))]);
        var revoked = persons.Where(p => p.Revoked.Contains(binding)).Select(p => p.UserId).ToHashSet(StringComparer.Ordinal);
        return [.. candidates.Where(c => !revoked.Contains(c.Id))];
    }
}
