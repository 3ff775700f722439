using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.People;
using Marten;
using Marten.Services.BatchQuerying;

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
/// showed, less any binding an administrator revoked since. The audiences of several notifications are read in one batch, the
/// revocations of their people in the next (<see cref="Notifications"/>; issue 25).
/// </summary>
public static class Recipients
{
    /// <summary>
    /// Queues in <paramref name="batch"/> the read of the profiles that may be in the audience, once per batch for the same read
    /// (<paramref name="queued"/>); null when nobody can be.
    /// </summary>
    public static Candidates? Queue(
        IBatchedQuery batch, IDictionary<string, Candidates> queued, Audience audience, NotificationTopic topic, TeamOptions team, string? only)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(queued);
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(team);
        var application = topic.Application;
        return (audience, application, topic.PilotId) switch
        {
            (Audience.ProjectLeads, _, { } pilot) => Bound(batch, queued, Roles.ProjectLead, new Binding(BindingKind.Pilot, pilot)),
            (_, null, _) => null,
            (Audience.Applicants, { } a, _) => Bound(batch, queued, Roles.Applicant, new Binding(BindingKind.Organisation, a.ApplicantId)),
            (Audience.AllianceReviewers, { } a, _) => Bound(batch, queued, Roles.AllianceReviewer, new Binding(BindingKind.Alliance, a.AllianceId)),
            (Audience.ExternalExperts, _, _) when only is not null => Once(queued, $"expert/{only}", () =>
                batch.Query<UserProfile>().Where(p => p.Id == only && p.Roles.Contains(Roles.ExternalExpert)).ToList()),
            (Audience.Approvers, _, _) => Once(queued, "approvers", () => batch.Query<UserProfile>().Where(p => p.Roles.Contains(Roles.Approver)).ToList()),
            (Audience.Caseworkers, { AssignedTo: { } assignee }, _) => Once(queued, $"user/{assignee}", () => batch.LoadMany<UserProfile>().ById(assignee)),
            (Audience.Caseworkers or Audience.PaymentReleasers, _, _) => Once(queued, "team", () =>
                batch.LoadMany<UserProfile>().ById([.. team.Members.Select(m => m.Id)])),
            _ => null,
        };
    }

    /// <summary>
    /// The audience among its candidates, read: without those whose binding an administrator revoked (their people in
    /// <paramref name="people"/>, by id), the one excepted, anyone but the one named, and for the caseworkers' audiences anyone
    /// not a caseworker; in the order of their ids.
    /// </summary>
    public static IReadOnlyList<UserProfile> Select(
        IReadOnlyList<UserProfile> candidates, Binding? binding, IReadOnlyDictionary<Guid, Person> people, Audience audience, string? except, string? only)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(people);
        return [.. candidates
            .Where(p => binding is null || !(people.TryGetValue(Person.IdOf(p.Id), out var person) && person.Revoked.Contains(binding)))
            .Where(p => except is null || !string.Equals(p.Id, except, StringComparison.OrdinalIgnoreCase))
            .Where(p => only is null || string.Equals(p.Id, only, StringComparison.OrdinalIgnoreCase))
            .Where(p => audience is not (Audience.Caseworkers or Audience.PaymentReleasers) || p.Roles.Contains(Roles.Caseworker))
            .OrderBy(p => p.Id, StringComparer.Ordinal)];
    }

    private static Candidates Bound(IBatchedQuery batch, IDictionary<string, Candidates> queued, string role, Binding binding)
    {
        var target = binding.TargetId;
        return Once(queued, $"{role}/{binding.Kind}/{target}", () => binding.Kind switch
        {
            BindingKind.Organisation => batch.Query<UserProfile>().Where(p => p.Roles.Contains(role) && p.Organisations.Contains(target)).ToList(),
            BindingKind.Alliance => batch.Query<UserProfile>().Where(p => p.Roles.Contains(role) && p.Alliances.Contains(target)).ToList(),
            _ => batch.Query<UserProfile>().Where(p => p.Roles.Contains(role) && p.Pilots.Contains(target)).ToList(),
        }, binding);
    }

    private static Candidates Once(IDictionary<string, Candidates> queued, string key, Func<Task<IReadOnlyList<UserProfile>>> read, Binding? binding = null)
    {
        if (!queued.TryGetValue(key, out var candidates)) queued[key] = candidates = new Candidates(read(), binding);
        return candidates;
    }
}

/// <summary>The profiles an audience's read will find, and the binding that puts them in it, if one does (to check revocations).</summary>
public sealed record Candidates(Task<IReadOnlyList<UserProfile>> Profiles, Binding? Binding);
