using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Network.Series;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Series;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>An activity from plan to report over HTTP: registrations with a waiting list, attendance, series and funding; every refusal appends nothing.</summary>
public class ActivityApiTests(AppFixture fixture) : NetworkApi(fixture)
{
    [Fact]
    public async Task An_alliance_coordinator_plans_announces_registers_holds_and_reports_an_activity()
    {
        var day = Today.AddDays(-10);
        var created = await Plan(ReturnerDay(day, capacity: 2));
        var url = $"/api/activities/{created.Id}";
        var version = await Do($"{url}/announcement", new AnnounceActivity(created.Version, day.AddDays(-40), "Amtsblatt"));
        var (anna, v1) = await Register(created.Id, version, "Anna", "Alt", day.AddDays(-30));
        var (_, v2) = await Register(created.Id, v1, "Bernd", "Berg", day.AddDays(-29));
        var (carla, v3) = await Register(created.Id, v2, "Carla", "Conrad", day.AddDays(-28));

        var announced = await Activity(created.Id);
        announced.Status.ShouldBe(ActivityStatus.Announced);
        announced.RegistrationCounts.ShouldBe(new RegistrationCounts(2, 1, 0, 0));
        announced.Registrations.Single(r => r.Id == carla).Status.ShouldBe(RegistrationStatus.Waitlisted);

        version = await Do($"{url}/registrations/{anna}/cancellation", new CancelRegistration(v3, day.AddDays(-5)));
        var moved = await Activity(created.Id);
        moved.Registrations.Single(r => r.Id == carla).Status.ShouldBe(RegistrationStatus.Confirmed);
        moved.Version.ShouldBe(version);

        // Two confirmed registrations and three walk-ins: at most five came.
        var events = await EventCount();
        var refusal = await ProblemOf(await Post(Coordinator, $"{url}/holding", Held(version, day, 6, 3), 409));
        refusal.Type.ShouldBe("urn:fachwerk:problem:activity.attendance-exceeds-registrations");
        (await EventCount()).ShouldBe(events);

        version = await Do($"{url}/holding", Held(version, day, 5, 3,
            new ProgrammePoint(ProgrammeItemKind.Talk, 1, "Arbeiten in der Region", new PersonalDetails("Martin", "French"), "Wirtschaftsförderung"),
            new ProgrammePoint(ProgrammeItemKind.Workshop, 2, "Workshop A"), new ProgrammePoint(ProgrammeItemKind.Workshop, 2, "Workshop B")));
        version = await Do($"{url}/report", new ReportActivity(version, day.AddDays(2), "Fünf Kontakte, eine Einstellung", FollowUps: ["Wieder im Dezember"],
            Costs: 1_250.50m));

        var reported = await Activity(created.Id);
        reported.Status.ShouldBe(ActivityStatus.Reported);
        reported.Outcome!.TotalAttendance.ShouldBe(5);
        reported.Outcome.WalkIns.ShouldBe(3);
        reported.Outcome.Programme.Select(p => (p.Slot, p.Title)).ShouldBe([(1, "Arbeiten in der Region"), (2, "Workshop A"), (2, "Workshop B")]);
        reported.Outcome.Programme[0].SpeakerOrganisation.ShouldBe("Wirtschaftsförderung");
        reported.Report!.Costs.ShouldBe(1_250.50m);
        reported.Version.ShouldBe(version);
        (await (await Host.Scenario(s => { Authorize(s, DemoUsers.Applicant); s.Get.Url(url); })).ReadAsTextAsync()).ShouldNotContain("French");

        var speakers = await Get<IReadOnlyList<NetworkPersonView>>(Coordinator, $"{url}/speakers");
        speakers.ShouldHaveSingleItem().DisplayName.ShouldBe("Martin French");
        var registrations = await Get<Page<NetworkPersonView>>(DemoUsers.Auditor, $"{url}/registrations?status=Confirmed");
        registrations.Items.Select(r => r.DisplayName).ShouldBe(["Bernd Berg", "Carla Conrad"]);

        var listed = await Get<Page<ActivitySummary>>(DemoUsers.Applicant, $"/api/activities?allianceId={AllianceId}&year={day.Year}&status=Reported");
        listed.Items.ShouldHaveSingleItem().TotalAttendance.ShouldBe(5);
    }

