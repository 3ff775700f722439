using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Pilots;
using Fachwerk.IntegrationTests.Domain;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>An activity's rules as pure functions: given its events, when a command, then events or a refusal.</summary>
public class ActivityRulesTests
{
    private static readonly Guid ActivityId = Guid.NewGuid();
    private static readonly Guid AllianceId = Guid.NewGuid();
    private static readonly NetworkParty District = new(Guid.NewGuid(), "Landkreis Mansfeld-Südharz", PartyKind.Organisation, OrganisationKind.Municipality);
    private static readonly NetworkParty Association = new(Guid.NewGuid(), "Unternehmerverband A 38", PartyKind.Organisation, OrganisationKind.Association);
    private static readonly Place Sangerhausen = new("Sangerhausen", "Mansfeld-Südharz", FederalState.SachsenAnhalt, "Kreisverwaltung");

    /// <summary>A returner day on 2025-12-29 (before the stamp's today, 2026-03-02).</summary>
    private static readonly Period Day = new(new DateOnly(2025, 12, 29), new DateOnly(2025, 12, 29));

    private static ActivityPlan Plan(int? capacity = 2, Guid? alliance = null) =>
        new(ActivityKind.ReturnerDay, " Rückkehrertag 2025 ", "Rückkehr in die Region", Day, Sangerhausen, [District], [Association],
            "Landrat des Landkreises", [TargetGroup.ReturnersToWork], capacity, alliance);

    private static ActivityPlanned Planned(int? capacity = 2) =>
        (ActivityPlanned)ActivityDecider.Plan(ActivityId, Plan(capacity), null, null, Given.Stamp).Single();

    private static readonly ActivityAnnounced Announced = new(ActivityId, new DateOnly(2025, 10, 1), "Website", "u", DateTimeOffset.UnixEpoch);

    private static RegistrationReceived Registered(Guid id, RegistrationStatus status) =>
        new(ActivityId, id, new DateOnly(2025, 11, 1), status, null, Sealed(id), "u", DateTimeOffset.UnixEpoch);

    private static SealedPersonalData Sealed(Guid person) => new(person, "A256GCM", "bm9uY2U=", "c2VhbGVk");

    private static ActivityOutcome Outcome(int returners, int walkIns, Period? held = null) =>
        new(held ?? Day, new Dictionary<AttendeeGroup, int> { [AttendeeGroup.ReturnersToWork] = returners }, walkIns, ["IHK Halle-Dessau"], 5, 1, []);

