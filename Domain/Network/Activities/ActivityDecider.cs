using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Activities;

/// <summary>
/// Pure decisions for activities: given the current state and an intent, the events to append, or a
/// <see cref="RuleViolation"/>. An activity is planned (for future days too), announced, held (recorded afterwards, never
/// ahead), reported, or cancelled while it lies ahead.
/// </summary>
public static class ActivityDecider
{
    public static IReadOnlyList<object> Plan(Guid activityId, ActivityPlan plan, SeriesMembership? series, FundingApplication? funding, Stamp stamp)
    {
        var organisers = NetworkRules.EachOnce(plan.Organisers, "activity.duplicate-organiser");
        if (organisers.Count == 0)
            throw new RuleViolation("activity.no-organiser", "An activity has at least one organiser.");
        var coOrganisers = NetworkRules.EachOnce(plan.CoOrganisers, "activity.duplicate-organiser");
        var both = coOrganisers.FirstOrDefault(c => organisers.Any(o => o.Id == c.Id));
        if (both is not null)
            throw new RuleViolation("activity.duplicate-organiser", $"'{both.Name}' is listed as organiser and as co-organiser.");
        EnsureDates(plan.Dates);
        if (series is not null && series.Kind != plan.Kind)
            throw new RuleViolation("activity.series-kind-mismatch", $"'{series.Name}' is a series of {series.Kind} activities, not {plan.Kind}.");
        if (series?.AllianceId is { } seriesAlliance && seriesAlliance != plan.AllianceId)
            throw new RuleViolation("activity.series-other-alliance", $"'{series.Name}' is a series of another alliance's work.");

        var planned = new ActivityPlanned(activityId, plan.Kind, plan.Title.Trim(), plan.Topic.Trim(), plan.Dates, Trimmed(plan.Place), organisers,
            coOrganisers, string.IsNullOrWhiteSpace(plan.Patron) ? null : plan.Patron.Trim(), [.. plan.TargetGroups.Distinct()], plan.Capacity,
            plan.AllianceId, series?.SeriesId, stamp.By, stamp.At);
        return funding is null ? [planned] : [planned, LinkFunding(Activity.Evolve(null, planned), funding, stamp)];
    }

    /// <summary>
    /// Moves the activity to other days or another place, or changes its capacity, while it lies ahead. A larger capacity
    /// gives the free places to the waiting list, first come first served.
    /// </summary>
    public static IReadOnlyList<object> Replan(Activity activity, Period dates, Place place, int? capacity, string reason, Stamp stamp)
    {
        EnsureAhead(activity);
        EnsureDates(dates);
        if (capacity is { } places && places < activity.Confirmed)
            throw new RuleViolation("activity.capacity-below-registrations",
                $"'{activity.Title}' has {activity.Confirmed} confirmed registrations; the capacity cannot fall below that.");

        var replanned = new ActivityReplanned(activity.Id, dates, Trimmed(place), capacity, reason.Trim(), stamp.By, stamp.At);
        return [replanned, .. MoveUp(Activity.Evolve(activity, replanned), NetworkRules.Today(stamp), stamp)];
    }

    public static ActivityAnnounced Announce(Activity activity, DateOnly announcedOn, string? channel, Stamp stamp)
    {
        EnsureAhead(activity);
        if (activity.Status == ActivityStatus.Announced)
            throw new RuleViolation("activity.already-announced", $"'{activity.Title}' was announced on {activity.AnnouncedOn:yyyy-MM-dd}.");
        NetworkRules.EnsureNotInFuture(announcedOn, stamp, "activity.date-in-future");
        if (announcedOn > activity.Dates.From)
            throw new RuleViolation("activity.announced-after-start", $"'{activity.Title}' starts on {activity.Dates.From:yyyy-MM-dd}; announce it before.");

        return new ActivityAnnounced(activity.Id, announcedOn, string.IsNullOrWhiteSpace(channel) ? null : channel.Trim(), stamp.By, stamp.At);
    }

