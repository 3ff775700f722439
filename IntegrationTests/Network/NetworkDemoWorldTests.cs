using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Application.Network.Dashboards;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Network.Series;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>The demo world's regional network, loaded through the API from the articles, and what each side of it shows.</summary>
public class NetworkDemoWorldTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DemoUser Reader = DemoUsers.Auditor;

    private async Task<T> Find<T>(string url) => await Get<T>(Reader, url);

    [Fact]
    public async Task The_demo_world_holds_the_articles_activities_networks_instruments_and_leadership_programme()
    {
        var seeder = DemoWorld();
        await Host.ExecuteAndWaitAsync(async () => await seeder.SeedAsync(TestContext.Current.CancellationToken), 180_000);
        var events = await EventCount();

        // Haus Steinstraße e.V. is a Leipzig association: "Expedition Job" takes place in Leipzig, in the Leipzig alliance's region.
        var expeditionJob = (await Find<Page<ApplicationSummary>>("/api/applications?title=Expedition%20Job")).Items.ShouldHaveSingleItem();
        expeditionJob.Alliance.ShouldBe(DemoWorldNetworkData.LeipzigAlliance);
        (await Find<ApplicationDetails>($"/api/applications/{expeditionJob.Id}")).District.ShouldBe("Leipzig");
        (await Find<Page<OrganisationDetails>>("/api/organisations?name=Haus%20Steinstra%C3%9Fe")).Items.ShouldHaveSingleItem().Town.ShouldBe("Leipzig");

        // Actors: the federal network, the innovation office, a labour-market circle with its budget, a region across three states.
        var actors = (await Find<Page<NetworkActorSummary>>("/api/network-actors?pageSize=50")).Items;
        actors.Select(a => a.Name).ShouldBe(DemoWorldNetworkData.Actors.Select(a => a.Name), ignoreOrder: true);
        actors.Single(a => a.Name == DemoWorldNetworkData.Bundesnetzwerk).Nationwide.ShouldBeTrue();
        actors.Single(a => a.Name == DemoWorldNetworkData.Innovationsbuero).Kind.ShouldBe(ActorKind.InnovationOffice);
        var circle = await Find<NetworkActorDetails>($"/api/network-actors/{actors.Single(a => a.Kind == ActorKind.LabourMarketCircle).Id}");
        circle.ProgrammeId.ShouldNotBeNull();
        circle.Members.Count.ShouldBe(5);
        var region = await Find<NetworkActorDetails>($"/api/network-actors/{actors.Single(a => a.Name == DemoWorldNetworkData.Metropolregion).Id}");
        region.FederalStates.ShouldBe([FederalState.Sachsen, FederalState.SachsenAnhalt, FederalState.Thueringen]);
        (await Get<IReadOnlyList<NetworkPersonView>>(DemoUsers.Caseworker, $"/api/network-actors/{region.Id}/contact-persons")).Select(c => c.DisplayName)
            .ShouldBe(["Reinhard Wölpert", "Jörg Müller"], ignoreOrder: true);

        // The education summit under the district chief's patronage; the returner days year by year; the exchange's programme.
        var summit = await Activity("Bildungsgipfel Mansfeld-Südharz");
        (summit.Patron, summit.Status, summit.CoOrganisers.Single().Name).ShouldBe(("Landrat des Landkreises Mansfeld-Südharz", ActivityStatus.Reported,
            DemoWorldNetworkData.A38));
        var returnerDays = await Find<ActivitySeriesView>(
            $"/api/activity-series/{(await Find<IReadOnlyList<ActivitySeriesSummary>>("/api/activity-series")).Single(s => s.Name == DemoWorldNetworkData.Rueckkehrertage).Id}");
        returnerDays.Occurrences.Select(o => (o.Year, o.Status)).ShouldBe([(2016, ActivityStatus.Reported), (2017, ActivityStatus.Reported),
            (2018, ActivityStatus.Reported), (2019, ActivityStatus.Reported), (2020, ActivityStatus.Cancelled), (2021, ActivityStatus.Reported),
            (2026, ActivityStatus.Announced)]);
        returnerDays.Occurrences[1].AttendanceChangePercent.ShouldBe(26.5m, "148 returners and employers came in 2017 against 117 in 2016");
        var upcoming = await Activity("Rückkehrertag 2026");
        upcoming.RegistrationCounts.ShouldBe(new RegistrationCounts(5, 1, 1, 0));

        var exchange = await Activity(DemoWorldNetworkData.Erfahrungsaustausch);
        exchange.Organisers.Select(o => o.Name).ShouldBe([DemoWorldNetworkData.Innovationsbuero, DemoWorldNetworkData.Loewenpitch]);
        exchange.Outcome!.TotalAttendance.ShouldBeGreaterThan(50);
        exchange.Outcome.Programme.Count(p => p.Kind == ProgrammeItemKind.Talk).ShouldBe(3);
        exchange.Outcome.Programme.Where(p => p.Kind == ProgrammeItemKind.Workshop).Select(p => p.Slot).Distinct().ShouldHaveSingleItem("three parallel workshops");
        (await Get<IReadOnlyList<NetworkPersonView>>(DemoUsers.Caseworker, $"/api/activities/{exchange.Id}/speakers")).Select(s => s.DisplayName)
            .ShouldBe(["Tanja Lakeit", "Martin French", "Cordula Neumann", "Robert Gardlowski"], ignoreOrder: true);

        // The leadership programme's second run, and the line from its concept to the funded application, on both ends.
        var cohort = await Find<CohortView>($"/api/cohorts/{(await Find<IReadOnlyList<CohortSummary>>("/api/cohorts")).ShouldHaveSingleItem().Id}");
        (cohort.Cohort.Run, cohort.Cohort.Participants.Count, cohort.Cohort.Sessions.Count).ShouldBe((2, 20, 5));
        cohort.Cohort.FinalPresentation!.HeldOn.ShouldBe(new DateOnly(2016, 4, 29));
        var concept = cohort.Concepts.Single(c => c.Title == DemoWorldNetworkData.ExpeditionJob);
        (concept.Lead!.Name, concept.ApplicationId).ShouldBe(("Haus Steinstraße e.V.", expeditionJob.Id));
        (await Find<ConceptView>($"/api/concepts/{concept.Id}")).Funding!.Status.ShouldBe(ApplicationStatus.Approved);
        var integration = await Find<ConceptView>($"/api/concepts/{cohort.Concepts.Single(c => c.Title == DemoWorldNetworkData.IntegrationConcept).Id}");
        integration.Instruments.Select(i => i.Name).ShouldBe(["Aktionstag Integration", "Basisworkshop Integration"]);
        var origins = await Find<ApplicationOrigins>($"/api/applications/{expeditionJob.Id}/origins");
        origins.Concepts.ShouldHaveSingleItem().Cohort.ShouldBe("Mitarbeiter für Verantwortung (run 2)");

        // Instruments: the career-choice seal defended and acquired by the district's schools.
        var seal = (await Find<Page<InstrumentSummary>>("/api/instruments?kind=CareerChoiceSeal")).Items.ShouldHaveSingleItem();
        (await Find<InstrumentDetails>($"/api/instruments/{seal.Id}")).Seals.Count.ShouldBe(2);

        // The dashboards: the southern Saxony-Anhalt alliance's activities, and the Leine-Weser ideas turned into funded projects.
        var alliances = (await Find<Page<AllianceSummary>>("/api/alliances")).Items;
        var south = await Find<NetworkDashboard>($"/api/network-dashboards/alliances/{alliances.Single(a => a.Name == DemoWorldNetworkData.SachsenAnhaltSued).Id}");
        south.Totals.ActivitiesHeld.ShouldBe(8, "a campaign, a summit, a job fair and five returner days");
        south.Totals.ActivitiesCancelled.ShouldBe(1);
        south.Instruments.Select(i => i.Kind).ShouldContain(InstrumentKind.CareerChoiceSeal);
        south.Instruments.Single(i => i.Kind == InstrumentKind.CareerChoiceSeal).SealsValid.ShouldBe(1);
        var leineWeser = await Find<NetworkDashboard>($"/api/network-dashboards/alliances/{alliances.Single(a => a.Name == DemoWorldNetworkData.LeineWeser).Id}");
        (leineWeser.Totals.IdeasRecorded, leineWeser.Totals.IdeasRealised, leineWeser.Totals.IdeasFunded).ShouldBe((4, 2, 1));

        // The alliance coordinator recorded her alliance's work, and nothing is sent twice.
        var planner = await Host.Scenario(s =>
        {
            s.Get.Url($"/api/audit/streams/{summit.Id}/timeline");
            Authorize(s, Reader);
        });
        (await planner.ReadAsTextAsync()).ShouldContain(DemoUsers.AllianceCoordinator.Id);
        (await seeder.SeedAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
        (await EventCount()).ShouldBe(events);
    }

    private async Task<ActivityDetails> Activity(string title) =>
        await Find<ActivityDetails>($"/api/activities/{(await Find<Page<ActivitySummary>>($"/api/activities?title={Uri.EscapeDataString(title)}")).Items.Single(a => a.Title == title).Id}");
}
