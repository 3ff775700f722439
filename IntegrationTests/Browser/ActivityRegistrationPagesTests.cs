using System.Globalization;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The steps of an activity's page beyond its life's main line (issue 21): registrations with capacity and waiting list, their
/// cancellation (the waiting list moves up) and the erasure of a registrant's data, replanning, the funding link that puts the
/// activity on its application's page, and speakers' names in the programme. Who may not record gets no form, and a forged post
/// is refused by the API with nothing appended.
/// </summary>
public class ActivityRegistrationPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string OwnAlliance = "Fachkräfteallianz Sachsen-Anhalt Süd";

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private ILocator Registrations => Page.GetByRole(AriaRole.Table, new() { Name = "Anmeldungen", Exact = true });

    private DateOnly Today => AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_coordinator_registers_until_the_waiting_list_cancels_one_so_the_next_moves_up_erases_a_registrant_replans_and_links_funding()
    {
        var alliance = await AllianceAsync(OwnAlliance);
        var id = await AnnouncedAsync(alliance, "Rückkehrertag Hettstedt – Anmeldungen im Browser", Today.AddDays(20), capacity: 2);

        await SignInAsync(DemoUsers.AllianceCoordinator, $"/activities/{id}");
        (await Page.Locator("section[aria-labelledby='registrations-heading']").InnerTextAsync()).ShouldContain("Noch keine Anmeldungen");
        await ExpectAccessibleAsync();

        // A phone number the API refuses: its German field error beside the field, the typed names kept.
        await StepAsync("Person anmelden");
        await Page.GetByLabel("Vorname", new() { Exact = true }).FillAsync("Anna");
        await Page.GetByLabel("Nachname", new() { Exact = true }).FillAsync("Berger");
        await Page.GetByLabel("Telefon (optional)").FillAsync("ruf mich an");
        await Button("Anmeldung erfassen").ClickAsync();
        await Page.Locator("#register-for-activity-outcome").WaitForAsync();
        (await Page.Locator("#step").InnerTextAsync()).ShouldContain("Eine Telefonnummer besteht aus Ziffern, Leerzeichen und + ( ) / -.");
        (await Page.GetByLabel("Vorname", new() { Exact = true }).InputValueAsync()).ShouldBe("Anna");
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Telefon (optional)").FillAsync("03476 123456");
        await Button("Anmeldung erfassen").ClickAsync();
        await DoneAsync("Anmeldung erfasst");

        await RegisterAsync("Ben", "Schulz", "Schulz Elektro GmbH");
        await RegisterAsync("Clara", "Neumann");
        (await Page.Locator("#result").InnerTextAsync()).ShouldContain("2 mit Platz, 1 auf der Warteliste");
        (await RowAsync("Anna Berger")).ShouldContain("mit Platz");
        (await RowAsync("Anna Berger")).ShouldContain("03476 123456");
        (await RowAsync("Ben Schulz")).ShouldContain("Schulz Elektro GmbH");
        (await RowAsync("Clara Neumann")).ShouldContain("auf der Warteliste");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("activity-registrations");

        // Anna cancels: her place goes to Clara, the first on the waiting list.
        await StepAsync("Anmeldung stornieren");
        await Page.GetByLabel("Anmeldung", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Anna Berger (mit Platz)" });
        await Button("Anmeldung stornieren").ClickAsync();
        await DoneAsync("Anmeldung storniert");
        (await Page.Locator("#result").InnerTextAsync()).ShouldContain("2 mit Platz, 0 auf der Warteliste");
        (await RowAsync("Anna Berger")).ShouldContain("storniert");
        (await RowAsync("Clara Neumann")).ShouldContain("mit Platz");
        await ExpectAccessibleAsync();

        // Anna asks for erasure: her name and contact are gone, her registration's day and status stay.
        await StepAsync("Daten einer Person löschen");
        await Page.GetByLabel("Person", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Anna Berger (storniert)" });
        await Page.GetByLabel("Aktenzeichen des Antrags").FillAsync("DSGVO-2026-031");
        await Button("Endgültig löschen").ClickAsync();
        await DoneAsync("Personenbezogene Daten gelöscht");
        var table = await Registrations.InnerTextAsync();
        table.ShouldNotContain("Anna");
        table.ShouldNotContain("03476 123456");
        (await RowAsync("Personenbezogene Daten gelöscht am")).ShouldContain("storniert");
        await ExpectAccessibleAsync();
        var people = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<NetworkPersonView>>($"/api/activities/{id}/registrations",
            cancellation: TestContext.Current.CancellationToken)).Result.Items;
        people.Where(p => p.PersonalDataStatus == PersonalDataStatus.Erased).Select(p => p.Erasure!.RequestReference).ShouldBe(["DSGVO-2026-031"]);
        people.Count.ShouldBe(3);

        // Fewer places than confirmed registrations: the rule's refusal in German, the typed capacity kept; then a larger room.
        await StepAsync("Verlegen oder Plätze ändern");
        await Page.GetByLabel("Plätze (optional)").FillAsync("1");
        await Page.GetByLabel("Begründung").FillAsync("Kleinerer Raum");
        await Button("Plan ändern").ClickAsync();
        var refusal = Page.Locator("#replan-activity-outcome");
        await refusal.WaitForAsync();
        (await refusal.InnerTextAsync()).ShouldContain("Die Zahl der Plätze kann nicht unter die bestätigten Anmeldungen sinken.");
        (await Page.GetByLabel("Plätze (optional)").InputValueAsync()).ShouldBe("1");
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Plätze (optional)").FillAsync("40");
        await Page.GetByLabel("Stadt oder Gemeinde").FillAsync("Eisleben");
        await Page.GetByLabel("Begründung").FillAsync("Größerer Saal in Eisleben");
        await Button("Plan ändern").ClickAsync();
        await DoneAsync("Plan geändert");
        (await Page.Locator("#replans").InnerTextAsync()).ShouldContain("Größerer Saal in Eisleben");
        var replanned = await ActivityAsync(id);
        (replanned.Capacity, replanned.Place.Town).ShouldBe((40, "Eisleben"));

        // A coordinator reads no applications: the funding form asks for the application's id.
        var application = await SubmittedApplicationAsync("Rückkehrertage im Mansfelder Land – gefördert");
        await StepAsync("Förderung zuordnen");
        await Page.GetByLabel("Antrag", new() { Exact = true }).FillAsync(application.Id.ToString());
        await Button("Förderung zuordnen").ClickAsync();
        await DoneAsync("Förderung zugeordnet");
        (await Page.Locator("section[aria-labelledby='plan-heading']").GetByRole(AriaRole.Link, new() { Name = application.Plan.Title }).GetAttributeAsync("href"))
            .ShouldBe($"/applications/{application.Id}");
        await ExpectAccessibleAsync();

        // The application's page lists the activity among what it funds, with the costs that belong to its proof of use.
        var origins = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<ApplicationOrigins>($"/api/applications/{application.Id}/origins",
            cancellation: TestContext.Current.CancellationToken)).Result;
        origins.Activities.Select(a => a.ActivityId).ShouldBe([id]);
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        var section = Page.Locator("#origins");
        (await section.GetByRole(AriaRole.Link, new() { Name = "Rückkehrertag Hettstedt – Anmeldungen im Browser" }).GetAttributeAsync("href")).ShouldBe($"/activities/{id}");
        (await Page.Locator("#activity-costs").InnerTextAsync()).ShouldContain("Verwendungsnachweis");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_hold_form_records_each_programme_points_speaker_by_name_which_the_page_shows_to_those_who_read_it()
    {
        var alliance = await AllianceAsync(OwnAlliance);
        var day = Today.AddDays(-3);
        var id = await AnnouncedAsync(alliance, "Fachkräftedialog Hettstedt – Programm im Browser", day, capacity: null, announced: day.AddDays(-10));

        await SignInAsync(DemoUsers.AllianceCoordinator, $"/activities/{id}");
        await StepAsync("Durchführung erfassen");
        await Page.GetByLabel("Arbeitgeber", new() { Exact = true }).FillAsync("9");
        await Page.GetByLabel("Davon ohne Anmeldung").FillAsync("9");
        await Page.GetByLabel("Impulse (optional)").FillAsync("Fachkräfte halten | IHK Halle-Dessau | Anna Maria Berger");
        await Page.GetByLabel("Parallele Workshops (optional)").FillAsync("Ausbildung in Teilzeit | Agentur für Arbeit | Jonas Vogel\nKinderbetreuung");
        await Button("Durchführung erfassen").ClickAsync();
        await DoneAsync("Durchführung erfasst");
        var programme = await Page.GetByRole(AriaRole.Table, new() { Name = "Programm" }).InnerTextAsync();
        programme.ShouldContain("Anna Maria Berger");
        programme.ShouldContain("Jonas Vogel");
        programme.ShouldContain("Ausbildung in Teilzeit");
        await ExpectAccessibleAsync();

        var speakers = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<IReadOnlyList<NetworkPersonView>>($"/api/activities/{id}/speakers",
            cancellation: TestContext.Current.CancellationToken)).Result;
        speakers.Select(s => (s.PersonalData!.GivenName, s.PersonalData.FamilyName, s.Organisation))
            .ShouldBe([("Anna Maria", "Berger", "IHK Halle-Dessau"), ("Jonas", "Vogel", "Agentur für Arbeit")], ignoreOrder: true);

        // Jonas Vogel asks for erasure: his name is gone from the programme, his workshop and organisation stay.
        await StepAsync("Daten einer Person löschen");
        await Page.GetByLabel("Person", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Jonas Vogel, sprach zu: Ausbildung in Teilzeit" });
        await Page.GetByLabel("Aktenzeichen des Antrags").FillAsync("DSGVO-2026-044");
        await Button("Endgültig löschen").ClickAsync();
        await DoneAsync("Personenbezogene Daten gelöscht");
        programme = await Page.GetByRole(AriaRole.Table, new() { Name = "Programm" }).InnerTextAsync();
        programme.ShouldNotContain("Jonas Vogel");
        programme.ShouldContain("Anna Maria Berger");
        programme.ShouldContain("Agentur für Arbeit");
        await ExpectAccessibleAsync();
        var after = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<IReadOnlyList<NetworkPersonView>>($"/api/activities/{id}/speakers",
            cancellation: TestContext.Current.CancellationToken)).Result;
        after.Where(s => s.PersonalDataStatus == PersonalDataStatus.Erased).Select(s => s.Erasure!.RequestReference).ShouldBe(["DSGVO-2026-044"]);
        after.Where(s => s.PersonalDataStatus != PersonalDataStatus.Erased).Select(s => s.PersonalData!.FamilyName).ShouldBe(["Berger"]);

        // The dashboard reader sees the programme, not who spoke.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.DashboardReader, $"/activities/{id}");
        (await Page.GetByRole(AriaRole.Table, new() { Name = "Programm" }).InnerTextAsync()).ShouldNotContain("Berger");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_dashboard_reader_sees_registrations_counted_gets_no_form_and_a_forged_registration_is_refused_with_nothing_appended()
    {
        var activity = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<ActivitySummary>>("/api/activities?title=" + Uri.EscapeDataString("Rückkehrertag 2026"),
            cancellation: TestContext.Current.CancellationToken)).Result.Items.Single();
        var details = await ActivityAsync(activity.Id);

        await SignInAsync(DemoUsers.DashboardReader, $"/activities/{activity.Id}");
        var section = await Page.Locator("section[aria-labelledby='registrations-heading']").InnerTextAsync();
        section.ShouldContain("Namen und Kontaktdaten der Angemeldeten sehen nur");
        section.ShouldNotContain("Hoffmann");
        (await Registrations.CountAsync()).ShouldBe(0);
        (await Page.Locator("ul.steps").CountAsync()).ShouldBe(0, "a dashboard reader records nothing");
        await ExpectAccessibleAsync();
        var events = await EventCountAsync();

        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "register-for-activity",
            ["Form.GivenName"] = "Fremd",
            ["Form.FamilyName"] = "Eingetragen",
            ["Form.RegisteredOn"] = Iso(Today),
            ["Form.ExpectedVersion"] = details.Version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });
        var outcome = Page.Locator("#register-for-activity-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        (await Page.GetByLabel("Vorname", new() { Exact = true }).InputValueAsync()).ShouldBe("Fremd");
        (await EventCountAsync()).ShouldBe(events);
        (await ActivityAsync(activity.Id)).Version.ShouldBe(details.Version);
        await ExpectAccessibleAsync();

        // The auditor reads the registrants' names, and records nothing.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Auditor, $"/activities/{activity.Id}");
        (await Registrations.InnerTextAsync()).ShouldContain("Stefan Hoffmann");
        (await Page.Locator("ul.steps").CountAsync()).ShouldBe(0);
        await ExpectAccessibleAsync();
    }

    /// <summary>Chooses a step of the activity page; its form appears alone below the choice.</summary>
    private async Task StepAsync(string step)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = step, Exact = true }).ClickAsync();
        await Page.Locator("#step form").WaitForAsync();
    }

    private async Task RegisterAsync(string given, string family, string? organisation = null)
    {
        await StepAsync("Person anmelden");
        await Page.GetByLabel("Vorname", new() { Exact = true }).FillAsync(given);
        await Page.GetByLabel("Nachname", new() { Exact = true }).FillAsync(family);
        if (organisation is not null) await Page.GetByLabel("Organisation (optional)").FillAsync(organisation);
        await Button("Anmeldung erfassen").ClickAsync();
        await DoneAsync("Anmeldung erfasst");
    }

    private Task<string> RowAsync(string text) => Registrations.Locator("tbody tr", new() { HasText = text }).InnerTextAsync();

    /// <summary>A new activity of the coordinator's alliance, planned and announced through the API.</summary>
    private async Task<Guid> AnnouncedAsync(Guid alliance, string title, DateOnly day, int? capacity, DateOnly? announced = null)
    {
        var api = Fixture.Api(DemoUsers.AllianceCoordinator, alliance: alliance);
        var planned = (await api.SendAsync<StreamCreated>(HttpMethod.Post, "/api/activities", new PlanActivity(ActivityKind.ReturnerDay, title,
            "Arbeitgeber der Region treffen Rückkehrende.", new Period(day, day), new Place("Hettstedt", "Mansfeld-Südharz", FederalState.SachsenAnhalt),
            [alliance], TargetGroups: [TargetGroup.ReturnersToWork], Capacity: capacity, AllianceId: alliance),
            cancellation: TestContext.Current.CancellationToken)).Result;
        (await api.SendAsync<CommandAccepted>(HttpMethod.Post, $"/api/activities/{planned.Id}/announcement",
            new AnnounceActivity(planned.Version, announced ?? Today, "Website des Landkreises"), cancellation: TestContext.Current.CancellationToken)).Result.ShouldNotBeNull();
        return planned.Id;
    }

    private async Task<ActivityDetails> ActivityAsync(Guid id) =>
        (await Fixture.Api(DemoUsers.Caseworker).GetAsync<ActivityDetails>($"/api/activities/{id}", cancellation: TestContext.Current.CancellationToken)).Result;

    private async Task<Guid> AllianceAsync(string name) =>
        (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<AllianceSummary>>("/api/alliances?name=" + Uri.EscapeDataString(name),
            cancellation: TestContext.Current.CancellationToken)).Result.Items.Single().Id;
}
