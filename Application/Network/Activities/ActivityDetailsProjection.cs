using Fachwerk.Domain.Network.Activities;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Network.Activities;

public sealed partial class ActivityDetailsProjection : SingleStreamProjection<ActivityDetails, Guid>
{
    public static ActivityDetails Create(IEvent<ActivityPlanned> e) => new()
    {
        Id = e.Data.ActivityId,
        Version = e.Version,
        Kind = e.Data.Kind,
        Title = e.Data.Title,
        Topic = e.Data.Topic,
        Dates = e.Data.Dates,
        Place = e.Data.Place,
        Organisers = e.Data.Organisers,
        CoOrganisers = e.Data.CoOrganisers,
        PartyIds = [.. e.Data.Organisers.Concat(e.Data.CoOrganisers).Select(p => p.Id)],
        Patron = e.Data.Patron,
        TargetGroups = e.Data.TargetGroups,
        Capacity = e.Data.Capacity,
        AllianceId = e.Data.AllianceId,
        SeriesId = e.Data.SeriesId,
        Status = ActivityLifecycle.StatusAfter(ActivityStatus.Planned, e.Data),
        LastChangedAt = e.Timestamp,
    };

    public static ActivityDetails Apply(IEvent<ActivityReplanned> e, ActivityDetails activity) =>
        Touched(e, activity) with
        {
            Dates = e.Data.Dates,
            Place = e.Data.Place,
            Capacity = e.Data.Capacity,
            Replans = [.. activity.Replans, new ActivityReplanRecord(e.Data.Dates, e.Data.Place, e.Data.Capacity, e.Data.Reason)],
        };

    public static ActivityDetails Apply(IEvent<ActivityAnnounced> e, ActivityDetails activity) =>
        Touched(e, activity) with { AnnouncedOn = e.Data.AnnouncedOn, AnnouncementChannel = e.Data.Channel };

    public static ActivityDetails Apply(IEvent<ActivityFundingLinked> e, ActivityDetails activity) =>
        Touched(e, activity) with { Funding = new ActivityFundingRecord(e.Data.ApplicationId, e.Data.ApplicationTitle) };

    public static ActivityDetails Apply(IEvent<RegistrationReceived> e, ActivityDetails activity) =>
        Counted(Touched(e, activity) with
        {
            Registrations = [.. activity.Registrations, new RegistrationEntry(e.Data.RegistrationId, e.Data.RegisteredOn, e.Data.Status, false)],
        });

    public static ActivityDetails Apply(IEvent<RegistrationCancelled> e, ActivityDetails activity) =>
        Counted(WithRegistration(Touched(e, activity), e.Data.RegistrationId, r => r with { Status = RegistrationStatus.Cancelled }));

    public static ActivityDetails Apply(IEvent<RegistrationMovedUp> e, ActivityDetails activity) =>
        Counted(WithRegistration(Touched(e, activity), e.Data.RegistrationId, r => r with { Status = RegistrationStatus.Confirmed }));

    public static ActivityDetails Apply(IEvent<RegistrantDataErased> e, ActivityDetails activity) =>
        Counted(WithRegistration(Touched(e, activity), e.Data.RegistrationId, r => r with { PersonalDataErased = true }));

    public static ActivityDetails Apply(IEvent<ActivityHeld> e, ActivityDetails activity) =>
        Touched(e, activity) with
        {
            Outcome = new ActivityOutcomeRecord(e.Data.Held, e.Data.Attendance, e.Data.TotalAttendance, e.Data.WalkIns, e.Data.OrganisationsPresent,
                e.Data.ContactsMade, e.Data.Placements,
                [.. e.Data.Programme.OrderBy(p => p.Slot).Select(p => new ProgrammeItemRecord(p.ItemId, p.Kind, p.Slot, p.Title, p.SpeakerId,
                    p.SpeakerOrganisation, false))]),
        };

    public static ActivityDetails Apply(IEvent<SpeakerRecorded> e, ActivityDetails activity) => Touched(e, activity);

    public static ActivityDetails Apply(IEvent<SpeakerDataErased> e, ActivityDetails activity) =>
        Touched(e, activity) with
        {
            Outcome = activity.Outcome! with
            {
                Programme = [.. activity.Outcome.Programme.Select(p => p.SpeakerId == e.Data.SpeakerId ? p with { SpeakerErased = true } : p)],
            },
        };

    public static ActivityDetails Apply(IEvent<ActivityReported> e, ActivityDetails activity) =>
        Touched(e, activity) with
        {
            Report = new ActivityReportRecord(e.Data.ReportedOn, e.Data.Results, e.Data.PublishedAt, e.Data.FollowUps, e.Data.Costs),
        };

    public static ActivityDetails Apply(IEvent<ActivityCancelled> e, ActivityDetails activity) =>
        Touched(e, activity) with { Cancellation = new ActivityCancellationRecord(e.Data.CancelledOn, e.Data.Reason) };

    private static ActivityDetails WithRegistration(ActivityDetails activity, Guid registrationId, Func<RegistrationEntry, RegistrationEntry> change) =>
        activity with { Registrations = [.. activity.Registrations.Select(r => r.Id == registrationId ? change(r) : r)] };

    private static ActivityDetails Counted(ActivityDetails activity) =>
        activity with
        {
            RegistrationCounts = new RegistrationCounts(
                activity.Registrations.Count(r => r.Status == RegistrationStatus.Confirmed),
                activity.Registrations.Count(r => r.Status == RegistrationStatus.Waitlisted),
                activity.Registrations.Count(r => r.Status == RegistrationStatus.Cancelled),
                activity.Registrations.Count(r => r.PersonalDataErased)),
        };

    /// <summary>The activity after event <paramref name="e"/>: version, time, and the status <see cref="ActivityLifecycle"/> gives.</summary>
    private static ActivityDetails Touched(IEvent e, ActivityDetails activity) =>
        activity with { Version = e.Version, LastChangedAt = e.Timestamp, Status = ActivityLifecycle.StatusAfter(activity.Status, e.Data) };
}