    /// <summary>
    /// Records that a funding application pays for the activity. An activity of an alliance is funded from its region's
    /// applications; an application rejected, withdrawn or lapsed funds nothing; an activity is funded by one application.
    /// </summary>
    public static ActivityFundingLinked LinkFunding(Activity activity, FundingApplication funding, Stamp stamp)
    {
        if (activity.Status == ActivityStatus.Cancelled)
            throw new RuleViolation("activity.cancelled", $"'{activity.Title}' was cancelled.");
        if (activity.FundingApplicationId is { } existing)
            throw new RuleViolation("activity.already-funded", $"'{activity.Title}' is already funded by application {existing}.");
        if (activity.AllianceId is { } alliance && alliance != funding.AllianceId)
            throw new RuleViolation("activity.funding-other-alliance",
                $"'{activity.Title}' belongs to another alliance than application '{funding.Plan.Title}'.");
        if (funding.Status is ApplicationStatus.Rejected or ApplicationStatus.Withdrawn or ApplicationStatus.Lapsed)
            throw new RuleViolation("activity.funding-application-ended", $"Application '{funding.Plan.Title}' is {funding.Status}; it funds nothing.");

        return new ActivityFundingLinked(activity.Id, funding.Id, funding.Plan.Title, stamp.By, stamp.At);
    }

    /// <summary>
    /// Registers a person (their data already sealed with their own key): with a place while places are free, else on the
    /// waiting list. Registrations open with the announcement and close when the activity starts.
    /// </summary>
    public static RegistrationReceived Register(Activity activity, Guid registrationId, Registration registration, Stamp stamp)
    {
        NetworkRules.EnsureSealedFor(registrationId, registration.PersonalData);
        if (activity.Status != ActivityStatus.Announced)
            throw new RuleViolation(activity.Status == ActivityStatus.Planned ? "activity.not-announced" : "activity.registration-closed",
                activity.Status == ActivityStatus.Planned
                    ? $"'{activity.Title}' is not announced yet; registrations open with the announcement."
                    : $"'{activity.Title}' is {activity.Status}; it takes no more registrations.");
        if (activity.Registrations.ContainsKey(registrationId))
            throw new RuleViolation("activity.already-registered", $"Registration {registrationId} already exists.");
        NetworkRules.EnsureNotInFuture(registration.RegisteredOn, stamp, "activity.date-in-future");
        NetworkRules.EnsureNotBefore(registration.RegisteredOn, activity.AnnouncedOn!.Value, "activity.registered-before-announcement", "A registration");
        if (registration.RegisteredOn > activity.Dates.From)
            throw new RuleViolation("activity.registration-closed",
                $"'{activity.Title}' started on {activity.Dates.From:yyyy-MM-dd}; later arrivals are walk-ins.");

        var status = activity.Capacity is { } capacity && activity.Confirmed >= capacity ? RegistrationStatus.Waitlisted : RegistrationStatus.Confirmed;
        return new RegistrationReceived(activity.Id, registrationId, registration.RegisteredOn, status,
            string.IsNullOrWhiteSpace(registration.Organisation) ? null : registration.Organisation.Trim(), registration.PersonalData, stamp.By, stamp.At);
    }

    /// <summary>Cancels a registration before the activity is held; a place it frees goes to the first on the waiting list.</summary>
    public static IReadOnlyList<object> CancelRegistration(Activity activity, Guid registrationId, DateOnly cancelledOn, Stamp stamp)
    {
        var registrant = Registrant(activity, registrationId);
        if (registrant.Status == RegistrationStatus.Cancelled)
            throw new RuleViolation("activity.registration-cancelled", $"Registration {registrationId} is already cancelled.");
        EnsureAhead(activity);
        NetworkRules.EnsureNotBefore(cancelledOn, registrant.RegisteredOn, "activity.cancelled-before-registration", "A cancellation");
        NetworkRules.EnsureNotInFuture(cancelledOn, stamp, "activity.date-in-future");

        var cancelled = new RegistrationCancelled(activity.Id, registrationId, cancelledOn, stamp.By, stamp.At);
        return [cancelled, .. MoveUp(Activity.Evolve(activity, cancelled), cancelledOn, stamp)];
    }