    [Fact]
    public async Task An_activity_cannot_be_held_after_it_was_cancelled_nor_reported_before_it_was_held()
    {
        var day = Today.AddDays(20);
        var created = await Plan(ReturnerDay(day));
        var url = $"/api/activities/{created.Id}";
        var events = await EventCount();

        (await ProblemOf(await Post(Coordinator, $"{url}/report", new ReportActivity(created.Version, Today, "Nichts"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:activity.not-held");
        (await ProblemOf(await Post(Coordinator, $"{url}/holding", Held(created.Version, day, 1, 1), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:activity.held-in-future");
        (await ProblemOf(await Post(Coordinator, $"{url}/registrations",
            new RegisterForActivity(created.Version, Today, new PersonalDetails("Eva", "Eck")), 409))).Type.ShouldBe("urn:fachwerk:problem:activity.not-announced");
        (await EventCount()).ShouldBe(events);
        (await PersonKeys()).ShouldBe(0, "a refused registration stores no key");

        var version = await Do($"{url}/cancellation", new CancelActivity(created.Version, Today, "Saal nicht verfügbar"));
        Clock.Advance(TimeSpan.FromDays(30));
        events = await EventCount();
        (await ProblemOf(await Post(Coordinator, $"{url}/holding", Held(version, day, 1, 1), 409))).Type.ShouldBe("urn:fachwerk:problem:activity.cancelled");
        (await ProblemOf(await Post(Coordinator, $"{url}/holding", Held(version - 1, day, 1, 1), 409))).Type.ShouldBe("urn:fachwerk:problem:stale-version");
        (await EventCount()).ShouldBe(events);
        (await Activity(created.Id)).Cancellation!.Reason.ShouldBe("Saal nicht verfügbar");
    }

    private async Task<int> PersonKeys()
    {
        await using var session = Store.QuerySession();
        return await session.Query<PersonalDataKey>().CountAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Bad_input_answers_400_with_the_fields_unknown_records_404_and_nothing_is_appended()
    {
        var events = await EventCount();
        var invalid = await ValidationProblemOf(await Post(Coordinator, "/api/activities", ReturnerDay(Today, capacity: 0) with
        {
            Title = "", OrganiserIds = [], Dates = new Period(Today, Today.AddDays(-1)), AllianceId = AllianceId,
        }, 400));
        invalid.Errors.Keys.ShouldBe(["title", "dates", "organiserIds", "capacity"], ignoreOrder: true);

        (await ProblemOf(await Post(Coordinator, "/api/activities", ReturnerDay(Today, organiser: Guid.NewGuid(), alliance: AllianceId), 404)))
            .Type.ShouldBe("urn:fachwerk:problem:not-found");
        (await ProblemOf(await Post(Coordinator, $"/api/activities/{Guid.NewGuid()}/announcement", new AnnounceActivity(1, Today), 404)))
            .Type.ShouldBe("urn:fachwerk:problem:not-found");
        var created = await Plan(ReturnerDay(Today.AddDays(-1)));
        (await ProblemOf(await Post(Coordinator, $"/api/activities/{created.Id}/registrations/{Guid.NewGuid()}/cancellation",
            new CancelRegistration(created.Version, Today), 404))).Type.ShouldBe("urn:fachwerk:problem:activity.unknown-registration");
        var held = await ValidationProblemOf(await Post(Coordinator, $"/api/activities/{created.Id}/holding", new RecordActivityHeld(created.Version,
            new Period(Today, Today), new Dictionary<AttendeeGroup, int> { [AttendeeGroup.Employers] = -1 }, WalkIns: -2), 400));
        held.Errors.Keys.ShouldContain("walkIns");
        held.Errors.Keys.ShouldContain(k => k.StartsWith("attendance", StringComparison.Ordinal));
        (await EventCount()).ShouldBe(events + 1);
    }

    [Fact]
    public async Task A_coordinator_records_only_for_the_own_alliance_and_reads_only_its_people()
    {
        var other = (await Post<StreamCreated>(Caseworker, "/api/alliances", new FoundAlliance("Fachkräftebündnis Leine-Weser",
            FederalState.Niedersachsen, ["Hildesheim"], "ArL Leine-Weser", new DateOnly(2015, 6, 1)), 201)).Id;
        var theirs = await Plan(ReturnerDay(Today, alliance: other), Caseworker);
        var events = await EventCount();

        await Post(Coordinator, "/api/activities", ReturnerDay(Today, alliance: other) with { OrganiserIds = [DistrictId] }, 403);
        await Post(Coordinator, "/api/activities", ReturnerDay(Today) with { OrganiserIds = [DistrictId], AllianceId = null }, 403);
        await Post(Coordinator, $"/api/activities/{theirs.Id}/announcement", new AnnounceActivity(theirs.Version, Today.AddDays(-1)), 403);
        await Host.Scenario(s =>
        {
            Authorize(s, Coordinator);
            s.Get.Url($"/api/activities/{theirs.Id}/registrations");
            s.StatusCodeShouldBe(403);
        });
        (await EventCount()).ShouldBe(events);

        var ours = await Plan(ReturnerDay(Today));
        (await Get<Page<NetworkPersonView>>(Coordinator, $"/api/activities/{ours.Id}/registrations")).TotalItems.ShouldBe(0);
        await Host.Scenario(s =>
        {
            Authorize(s, DemoUsers.Applicant);
            s.Get.Url($"/api/activities/{ours.Id}/registrations");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task The_returner_days_of_several_years_are_compared_year_on_year_and_a_funded_one_shows_on_its_application()
    {
        var series = await Post<StreamCreated>(Coordinator, "/api/activity-series",
            new StartActivitySeries("Rückkehrertage Halle", ActivityKind.ReturnerDay, Recurrence.Yearly, [DistrictId], new DateOnly(2023, 1, 1), AllianceId), 201);
        var attendance = new Dictionary<int, int> { [2023] = 40, [2024] = 50, [2025] = 45 };
        var ids = new List<Guid>();
        foreach (var (year, came) in attendance)
        {
            var day = new DateOnly(year, 12, 28);
            var created = await Plan(ReturnerDay(day, capacity: null, series: series.Id));
            ids.Add(created.Id);
            await Do($"/api/activities/{created.Id}/holding", Held(created.Version, day, came, came));
        }

        await Plan(ReturnerDay(new DateOnly(2026, 12, 28), series: series.Id));
        (await ProblemOf(await Post(Coordinator, "/api/activities", ReturnerDay(Today) with
        {
            Kind = ActivityKind.Summit, OrganiserIds = [DistrictId], AllianceId = AllianceId, SeriesId = series.Id,
        }, 409))).Type.ShouldBe("urn:fachwerk:problem:activity.series-kind-mismatch");

        var view = await Get<ActivitySeriesView>(DemoUsers.Applicant, $"/api/activity-series/{series.Id}");
        view.Occurrences.Select(o => (o.Year, o.TotalAttendance, o.AttendanceChangePercent))
            .ShouldBe([(2023, (int?)40, (decimal?)null), (2024, 50, 25.0m), (2025, 45, -10.0m), (2026, null, null)]);
        view.Occurrences[^1].Status.ShouldBe(ActivityStatus.Planned);

        var programme = await LaunchProgramme();
        var application = await Submitted(programme);
        var version = (await Activity(ids[2])).Version;
        await Do($"/api/activities/{ids[2]}/funding", new LinkActivityFunding(version, application));
        await Do($"/api/activities/{ids[2]}/report", new ReportActivity(version + 1, new DateOnly(2026, 1, 15), "Gut besucht", Costs: 3_000m));

        var origins = await Get<ApplicationOrigins>(Applicant, $"/api/applications/{application}/origins");
        origins.Activities.ShouldHaveSingleItem().ActivityId.ShouldBe(ids[2]);
        origins.ActivityCosts.ShouldBe(3_000m);
        (await ProblemOf(await Post(Coordinator, $"/api/activities/{ids[1]}/funding",
            new LinkActivityFunding((await Activity(ids[1])).Version, Guid.NewGuid()), 404))).Type.ShouldBe("urn:fachwerk:problem:not-found");
    }
}
