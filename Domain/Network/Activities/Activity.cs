using System.Collections.Immutable;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Activities;

/// <summary>A registration as the rules need it: no personal data (those are sealed in the events).</summary>
public sealed record Registrant(Guid Id, DateOnly RegisteredOn, RegistrationStatus Status, bool PersonalDataErased);

/// <summary>
/// Write model of an activity (a summit, a returner day, an exchange, ...), folded from its one stream: registrations and
/// speakers are entities inside it.
/// </summary>
public sealed record Activity(
    Guid Id,
    ActivityKind Kind,
    string Title,
    Period Dates,
    int? Capacity,
    Guid? AllianceId,
    ActivityStatus Status,
    DateOnly? AnnouncedOn,
    Period? Held,
    Guid? FundingApplicationId,
    ImmutableDictionary<Guid, Registrant> Registrations,
    ImmutableList<Guid> WaitingList,
    ImmutableDictionary<Guid, bool> SpeakersErased) : IEventSourced<Activity>
{
    /// <summary>Registrations holding a place.</summary>
    public int Confirmed => Registrations.Values.Count(r => r.Status == RegistrationStatus.Confirmed);

    /// <summary>The status follows <see cref="ActivityLifecycle"/>; everything else is folded here.</summary>
    public static Activity Evolve(Activity? activity, object @event) =>
        Fold(activity, @event) with { Status = ActivityLifecycle.StatusAfter(activity?.Status ?? ActivityStatus.Planned, @event) };

    private static Activity Fold(Activity? activity, object @event) => (activity, @event) switch
    {
        (null, ActivityPlanned planned) => new Activity(planned.ActivityId, planned.Kind, planned.Title, planned.Dates, planned.Capacity,
            planned.AllianceId, ActivityStatus.Planned, null, null, null, ImmutableDictionary<Guid, Registrant>.Empty, [],
            ImmutableDictionary<Guid, bool>.Empty),
        (null, _) => throw new UnexpectedFirstEventException(typeof(Activity), @event),

        (_, ActivityReplanned replanned) => activity with { Dates = replanned.Dates, Capacity = replanned.Capacity },
        (_, ActivityAnnounced announced) => activity with { AnnouncedOn = announced.AnnouncedOn },
        (_, ActivityFundingLinked linked) => activity with { FundingApplicationId = linked.ApplicationId },
        (_, RegistrationReceived received) => activity with
        {
            Registrations = activity.Registrations.SetItem(received.RegistrationId,
                new Registrant(received.RegistrationId, received.RegisteredOn, received.Status, false)),
            WaitingList = received.Status == RegistrationStatus.Waitlisted ? activity.WaitingList.Add(received.RegistrationId) : activity.WaitingList,
        },
        (_, RegistrationCancelled cancelled) => activity.WithRegistrant(cancelled.RegistrationId, r => r with { Status = RegistrationStatus.Cancelled })
            with { WaitingList = activity.WaitingList.Remove(cancelled.RegistrationId) },
        (_, RegistrationMovedUp moved) => activity.WithRegistrant(moved.RegistrationId, r => r with { Status = RegistrationStatus.Confirmed })
            with { WaitingList = activity.WaitingList.Remove(moved.RegistrationId) },
        (_, RegistrantDataErased erased) => activity.WithRegistrant(erased.RegistrationId, r => r with { PersonalDataErased = true }),
        (_, ActivityHeld held) => activity with { Held = held.Held },
        (_, SpeakerRecorded speaker) => activity with { SpeakersErased = activity.SpeakersErased.SetItem(speaker.SpeakerId, false) },
        (_, SpeakerDataErased erased) => activity with { SpeakersErased = activity.SpeakersErased.SetItem(erased.SpeakerId, true) },
        _ => activity,
    };

    private Activity WithRegistrant(Guid registrationId, Func<Registrant, Registrant> change) =>
        this with { Registrations = Registrations.SetItem(registrationId, change(Registrations[registrationId])) };
}