    private static readonly ActivityHeld Held = new(ActivityId, Day, new Dictionary<AttendeeGroup, int> { [AttendeeGroup.ReturnersToWork] = 2 }, 0, [],
        0, 0, [], "u", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Planning_trims_and_records_organisers_place_and_patron()
    {
        var planned = Planned();

        planned.Title.ShouldBe("Rückkehrertag 2025");
        planned.Organisers.ShouldBe([District]);
        planned.CoOrganisers.ShouldBe([Association]);
        planned.Place.Venue.ShouldBe("Kreisverwaltung");
        Activity.Evolve(null, planned).Status.ShouldBe(ActivityStatus.Planned);
    }

    [Fact]
    public void An_activity_has_an_organiser_each_listed_once_and_a_series_of_its_own_kind()
    {
        Given.Refusal(() => ActivityDecider.Plan(ActivityId, Plan() with { Organisers = [] }, null, null, Given.Stamp)).Code.ShouldBe("activity.no-organiser");
        Given.Refusal(() => ActivityDecider.Plan(ActivityId, Plan() with { CoOrganisers = [District] }, null, null, Given.Stamp))
            .Code.ShouldBe("activity.duplicate-organiser");
        Given.Refusal(() => ActivityDecider.Plan(ActivityId, Plan(), new SeriesMembership(Guid.NewGuid(), "Bildungsgipfel", ActivityKind.Summit, null),
            null, Given.Stamp)).Code.ShouldBe("activity.series-kind-mismatch");
        Given.Refusal(() => ActivityDecider.Plan(ActivityId, Plan(), new SeriesMembership(Guid.NewGuid(), "Rückkehrertage", ActivityKind.ReturnerDay,
            AllianceId), null, Given.Stamp)).Code.ShouldBe("activity.series-other-alliance");
        ActivityDecider.Plan(ActivityId, Plan(alliance: AllianceId), new SeriesMembership(Guid.NewGuid(), "Rückkehrertage", ActivityKind.ReturnerDay,
            AllianceId), null, Given.Stamp).ShouldHaveSingleItem();
    }

    [Fact]
    public void A_funded_activity_is_planned_with_its_application_of_the_same_alliance_unless_that_was_rejected()
    {
        var approved = Application(ApplicationStatus.Approved, AllianceId);
        var events = ActivityDecider.Plan(ActivityId, Plan(alliance: AllianceId), null, approved, Given.Stamp);

        events.Count.ShouldBe(2);
        events[1].ShouldBeOfType<ActivityFundingLinked>().ApplicationId.ShouldBe(approved.Id);
        Given.Refusal(() => ActivityDecider.Plan(ActivityId, Plan(alliance: AllianceId), null, Application(ApplicationStatus.Approved, Guid.NewGuid()),
            Given.Stamp)).Code.ShouldBe("activity.funding-other-alliance");
        Given.Refusal(() => ActivityDecider.Plan(ActivityId, Plan(), null, Application(ApplicationStatus.Rejected, AllianceId), Given.Stamp))
            .Code.ShouldBe("activity.funding-application-ended");
        var funded = Given.History<Activity>(Planned(), new ActivityFundingLinked(ActivityId, approved.Id, "Rückkehrertag", "u", DateTimeOffset.UnixEpoch));
        Given.Refusal(() => ActivityDecider.LinkFunding(funded, approved, Given.Stamp)).Code.ShouldBe("activity.already-funded");
    }

    private static FundingApplication Application(ApplicationStatus status, Guid alliance) =>
        new(Guid.NewGuid(), status, Guid.NewGuid(), Guid.NewGuid(), alliance, "Mansfeld-Südharz",
            new ProjectPlan("Rückkehrertag", "d", Day, 1000m, 800m, 200m, 0m, [], 10), null, null, 0, null, null, 0, null, null, false);

    [Fact]
    public void Registrations_open_with_the_announcement_before_the_start_and_fill_the_capacity_then_the_waiting_list()
    {
        var planned = Given.History<Activity>(Planned());
        var early = Guid.NewGuid();
        Given.Refusal(() => ActivityDecider.Register(planned, early, Registration(early), Given.Stamp)).Code.ShouldBe("activity.not-announced");

        var activity = Given.History<Activity>(Planned(), Announced);
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var one = ActivityDecider.Register(activity, first, Registration(first), Given.Stamp);
        activity = Activity.Evolve(activity, one);
        activity = Activity.Evolve(activity, ActivityDecider.Register(activity, second, Registration(second), Given.Stamp));
        var waitlisted = ActivityDecider.Register(activity, third, Registration(third), Given.Stamp);

        one.Status.ShouldBe(RegistrationStatus.Confirmed);
        waitlisted.Status.ShouldBe(RegistrationStatus.Waitlisted);
        Given.Refusal(() => ActivityDecider.Register(activity, Guid.NewGuid(), Registration(third), Given.Stamp))
            .Code.ShouldBe("network.personal-data-of-another-person");
        Given.Refusal(() => ActivityDecider.Register(activity, third, Registration(third, new DateOnly(2025, 9, 30)), Given.Stamp))
            .Code.ShouldBe("activity.registered-before-announcement");
        Given.Refusal(() => ActivityDecider.Register(activity, third, Registration(third, new DateOnly(2025, 12, 30)), Given.Stamp))
            .Code.ShouldBe("activity.registration-closed");
    }

    private static Registration Registration(Guid person, DateOnly? on = null) =>
        new(on ?? new DateOnly(2025, 11, 2), null, Sealed(person));

    [Fact]
    public void A_cancelled_place_goes_to_the_first_on_the_waiting_list()
    {
        var (first, second, third, fourth) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var activity = Given.History<Activity>(Planned(), Announced, Registered(first, RegistrationStatus.Confirmed),
            Registered(second, RegistrationStatus.Confirmed), Registered(third, RegistrationStatus.Waitlisted), Registered(fourth, RegistrationStatus.Waitlisted));

        var events = ActivityDecider.CancelRegistration(activity, first, new DateOnly(2025, 12, 1), Given.Stamp);

        events.Count.ShouldBe(2);
        events[1].ShouldBeOfType<RegistrationMovedUp>().RegistrationId.ShouldBe(third);
        var after = events.Aggregate(activity, Activity.Evolve);
        after.Confirmed.ShouldBe(2);
        after.WaitingList.ShouldBe([fourth]);
        ActivityDecider.CancelRegistration(after, fourth, new DateOnly(2025, 12, 1), Given.Stamp).ShouldHaveSingleItem("a waitlisted cancellation frees no place");
        Given.Refusal(() => ActivityDecider.CancelRegistration(after, first, new DateOnly(2025, 12, 2), Given.Stamp))
            .Code.ShouldBe("activity.registration-cancelled");
        Should.Throw<UnknownEntity>(() => ActivityDecider.CancelRegistration(after, Guid.NewGuid(), new DateOnly(2025, 12, 2), Given.Stamp))
            .Code.ShouldBe("activity.unknown-registration");
    }

    [Fact]
    public void A_larger_capacity_moves_the_waiting_list_up_and_the_capacity_never_falls_below_the_confirmed()
    {
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var activity = Given.History<Activity>(Planned(), Announced, Registered(first, RegistrationStatus.Confirmed),
            Registered(second, RegistrationStatus.Confirmed), Registered(third, RegistrationStatus.Waitlisted));

        ActivityDecider.Replan(activity, Day, Sangerhausen, 3, "Larger hall", Given.Stamp).OfType<RegistrationMovedUp>().ShouldHaveSingleItem()
            .RegistrationId.ShouldBe(third);
        Given.Refusal(() => ActivityDecider.Replan(activity, Day, Sangerhausen, 1, "Smaller hall", Given.Stamp))
            .Code.ShouldBe("activity.capacity-below-registrations");
    }

    [Fact]
    public void An_activity_cannot_be_held_after_it_was_cancelled_nor_twice_nor_outside_its_plan_nor_ahead_of_today()
    {
        var cancelled = Given.History<Activity>(Planned(), new ActivityCancelled(ActivityId, new DateOnly(2025, 12, 1), "Storm", "u", DateTimeOffset.UnixEpoch));
        Given.Refusal(() => ActivityDecider.Hold(cancelled, Outcome(2, 2), Given.Stamp)).Code.ShouldBe("activity.cancelled");

        var held = Given.History<Activity>(Planned(), Held);
        Given.Refusal(() => ActivityDecider.Hold(held, Outcome(2, 2), Given.Stamp)).Code.ShouldBe("activity.already-held");

        var planned = Given.History<Activity>(Planned());
        Given.Refusal(() => ActivityDecider.Hold(planned, Outcome(2, 2, new Period(new DateOnly(2025, 12, 30), new DateOnly(2025, 12, 30))), Given.Stamp))
            .Code.ShouldBe("activity.held-outside-plan");
        var future = new Period(new DateOnly(2026, 12, 28), new DateOnly(2026, 12, 28));
        var ahead = Given.History<Activity>(Planned() with { Dates = future });
        Given.Refusal(() => ActivityDecider.Hold(ahead, Outcome(2, 2, future), Given.Stamp)).Code.ShouldBe("activity.held-in-future");
    }

    [Fact]
    public void Attendance_cannot_exceed_the_confirmed_registrations_plus_the_walk_ins_recorded()
    {
        var (first, second, waiting) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var activity = Given.History<Activity>(Planned(), Announced, Registered(first, RegistrationStatus.Confirmed),
            Registered(second, RegistrationStatus.Confirmed), Registered(waiting, RegistrationStatus.Waitlisted));

        Given.Refusal(() => ActivityDecider.Hold(activity, Outcome(13, 10), Given.Stamp)).Code.ShouldBe("activity.attendance-exceeds-registrations");
        Given.Refusal(() => ActivityDecider.Hold(activity, Outcome(3, 4), Given.Stamp)).Code.ShouldBe("activity.walk-ins-exceed-attendance");
        var events = ActivityDecider.Hold(activity, Outcome(12, 10), Given.Stamp);

        var held = events.ShouldHaveSingleItem().ShouldBeOfType<ActivityHeld>();
        held.TotalAttendance.ShouldBe(12);
        Activity.Evolve(activity, held).Status.ShouldBe(ActivityStatus.Held);
    }

    [Fact]
    public void Speakers_are_recorded_as_people_of_their_own_and_their_data_erased_once()
    {
        var activity = Given.History<Activity>(Planned());
        var speaker = Guid.NewGuid();
        var talk = new ProgrammeContribution(Guid.NewGuid(), ProgrammeItemKind.Talk, 1, " Impuls 1 ", " Leea GmbH ", Sealed(speaker));
        var workshop = new ProgrammeContribution(Guid.NewGuid(), ProgrammeItemKind.Workshop, 2, "Workshop 1", null, null);

        var events = ActivityDecider.Hold(activity, Outcome(2, 2) with { Programme = [talk, workshop] }, Given.Stamp);

        var held = events[0].ShouldBeOfType<ActivityHeld>();
        held.Programme.Select(p => (p.Title, p.SpeakerId, p.SpeakerOrganisation)).ShouldBe([("Impuls 1", speaker, "Leea GmbH"), ("Workshop 1", null, null)]);
        events[1].ShouldBeOfType<SpeakerRecorded>().SpeakerId.ShouldBe(speaker);
        var after = events.Aggregate(activity, Activity.Evolve);
        var request = new ErasureRequest(ErasureGround.ConsentWithdrawn, new DateOnly(2026, 3, 1), " DSGVO-1 ");
        var erased = ActivityDecider.EraseSpeaker(after, speaker, request, Given.Stamp);
        erased.RequestReference.ShouldBe("DSGVO-1");
        Given.Refusal(() => ActivityDecider.EraseSpeaker(Activity.Evolve(after, erased), speaker, request, Given.Stamp)).Code.ShouldBe("activity.speaker-erased");
        Should.Throw<UnknownEntity>(() => ActivityDecider.EraseSpeaker(after, Guid.NewGuid(), request, Given.Stamp)).Code.ShouldBe("activity.unknown-speaker");
    }

    [Fact]
    public void Only_a_held_activity_is_reported_once_and_only_one_ahead_is_cancelled()
    {
        var planned = Given.History<Activity>(Planned());
        var report = new ActivityReport(new DateOnly(2026, 1, 10), "Twelve contacts", null, ["Next year again"], 1200m);
        Given.Refusal(() => ActivityDecider.Report(planned, report, Given.Stamp)).Code.ShouldBe("activity.not-held");

        var held = Given.History<Activity>(Planned(), Held);
        Given.Refusal(() => ActivityDecider.Report(held, report with { ReportedOn = new DateOnly(2025, 12, 28) }, Given.Stamp))
            .Code.ShouldBe("activity.reported-before-held");
        var reported = ActivityDecider.Report(held, report, Given.Stamp);
        var after = Activity.Evolve(held, reported);
        after.Status.ShouldBe(ActivityStatus.Reported);
        Given.Refusal(() => ActivityDecider.Report(after, report, Given.Stamp)).Code.ShouldBe("activity.already-reported");
        Given.Refusal(() => ActivityDecider.Cancel(held, new DateOnly(2026, 1, 2), "Too late", Given.Stamp)).Code.ShouldBe("activity.already-held");
        Activity.Evolve(planned, ActivityDecider.Cancel(planned, new DateOnly(2025, 12, 1), "Storm", Given.Stamp)).Status.ShouldBe(ActivityStatus.Cancelled);
    }

    [Fact]
    public void An_announcement_comes_once_before_the_start_and_not_ahead_of_today()
    {
        var planned = Given.History<Activity>(Planned());
        Given.Refusal(() => ActivityDecider.Announce(planned, new DateOnly(2025, 12, 30), null, Given.Stamp)).Code.ShouldBe("activity.announced-after-start");
        Given.Refusal(() => ActivityDecider.Announce(Given.History<Activity>(Planned(), Announced), new DateOnly(2025, 10, 2), null, Given.Stamp))
            .Code.ShouldBe("activity.already-announced");
        var future = new Period(new DateOnly(2026, 12, 28), new DateOnly(2026, 12, 28));
        Given.Refusal(() => ActivityDecider.Announce(Given.History<Activity>(Planned() with { Dates = future }), new DateOnly(2026, 4, 1), null, Given.Stamp))
            .Code.ShouldBe("activity.date-in-future");
    }
}
