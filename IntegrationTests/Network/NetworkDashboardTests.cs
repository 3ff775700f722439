using Fachwerk.Application.Common;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Dashboards;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>
/// The network dashboards per alliance, state, district and country, year by year, against figures counted from what the test
/// recorded: held activities only, attendance by group, instrument uses in scope, ideas realised and funded.
/// </summary>
public class NetworkDashboardTests(AppFixture fixture) : NetworkApi(fixture)
{
    private async Task HeldActivity(DateOnly day, int returners, int employers, Place? place = null, bool allianceWork = true)
    {
        var created = await Post<StreamCreated>(allianceWork ? Coordinator : Caseworker, "/api/activities", ReturnerDay(day, capacity: null) with
        {
            Place = place ?? Halle, AllianceId = allianceWork ? AllianceId : null, OrganiserIds = [DistrictId],
        }, 201);
        await Do($"/api/activities/{created.Id}/holding", new RecordActivityHeld(created.Version, new Period(day, day),
            new Dictionary<AttendeeGroup, int> { [AttendeeGroup.ReturnersToWork] = returners, [AttendeeGroup.Employers] = employers }, returners + employers,
            ContactsMade: returners, Placements: 1), Caseworker);
    }

    [Fact]
    public async Task Dashboards_count_what_was_held_used_and_funded_in_their_scope_year_by_year()
    {
        await HeldActivity(new DateOnly(2023, 12, 28), 30, 10);
        await HeldActivity(new DateOnly(2025, 12, 29), 40, 15);
        await HeldActivity(new DateOnly(2025, 6, 1), 5, 5, new Place("Merseburg", "Saalekreis", FederalState.SachsenAnhalt), allianceWork: false);
        await HeldActivity(new DateOnly(2025, 7, 1), 7, 0, new Place("Leipzig", "Leipzig", FederalState.Sachsen), allianceWork: false);
        var cancelled = await Plan(ReturnerDay(new DateOnly(2024, 12, 28)));
        await Do($"/api/activities/{cancelled.Id}/cancellation", new CancelActivity(cancelled.Version, new DateOnly(2024, 11, 1), "Saal belegt"));
        await Plan(ReturnerDay(new DateOnly(2026, 12, 28)));

        var company = (await Post<StreamCreated>(Caseworker, "/api/organisations",
            new RegisterOrganisation("Elektro Schulze GmbH", OrganisationKind.Company, "Halle (Saale)"), 201)).Id;
        var pitch = await Post<StreamCreated>(Caseworker, "/api/instruments", new IntroduceInstrument("LÖWENPITCH", InstrumentKind.TalentPitch, "Pitch",
            [ChamberId], new DateOnly(2018, 1, 1), [DeliveryMode.ByProvider]), 201);
        var version = pitch.Version;
        foreach (var (where, inState, year) in new[] { ("Halle (Saale)", FederalState.SachsenAnhalt, 2024), ("Saalekreis", FederalState.SachsenAnhalt, 2025),
                     ("Mansfeld-Südharz", FederalState.SachsenAnhalt, 2025), ("Leipzig", FederalState.Sachsen, 2025) })
            version = (await Post<NetworkItemAdded>(Caseworker, $"/api/instruments/{pitch.Id}/uses",
                new RecordInstrumentUse(version, company, new DateOnly(year, 5, 1), inState, where, DeliveryMode.ByProvider, 10), 201)).Version;

        var programme = await LaunchProgramme();
        var (funded, proposed) = await Proposed(programme);
        await ConfirmAndWait(funded, proposed);
        var submitted = await Submitted(programme, Plan(title: "Studienabbrecher ins Handwerk"));
        foreach (var (title, application) in new[] { ("Expedition Job", (Guid?)funded), ("Studienabbrecher", submitted), ("Kampagne", null) })
        {
            var idea = await Post<StreamCreated>(Coordinator, "/api/project-ideas", new RecordProjectIdea(AllianceId, title, "Idee", new DateOnly(2025, 3, 1)), 201);
            if (application is { } realising)
                await Do($"/api/project-ideas/{idea.Id}/realisation", new RealiseProjectIdea(idea.Version, realising, new DateOnly(2026, 2, 1)));
        }

        var alliance = await Get<NetworkDashboard>(DemoUsers.Applicant, $"/api/network-dashboards/alliances/{AllianceId}");
        alliance.Years.Select(y => y.Year).ShouldBe([2023, 2024, 2025, 2026]);
        var y2025 = alliance.Years.Single(y => y.Year == 2025);
        (y2025.ActivitiesHeld, y2025.Attendance, y2025.ContactsMade, y2025.Placements).ShouldBe((1, 55, 40, 1));
        y2025.AttendanceByGroup.OrderBy(g => g.Key).ShouldBe([new(AttendeeGroup.ReturnersToWork, 40), new(AttendeeGroup.Employers, 15)]);
        y2025.InstrumentUses.ShouldBe(1, "the alliance covers Halle (Saale) and Saalekreis, not Mansfeld-Südharz or Leipzig");
        y2025.IdeasRecorded.ShouldBe(3);
        alliance.Years.Single(y => y.Year == 2024).ActivitiesCancelled.ShouldBe(1);
        var y2026 = alliance.Years.Single(y => y.Year == 2026);
        (y2026.ActivitiesHeld, y2026.IdeasRealised, y2026.IdeasFunded).ShouldBe((0, 2, 1));
        (alliance.Totals.ActivitiesHeld, alliance.Totals.Attendance, alliance.Totals.InstrumentUses).ShouldBe((2, 95, 2));
        alliance.Instruments.ShouldHaveSingleItem().Uses.ShouldBe(2);

        var state = await Get<NetworkDashboard>(DemoUsers.Applicant, "/api/network-dashboards/regions?federalState=SachsenAnhalt");
        (state.Totals.ActivitiesHeld, state.Totals.Attendance, state.Totals.InstrumentUses, state.Totals.IdeasRecorded).ShouldBe((3, 105, 3, 3));
        var district = await Get<NetworkDashboard>(DemoUsers.Applicant, "/api/network-dashboards/regions?federalState=SachsenAnhalt&district=Saalekreis");
        (district.Scope, district.Totals.ActivitiesHeld, district.Totals.Attendance, district.Totals.InstrumentUses, district.Totals.IdeasRealised)
            .ShouldBe((DashboardScope.District, 1, 10, 1, 0));
        var country = await Get<NetworkDashboard>(DemoUsers.Auditor, "/api/network-dashboards/regions");
        (country.Scope, country.Totals.ActivitiesHeld, country.Totals.Attendance, country.Totals.InstrumentUses).ShouldBe((DashboardScope.Country, 4, 112, 4));

        (await ValidationProblemOf(await Host.Scenario(s =>
        {
            Authorize(s, DemoUsers.Applicant);
            s.Get.Url("/api/network-dashboards/regions?district=Saalekreis");
            s.StatusCodeShouldBe(400);
        }))).Errors.Keys.ShouldBe(["federalState"]);
    }
}