    /// <summary>Erases a registrant's personal data (the caller destroys the key in the same transaction); the registration's history stays.</summary>
    public static RegistrantDataErased EraseRegistrant(Activity activity, Guid registrationId, ErasureRequest request, Stamp stamp)
    {
        if (Registrant(activity, registrationId).PersonalDataErased)
            throw new RuleViolation("activity.registrant-erased", $"The personal data of registration {registrationId} have already been erased.");
        NetworkRules.EnsureNotInFuture(request.RequestedOn, stamp, "activity.date-in-future");

        return new RegistrantDataErased(activity.Id, registrationId, request.LegalBasis, request.RequestedOn, request.Reference, stamp.By, stamp.At);
    }

    /// <summary>
    /// Records that the activity was held: only an activity planned (or announced) and not cancelled, on days of its plan,
    /// not ahead of today; its attendance cannot exceed the confirmed registrations plus the walk-ins recorded.
    /// </summary>
    public static IReadOnlyList<object> Hold(Activity activity, ActivityOutcome outcome, Stamp stamp)
    {
        if (activity.Status == ActivityStatus.Cancelled)
            throw new RuleViolation("activity.cancelled", $"'{activity.Title}' was cancelled; it cannot be held.");
        if (ActivityLifecycle.WasHeld(activity.Status))
            throw new RuleViolation("activity.already-held", $"'{activity.Title}' was held from {activity.Held!.Value.From:yyyy-MM-dd}.");
        EnsureDates(outcome.Held);
        if (!activity.Dates.Contains(outcome.Held.From) || !activity.Dates.Contains(outcome.Held.To))
            throw new RuleViolation("activity.held-outside-plan",
                $"'{activity.Title}' is planned for {activity.Dates.From:yyyy-MM-dd} to {activity.Dates.To:yyyy-MM-dd}; replan it first if it moved.");
        NetworkRules.EnsureNotInFuture(outcome.Held.To, stamp, "activity.held-in-future");
        var attendance = outcome.Attendance.Where(a => a.Value > 0).ToDictionary(a => a.Key, a => a.Value);
        var total = attendance.Values.Sum();
        if (outcome.WalkIns > total)
            throw new RuleViolation("activity.walk-ins-exceed-attendance", $"{outcome.WalkIns} walk-ins cannot be more than the {total} who came.");
        if (total > activity.Confirmed + outcome.WalkIns)
            throw new RuleViolation("activity.attendance-exceeds-registrations",
                $"{total} attended, but only {activity.Confirmed} registrations were confirmed and {outcome.WalkIns} walk-ins recorded.");
        var slots = outcome.Programme.GroupBy(p => p.ItemId).FirstOrDefault(g => g.Count() > 1);
        if (slots is not null)
            throw new RuleViolation("activity.duplicate-programme-item", $"Programme item {slots.Key} is listed twice.");
        foreach (var item in outcome.Programme.Where(p => p.Speaker is not null))
            NetworkRules.EnsureSealedFor(item.Speaker!.SubjectId, item.Speaker);

        var held = new ActivityHeld(activity.Id, outcome.Held, attendance, outcome.WalkIns,
            [.. outcome.OrganisationsPresent.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            outcome.ContactsMade, outcome.Placements,
            [.. outcome.Programme.Select(p => new ProgrammeItem(p.ItemId, p.Kind, p.Slot, p.Title.Trim(), p.Speaker?.SubjectId,
                string.IsNullOrWhiteSpace(p.SpeakerOrganisation) ? null : p.SpeakerOrganisation.Trim()))],
            stamp.By, stamp.At);
        var speakers = outcome.Programme.Where(p => p.Speaker is not null).Select(p => new SpeakerRecorded(activity.Id, p.Speaker!.SubjectId, p.ItemId,
            string.IsNullOrWhiteSpace(p.SpeakerOrganisation) ? null : p.SpeakerOrganisation.Trim(), p.Speaker, stamp.By, stamp.At));
        return [held, .. speakers];
    }

    /// <summary>Erases a speaker's personal data (the caller destroys the key in the same transaction); the talk stays.</summary>
    public static SpeakerDataErased EraseSpeaker(Activity activity, Guid speakerId, ErasureRequest request, Stamp stamp)
    {
        if (!activity.SpeakersErased.TryGetValue(speakerId, out var erased))
            throw new UnknownEntity("activity.unknown-speaker", $"{speakerId} is not a speaker of '{activity.Title}'.");
        if (erased)
            throw new RuleViolation("activity.speaker-erased", $"The personal data of speaker {speakerId} have already been erased.");
        NetworkRules.EnsureNotInFuture(request.RequestedOn, stamp, "activity.date-in-future");

        return new SpeakerDataErased(activity.Id, speakerId, request.LegalBasis, request.RequestedOn, request.Reference, stamp.By, stamp.At);
    }

    /// <summary>Reports the results of a held activity, once, after it was held.</summary>
    public static ActivityReported Report(Activity activity, ActivityReport report, Stamp stamp)
    {
        switch (activity.Status)
        {
            case ActivityStatus.Cancelled:
                throw new RuleViolation("activity.cancelled", $"'{activity.Title}' was cancelled; there is nothing to report.");
            case ActivityStatus.Reported:
                throw new RuleViolation("activity.already-reported", $"The results of '{activity.Title}' are already reported.");
            case ActivityStatus.Planned or ActivityStatus.Announced:
                throw new RuleViolation("activity.not-held", $"'{activity.Title}' has not been held yet; record that first.");
        }

        NetworkRules.EnsureNotBefore(report.ReportedOn, activity.Held!.Value.To, "activity.reported-before-held", "The report");
        NetworkRules.EnsureNotInFuture(report.ReportedOn, stamp, "activity.date-in-future");

        return new ActivityReported(activity.Id, report.ReportedOn, report.Results.Trim(),
            string.IsNullOrWhiteSpace(report.PublishedAt) ? null : report.PublishedAt.Trim(),
            [.. report.FollowUps.Select(f => f.Trim()).Where(f => f.Length > 0)], report.Costs, stamp.By, stamp.At);
    }

    /// <summary>Cancels an activity that lies ahead; a held activity cannot be cancelled.</summary>
    public static ActivityCancelled Cancel(Activity activity, DateOnly cancelledOn, string reason, Stamp stamp)
    {
        EnsureAhead(activity);
        NetworkRules.EnsureNotInFuture(cancelledOn, stamp, "activity.date-in-future");
        return new ActivityCancelled(activity.Id, cancelledOn, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>Free places go to the waiting list in the order of registration.</summary>
    private static IEnumerable<RegistrationMovedUp> MoveUp(Activity activity, DateOnly on, Stamp stamp)
    {
        var free = activity.Capacity is { } capacity ? Math.Max(0, capacity - activity.Confirmed) : activity.WaitingList.Count;
        return activity.WaitingList.Take(free).Select(id => new RegistrationMovedUp(activity.Id, id, on, stamp.By, stamp.At)).ToList();
    }

    private static Registrant Registrant(Activity activity, Guid registrationId) =>
        activity.Registrations.TryGetValue(registrationId, out var registrant)
            ? registrant
            : throw new UnknownEntity("activity.unknown-registration", $"{registrationId} is not a registration for '{activity.Title}'.");

    /// <summary>Planned or announced: not held, not cancelled.</summary>
    private static void EnsureAhead(Activity activity)
    {
        if (activity.Status == ActivityStatus.Cancelled)
            throw new RuleViolation("activity.cancelled", $"'{activity.Title}' was cancelled.");
        if (ActivityLifecycle.WasHeld(activity.Status))
            throw new RuleViolation("activity.already-held", $"'{activity.Title}' has been held.");
    }

    private static void EnsureDates(Period dates)
    {
        if (dates.To < dates.From)
            throw new RuleViolation("activity.invalid-dates", "An activity cannot end before it starts.");
    }

    private static Place Trimmed(Place place) =>
        new(place.Town.Trim(), place.District.Trim(), place.FederalState, string.IsNullOrWhiteSpace(place.Venue) ? null : place.Venue.Trim());
}
