using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Host.Development;
using JasperFx.Events;
using Marten;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The regional network's activity pages (issue 21): an alliance coordinator plans, announces, holds and reports an activity in
/// the browser, leaving the events the API calls would; a coordinator is refused another alliance's activity by the API.
/// </summary>
public class ActivityPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string OwnAlliance = "Fachkräfteallianz Sachsen-Anhalt Süd";

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private DateOnly Today => AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_coordinator_plans_announces_holds_and_reports_an_activity_in_the_browser_leaving_the_events_the_API_would()
    {
        var alliance = await AllianceAsync(OwnAlliance);
        var (day, announced) = (Today.AddDays(-7), Today.AddDays(-30));
        const string title = "Rückkehrertag Sangerhausen – im Browser erfasst";

        await SignInAsync(DemoUsers.AllianceCoordinator, "/activities");
        (await Page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Veranstaltungen" }).CountAsync()).ShouldBe(1);
        (await Page.Locator("table.data").InnerTextAsync()).ShouldContain("Rückkehrertag");
        await ExpectAccessibleAsync();

        // Plan: the coordinator's own alliance is chosen and organises it.
        var plan = Page.GetByRole(AriaRole.Region, new() { Name = "Neue Veranstaltung planen" });
        await plan.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await plan.GetByLabel("Thema", new() { Exact = true }).FillAsync("Arbeitgeber der Region treffen Rückkehrende.");
        await plan.GetByLabel("Erster Tag", new() { Exact = true }).FillAsync(Iso(day));
        await plan.GetByLabel("Stadt oder Gemeinde").FillAsync("Sangerhausen");
        await plan.GetByLabel("Landkreis oder kreisfreie Stadt").FillAsync("Mansfeld-Südharz");
        await plan.GetByLabel("Berufsrückkehrende", new() { Exact = true }).CheckAsync();
        await plan.GetByLabel("Plätze (optional)").FillAsync("80");
        (await plan.GetByLabel("Bündnis", new() { Exact = true }).InputValueAsync()).ShouldBe(alliance.ToString());
        await Button("Veranstaltung planen").ClickAsync();
        await DoneAsync("Veranstaltung geplant");
        var id = Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[^1]);
        await ExpectAccessibleAsync();

        // Announce, hold, report: each step chosen first, its form alone below the choice.
        await StepAsync("Ankündigen");
        await Page.GetByLabel("Angekündigt am").FillAsync(Iso(announced));
        await Page.GetByLabel("Wo (optional)").FillAsync("Newsletter der Allianz");
        await Button("Veranstaltung ankündigen").ClickAsync();
        await DoneAsync("Veranstaltung angekündigt");
        await ExpectAccessibleAsync();

        await StepAsync("Durchführung erfassen");
        await Page.GetByLabel("Berufsrückkehrende", new() { Exact = true }).FillAsync("30");
        await Page.GetByLabel("Arbeitgeber", new() { Exact = true }).FillAsync("12");
        await Page.GetByLabel("Davon ohne Anmeldung").FillAsync("42");
        await Page.GetByLabel("Vertretene Organisationen (optional)").FillAsync("IHK Halle-Dessau\nAgentur für Arbeit Sangerhausen");
        await Page.GetByLabel("Geknüpfte Kontakte").FillAsync("15");
        await Page.GetByLabel("Vermittlungen", new() { Exact = true }).FillAsync("3");
        await Page.GetByLabel("Impulse (optional)").FillAsync("Rückkehr lohnt sich | IHK Halle-Dessau");
        await Page.GetByLabel("Parallele Workshops (optional)").FillAsync("Bewerbung | Agentur für Arbeit\nKinderbetreuung");
        await Button("Durchführung erfassen").ClickAsync();
        await DoneAsync("Durchführung erfasst");
        var held = await Page.Locator("section[aria-labelledby='held-heading']").InnerTextAsync();
        held.ShouldContain("Teilnehmende insgesamt");
        held.ShouldContain("Berufsrückkehrende");
        held.ShouldContain("Rückkehr lohnt sich");
        await ExpectAccessibleAsync();

        await StepAsync("Bericht erfassen");
        await Page.GetByLabel("Ergebnisse", new() { Exact = true }).FillAsync("Zwölf Betriebe, drei Vermittlungen.");
        await Page.GetByLabel("Folgeaktivitäten (optional)").FillAsync("Rückkehrertag im nächsten Jahr");
        await Page.GetByLabel("Kosten in EUR (optional)").FillAsync("1200.50");
        await Button("Bericht erfassen").ClickAsync();
        await DoneAsync("Bericht erfasst");
        (await Page.Locator(".page-header").InnerTextAsync()).ShouldContain("Berichtet");
        (await Page.Locator("section[aria-labelledby='report-heading']").InnerTextAsync()).ShouldContain("1.200,50");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("activity.png");

        // The same four steps through the API, as the same coordinator.
        var api = Fixture.Api(DemoUsers.AllianceCoordinator, alliance: alliance);
        var planned = (await api.SendAsync<StreamCreated>(HttpMethod.Post, "/api/activities", new PlanActivity(ActivityKind.ReturnerDay, title,
            "Arbeitgeber der Region treffen Rückkehrende.", new Period(day, day), new Place("Sangerhausen", "Mansfeld-Südharz", FederalState.SachsenAnhalt),
            [alliance], TargetGroups: [TargetGroup.ReturnersToWork], Capacity: 80, AllianceId: alliance), cancellation: TestContext.Current.CancellationToken)).Result;
        var version = (await CommandAsync(DemoUsers.AllianceCoordinator, alliance, $"/api/activities/{planned.Id}/announcement",
            new AnnounceActivity(planned.Version, announced, "Newsletter der Allianz"))).Version;
        version = (await CommandAsync(DemoUsers.AllianceCoordinator, alliance, $"/api/activities/{planned.Id}/holding", new RecordActivityHeld(version,
            new Period(day, day), new Dictionary<AttendeeGroup, int> { [AttendeeGroup.ReturnersToWork] = 30, [AttendeeGroup.Employers] = 12 }, 42,
            ["IHK Halle-Dessau", "Agentur für Arbeit Sangerhausen"], 15, 3,
            [new ProgrammePoint(ProgrammeItemKind.Talk, 1, "Rückkehr lohnt sich", SpeakerOrganisation: "IHK Halle-Dessau"),
             new ProgrammePoint(ProgrammeItemKind.Workshop, 2, "Bewerbung", SpeakerOrganisation: "Agentur für Arbeit"),
             new ProgrammePoint(ProgrammeItemKind.Workshop, 2, "Kinderbetreuung")]))).Version;
        await CommandAsync(DemoUsers.AllianceCoordinator, alliance, $"/api/activities/{planned.Id}/report",
            new ReportActivity(version, Today, "Zwölf Betriebe, drei Vermittlungen.", FollowUps: ["Rückkehrertag im nächsten Jahr"], Costs: 1200.50m));

        var (ui, viaApi) = (await EventsAsync(id), await EventsAsync(planned.Id));
        ui.Select(e => e.EventTypeName).ShouldBe(["activity_planned", "activity_announced", "activity_held", "activity_reported"]);
        ui.Select(e => e.EventTypeName).ShouldBe(viaApi.Select(e => e.EventTypeName));
        ui.Select(Comparable).ShouldBe(viaApi.Select(Comparable));
        ui.ShouldAllBe(e => e.UserName == DemoUsers.AllianceCoordinator.Id);
        ui.Select(e => Header(e, "command")).ShouldBe(viaApi.Select(e => Header(e, "command")));
    }

    [Fact]
    public async Task A_coordinator_is_not_offered_another_alliances_activity_and_a_forged_post_is_refused_by_the_API_in_German()
    {
        var other = await AllianceAsync("Regionales Fachkräftebündnis Leine-Weser");
        var day = Today.AddDays(30);
        var planned = (await Fixture.Api(DemoUsers.Caseworker).SendAsync<StreamCreated>(HttpMethod.Post, "/api/activities", new PlanActivity(
            ActivityKind.Forum, "Dialogforum Nienburg – fremdes Bündnis", "Fachkräfte im Handwerk", new Period(day, day),
            new Place("Nienburg/Weser", "Nienburg/Weser", FederalState.Niedersachsen), [other], AllianceId: other),
            cancellation: TestContext.Current.CancellationToken)).Result;

        await SignInAsync(DemoUsers.AllianceCoordinator, $"/activities/{planned.Id}");
        (await Button("Veranstaltung ankündigen").CountAsync()).ShouldBe(0, "a coordinator is offered only their own alliance's activities");
        (await Page.Locator("#actions-heading + p").InnerTextAsync()).ShouldContain("Koordination des Bündnisses");
        await ExpectAccessibleAsync();
        var events = await EventCountAsync();

        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "announce-activity",
            ["Form.AnnouncedOn"] = Iso(Today),
            ["Form.ExpectedVersion"] = planned.Version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });

        var outcome = Page.Locator("#announce-activity-outcome");
        await outcome.WaitForAsync();
        var refusal = await outcome.InnerTextAsync();
        refusal.ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        refusal.ShouldContain("Bündniskoordinationen erfassen nur die Netzwerkarbeit ihres eigenen Bündnisses.");
        (await EventCountAsync()).ShouldBe(events);
        (await Fixture.Api(DemoUsers.Caseworker).GetAsync<ActivityDetails>($"/api/activities/{planned.Id}", cancellation: TestContext.Current.CancellationToken)).Result.Status.ShouldBe(ActivityStatus.Planned);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_line_from_the_leadership_programme_to_the_Expedition_Job_application_is_visible_on_the_concept_and_on_the_application()
    {
        var concept = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<IReadOnlyList<ConceptSummary>>("/api/concepts",
            cancellation: TestContext.Current.CancellationToken)).Result.Single(c => c.Title == "Expedition Job");
        concept.ApplicationId.ShouldNotBeNull();

        await SignInAsync(DemoUsers.Caseworker, $"/concepts/{concept.Id}");
        var line = await Page.Locator("section[aria-labelledby='line-heading']").InnerTextAsync();
        line.ShouldContain("Mitarbeiter für Verantwortung, Durchgang 2");
        line.ShouldContain("20 Teilnehmende");
        line.ShouldContain("Haus Steinstraße e.V.");
        line.ShouldContain("Bewilligt");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("concept.png");

        await Page.Locator("section[aria-labelledby='line-heading']").GetByRole(AriaRole.Link, new() { Name = "Expedition Job" }).ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == $"/applications/{concept.ApplicationId}");
        var origins = Page.Locator("#origins");
        (await origins.InnerTextAsync()).ShouldContain("aus Mitarbeiter für Verantwortung, Durchgang 2");
        (await origins.GetByRole(AriaRole.Link, new() { Name = "Expedition Job" }).GetAttributeAsync("href")).ShouldBe($"/concepts/{concept.Id}");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task An_alliances_network_dashboard_shows_activities_and_attendance_per_year_as_charts_with_their_numbers_in_tables()
    {
        var alliance = await AllianceAsync(OwnAlliance);
        await SignInAsync(DemoUsers.AllianceCoordinator, $"/network-dashboards/alliances/{alliance}");
        var held = Page.Locator("section[aria-labelledby='held-heading']");
        (await held.Locator("svg[role='img'] desc").TextContentAsync() ?? "").ShouldContain("2016: 1");
        (await held.Locator("table").InnerTextAsync()).ShouldContain("2019");
        var attendance = await Page.Locator("section[aria-labelledby='attendance-heading'] table").InnerTextAsync();
        attendance.ShouldContain("Berufsrückkehrende");
        await ExpectAccessibleAsync();
        await ScreenshotAsync("network-dashboard.png");
    }

    /// <summary>Chooses a step of the activity page; its form appears alone below the choice.</summary>
    private async Task StepAsync(string step)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = step, Exact = true }).ClickAsync();
        await Page.Locator("#step form").WaitForAsync();
    }

    private async Task<CommandAccepted> CommandAsync(DemoUser user, Guid alliance, string url, object command) =>
        (await Fixture.Api(user, alliance: alliance).SendAsync<CommandAccepted>(HttpMethod.Post, url, command, cancellation: TestContext.Current.CancellationToken)).Result;

    private async Task<Guid> AllianceAsync(string name) =>
        (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<AllianceSummary>>("/api/alliances?name=" + Uri.EscapeDataString(name), cancellation: TestContext.Current.CancellationToken)).Result.Items.Single().Id;

    private async Task<IReadOnlyList<IEvent>> EventsAsync(Guid activity)
    {
        await using var session = Fixture.Store.QuerySession();
        return await session.Events.FetchStreamAsync(activity, token: TestContext.Current.CancellationToken);
    }

    /// <summary>The event's data as JSON, without what differs between two streams: their ids and the moments of recording.</summary>
    private static string Comparable(IEvent e)
    {
        var json = JsonSerializer.SerializeToNode(e.Data, e.Data.GetType(), ApiJson.Options)!;
        Strip(json);
        return json.ToJsonString();
    }

    private static void Strip(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => k is "activityId" or "itemId" or "recordedAt").ToList()) obj.Remove(key);
            foreach (var (_, child) in obj) Strip(child);
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array) Strip(child);
        }
    }

    private static string? Header(IEvent e, string name) => e.Headers is { } headers && headers.TryGetValue(name, out var value) ? value?.ToString() : null;

    /// <summary>With <c>FACHWERK_SCREENSHOTS</c> set to a folder, the page as it is now (for docs/screenshots).</summary>
    private async Task ScreenshotAsync(string file)
    {
        if (Environment.GetEnvironmentVariable("FACHWERK_SCREENSHOTS") is { Length: > 0 } folder)
            await Page.ScreenshotAsync(new() { Path = Path.Combine(folder, file), FullPage = true });
    }
}
