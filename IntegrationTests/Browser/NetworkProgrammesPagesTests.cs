using Fachwerk.Domain.Common;
using System.Globalization;
using CsvHelper;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Application.Organisations;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The forms of the instruments, the runs of a programme of people and their concepts (issue 21, items 3 and 4): a caseworker
/// introduces an instrument and records a use, awards and renews a seal; opens a run, enrols, holds a session (one outside the
/// period refused in German), develops a concept, makes it a project (once) and links its application, presents the results
/// and erases a participant; the list of runs as CSV; a coordinator gets no form and the API refuses their forged posts.
/// </summary>
public class NetworkProgrammesPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Haus = "Haus Steinstraße e.V.";

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private ILocator Section(string id) => Page.Locator($"section[aria-labelledby='{id}']");

    private DateOnly Today => AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string German(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private Guid IdFromUrl() => Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[^1]);

    /// <summary>Chooses a step on a record's page and waits for its form.</summary>
    private async Task ChooseStepAsync(string step, string form)
    {
        await Page.Locator("ul.steps").GetByRole(AriaRole.Link, new() { Name = step }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = form, Exact = true }).WaitForAsync();
    }

    [Fact]
    public async Task A_caseworker_introduces_an_instrument_records_its_use_and_awards_and_renews_a_seal()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var api = Fixture.Api(DemoUsers.Caseworker);
        var name = $"Werkstatttag {Guid.NewGuid():N}"[..20];

        await SignInAsync(DemoUsers.Caseworker, "/instruments");
        var introduce = Page.GetByRole(AriaRole.Region, new() { Name = "Neues Instrument einführen" });
        await introduce.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await introduce.GetByLabel("Art", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Basisworkshop" });
        await introduce.GetByLabel("Beschreibung", new() { Exact = true }).FillAsync("Betriebe öffnen ihre Werkstatt für einen Tag.");
        await introduce.GetByLabel("Anbieter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hochschule Merseburg" });
        await introduce.GetByLabel("in Eigenregie", new() { Exact = true }).CheckAsync();
        await introduce.GetByLabel("Eingeführt am").FillAsync(Iso(Today.AddDays(-30)));
        await ExpectAccessibleAsync();
        await Button("Instrument einführen").ClickAsync();
        await DoneAsync("Instrument eingeführt");
        var instrumentId = IdFromUrl();
        (await Section("facts-heading").InnerTextAsync()).ShouldContain("Hochschule Merseburg");

        await ChooseStepAsync("Einsatz erfassen", "Einsatz erfassen");
        await Page.GetByLabel("Genutzt von", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = Haus });
        await Page.GetByLabel("Eingesetzt am").FillAsync(Iso(Today.AddDays(-5)));
        await Page.GetByLabel("Landkreis", new() { Exact = true }).FillAsync("Mansfeld-Südharz");
        await Page.GetByLabel("Teilnehmende (optional)").FillAsync("12");
        await ExpectAccessibleAsync();
        await Button("Einsatz erfassen").ClickAsync();
        await DoneAsync("Einsatz erfasst");
        var use = Section("uses-heading").Locator("tbody tr", new() { HasText = Haus });
        (await use.InnerTextAsync()).ShouldContain(German(Today.AddDays(-5)));
        (await use.InnerTextAsync()).ShouldContain("12");
        (await Section("where-heading").InnerTextAsync()).ShouldContain("Mansfeld-Südharz (Sachsen-Anhalt)");
        await ExpectAccessibleAsync();
        var used = (await api.GetAsync<InstrumentDetails>($"/api/instruments/{instrumentId}", cancellation: cancellation)).Result;
        used.Uses.Single().Participants.ShouldBe(12);

        // The seal: introduced without a way to run it, awarded to a school and renewed.
        await Page.GotoAsync("/instruments");
        var seal = $"Siegel {Guid.NewGuid():N}"[..15];
        await introduce.GetByLabel("Name", new() { Exact = true }).FillAsync(seal);
        await introduce.GetByLabel("Art", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Berufswahlsiegel" });
        await introduce.GetByLabel("Beschreibung", new() { Exact = true }).FillAsync("Schulen mit guter Berufsorientierung.");
        await introduce.GetByLabel("Anbieter", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hochschule Merseburg" });
        await introduce.GetByLabel("Eingeführt am").FillAsync(Iso(Today.AddYears(-2)));
        await Button("Instrument einführen").ClickAsync();
        await DoneAsync("Instrument eingeführt");
        var sealId = IdFromUrl();
        (await Page.Locator("ul.steps").InnerTextAsync()).ShouldNotContain("Einsatz erfassen");

        await ChooseStepAsync("Siegel verleihen", "Berufswahlsiegel verleihen");
        await Page.GetByLabel("Schule", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Berufsbildende Schulen Mansfeld-Südharz" });
        await Page.GetByLabel("Landkreis", new() { Exact = true }).FillAsync("Mansfeld-Südharz");
        await Page.GetByLabel("Verliehen am").FillAsync(Iso(Today.AddDays(-400)));
        await Page.GetByLabel("Gültig bis").FillAsync(Iso(Today.AddDays(300)));
        await ExpectAccessibleAsync();
        await Button("Siegel verleihen").ClickAsync();
        await DoneAsync("Siegel verliehen");
        (await Section("seals-heading").InnerTextAsync()).ShouldContain("Berufsbildende Schulen Mansfeld-Südharz");

        await ChooseStepAsync("Siegel verlängern", "Siegel verlängern");
        await Page.GetByLabel("Verlängert am").FillAsync(Iso(Today.AddDays(-10)));
        await Page.GetByLabel("Neu gültig bis").FillAsync(Iso(Today.AddDays(1000)));
        await ExpectAccessibleAsync();
        await Button("Siegel verlängern").ClickAsync();
        await DoneAsync("Siegel verlängert");
        var school = await Section("seals-heading").Locator("tbody tr").InnerTextAsync();
        school.ShouldContain(German(Today.AddDays(-10)));
        school.ShouldContain(German(Today.AddDays(1000)));
        await ExpectAccessibleAsync();
        var renewed = (await api.GetAsync<InstrumentDetails>($"/api/instruments/{sealId}", cancellation: cancellation)).Result;
        renewed.Seals.Single().Renewals.ShouldBe([Today.AddDays(-10)]);
    }

    [Fact]
    public async Task A_caseworker_runs_a_cohort_to_a_concept_linked_to_its_application_and_erases_a_participant()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var api = Fixture.Api(DemoUsers.Caseworker);
        var application = await SubmittedApplicationAsync("Werkstatt der Verantwortung – aus einem Konzept");
        var programme = $"Führung im Wandel {Guid.NewGuid():N}"[..26];
        var from = Today.AddDays(-90);

        await SignInAsync(DemoUsers.Caseworker, "/cohorts");
        var open = Page.GetByRole(AriaRole.Region, new() { Name = "Neuen Durchgang eröffnen" });
        await open.GetByLabel("Programm", new() { Exact = true }).FillAsync(programme);
        await open.GetByLabel("Durchgang", new() { Exact = true }).FillAsync("1");
        await open.GetByLabel("Veranstaltet von").SelectOptionAsync(new SelectOptionValue { Label = "Hochschule Merseburg" });
        await open.GetByLabel("Fragestellung").FillAsync("Wie gewinnen kleine Betriebe Auszubildende?");
        await open.GetByLabel("Beginnt am").FillAsync(Iso(from));
        await open.GetByLabel("Endet am").FillAsync(Iso(Today.AddDays(90)));
        await ExpectAccessibleAsync();
        await Button("Durchgang eröffnen").ClickAsync();
        await DoneAsync("Durchgang eröffnet");
        var cohortId = IdFromUrl();

        foreach (var (given, family, organisation) in new[] { ("Marta", "Keller", "Stadtwerke Halle"), ("Jonas", "Brandt", "Sparkasse Mansfeld") })
        {
            await ChooseStepAsync("Teilnehmende aufnehmen", "Teilnehmende aufnehmen");
            await Page.GetByLabel("Vorname").FillAsync(given);
            await Page.GetByLabel("Nachname").FillAsync(family);
            await Page.GetByLabel("Entsendende Organisation").FillAsync(organisation);
            await Button("Aufnehmen").ClickAsync();
            await DoneAsync("Teilnehmende aufgenommen");
        }

        var people = await Section("participants-heading").InnerTextAsync();
        people.ShouldContain("Marta Keller");
        people.ShouldContain("Sparkasse Mansfeld");
        await ExpectAccessibleAsync();

        await ChooseStepAsync("Workshop erfassen", "Workshop erfassen");
        await Page.GetByLabel("Tag des Workshops").FillAsync(Iso(Today.AddDays(-30)));
        await Page.GetByLabel("Thema").FillAsync("Ausbildung als Führungsaufgabe");
        await Page.GetByLabel("Marta Keller (Stadtwerke Halle)").CheckAsync();
        await ExpectAccessibleAsync();
        await Button("Workshop erfassen").ClickAsync();
        await DoneAsync("Workshop erfasst");
        var session = await Section("sessions-heading").Locator("tbody tr", new() { HasText = "Ausbildung als Führungsaufgabe" }).InnerTextAsync();
        session.ShouldContain(German(Today.AddDays(-30)));

        // A session the day before the run began: the domain refuses it, the form says so in German and keeps what was typed.
        var events = await EventCountAsync();
        await ChooseStepAsync("Workshop erfassen", "Workshop erfassen");
        await Page.GetByLabel("Tag des Workshops").FillAsync(Iso(from.AddDays(-1)));
        await Page.GetByLabel("Thema").FillAsync("Vorab-Treffen");
        await Button("Workshop erfassen").ClickAsync();
        var outcome = Page.Locator("#hold-cohort-session-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain($"Ein Workshop am {German(from.AddDays(-1))} liegt außerhalb des Zeitraums");
        (await Page.GetByLabel("Thema").InputValueAsync()).ShouldBe("Vorab-Treffen");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        // A concept of the run, which becomes a project of Haus Steinstraße (once) and is realised by its application.
        await Page.GotoAsync($"/cohorts/{cohortId}");
        var title = $"Lernwerkstatt {Guid.NewGuid():N}"[..22];
        await ChooseStepAsync("Konzept erfassen", "Konzept erfassen");
        await Page.GetByLabel("Titel des Konzepts").FillAsync(title);
        await Page.GetByLabel("Worum es geht").FillAsync("Führungskräfte begleiten Auszubildende im ersten Jahr.");
        await Page.GetByLabel("Marta Keller (Stadtwerke Halle)").CheckAsync();
        await Page.GetByLabel("Junge Menschen", new() { Exact = true }).CheckAsync();
        await Button("Konzept erfassen").ClickAsync();
        await DoneAsync("Konzept erfasst");
        var conceptId = IdFromUrl();
        await ExpectAccessibleAsync();

        await ChooseStepAsync("Als Projekt übernehmen", "Als Projekt übernehmen");
        await Page.GetByLabel("Projektträger").SelectOptionAsync(new SelectOptionValue { Label = Haus });
        await ExpectAccessibleAsync();
        await Button("Als Projekt übernehmen").ClickAsync();
        await DoneAsync("Als Projekt übernommen");
        (await Page.Locator("ol.line").InnerTextAsync()).ShouldContain(Haus);

        var haus = (await api.GetAsync<Page<OrganisationDetails>>("/api/organisations?name=" + Uri.EscapeDataString(Haus), cancellation: cancellation)).Result.Items.Single();
        var adopted = (await api.GetAsync<ConceptView>($"/api/concepts/{conceptId}", cancellation: cancellation)).Result.Concept;
        events = await EventCountAsync();
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "adopt-concept",
            ["Form.ProjectTitle"] = "Noch einmal",
            ["Form.LeadOrganisationId"] = haus.Id.ToString(),
            ["Form.AdoptedOn"] = Iso(Today),
            ["Form.ExpectedVersion"] = adopted.Version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });
        outcome = Page.Locator("#adopt-concept-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("ein Konzept wird nur einmal zum Projekt");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await Page.GotoAsync($"/concepts/{conceptId}");
        await ChooseStepAsync("Förderantrag verknüpfen", "Förderantrag verknüpfen");
        await Page.GetByLabel("Förderantrag", new() { Exact = true }).SelectOptionAsync(application.Id.ToString());
        await ExpectAccessibleAsync();
        await Button("Antrag verknüpfen").ClickAsync();
        await DoneAsync("Förderantrag verknüpft");
        var line = Page.Locator("ol.line").GetByRole(AriaRole.Link, new() { Name = application.Plan.Title });
        (await line.GetAttributeAsync("href")).ShouldBe($"/applications/{application.Id}");
        (await Page.Locator("#actions-heading + p").InnerTextAsync()).ShouldContain("nichts mehr zu erfassen");
        await ScreenshotForDocsAsync("concept-linked");

        // The application names the concept and its run as where it came from, linked back.
        await Page.GotoAsync($"/applications/{application.Id}");
        var origin = Page.Locator("#origins").GetByRole(AriaRole.Link, new() { Name = title });
        (await origin.GetAttributeAsync("href")).ShouldBe($"/concepts/{conceptId}");
        (await Page.Locator("#origins").InnerTextAsync()).ShouldContain(programme + ", Durchgang 1");
        await ExpectAccessibleAsync();

        // The run presents its results and erases a participant on request: shown as erased, attendance kept.
        await Page.GotoAsync($"/cohorts/{cohortId}");
        await ChooseStepAsync("Abschlusspräsentation erfassen", "Abschlusspräsentation erfassen");
        await Page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Halle (Saale)");
        await Page.GetByLabel("Gäste (optional)").FillAsync("40");
        await Button("Abschlusspräsentation erfassen").ClickAsync();
        await DoneAsync("Abschlusspräsentation erfasst");
        (await Section("facts-heading").InnerTextAsync()).ShouldContain("Halle (Saale), 40 Gäste");

        await ChooseStepAsync("Daten von Teilnehmenden löschen", "Personenbezogene Daten löschen");
        await Page.GetByLabel("Teilnehmende Person").SelectOptionAsync(new SelectOptionValue { Label = "Jonas Brandt (Sparkasse Mansfeld)" });
        await ExpectAccessibleAsync();
        await Button("Endgültig löschen").ClickAsync();
        await DoneAsync("Personenbezogene Daten gelöscht");
        people = await Section("participants-heading").InnerTextAsync();
        people.ShouldNotContain("Jonas Brandt");
        people.ShouldContain("[Personenbezogene Daten gelöscht am");
        people.ShouldContain("Marta Keller");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("cohort");

        // The list of runs as CSV, as the API lists them.
        await Page.GotoAsync("/cohorts");
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Tabelle Personalentwicklungsprogramme als CSV herunterladen" }).ClickAsync());
        using var csv = CsvReader.Create(await File.ReadAllBytesAsync(await download.PathAsync(), cancellation));
        var rows = new Dictionary<string, (string Participants, string Sessions, string State)>();
        while (csv.Read()) rows[csv.GetString("Programm und Durchgang")!] = (csv.GetString("Teilnehmende")!, csv.GetString("Workshops")!, csv.GetString("Stand")!);
        var listed = (await api.GetAsync<IReadOnlyList<CohortSummary>>("/api/cohorts", cancellation: cancellation)).Result;
        rows.Count.ShouldBe(listed.Count);
        foreach (var cohort in listed)
        {
            rows[$"{cohort.Programme}, Durchgang {cohort.Run}"].ShouldBe((cohort.Participants.ToString(CultureInfo.InvariantCulture),
                cohort.Sessions.ToString(CultureInfo.InvariantCulture), cohort.Completed ? "Abgeschlossen" : "Läuft"));
        }

        rows[programme + ", Durchgang 1"].ShouldBe(("2", "1", "Abgeschlossen"));
    }

    [Fact]
    public async Task A_coordinator_is_offered_no_form_and_the_API_refuses_their_forged_posts_with_nothing_appended()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var api = Fixture.Api(DemoUsers.Caseworker);
        var cohort = (await api.GetAsync<IReadOnlyList<CohortSummary>>("/api/cohorts", cancellation: cancellation)).Result.First();
        var version = (await api.GetAsync<CohortView>($"/api/cohorts/{cohort.Id}", cancellation: cancellation)).Result.Cohort.Version;
        var events = await EventCountAsync();

        // The alliance coordinator records their alliance's network work, not cohorts: no form, and a forged one is refused.
        await SignInAsync(DemoUsers.AllianceCoordinator, "/cohorts");
        (await Page.GetByRole(AriaRole.Region, new() { Name = "Neuen Durchgang eröffnen" }).CountAsync()).ShouldBe(0);
        await ExpectAccessibleAsync();
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "open-cohort",
            ["Form.Programme"] = "Gefälscht",
            ["Form.Run"] = "1",
            ["Form.Question"] = "Gefälscht",
            ["Form.From"] = Iso(Today.AddDays(-1)),
            ["Form.To"] = Iso(Today),
        });
        var outcome = Page.Locator("#open-cohort-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        await ExpectAccessibleAsync();

        // On a run's page: counts only, no step, and a forged session is refused.
        await Page.GotoAsync($"/cohorts/{cohort.Id}");
        (await Section("participants-heading").CountAsync()).ShouldBe(0);
        (await Page.Locator("#actions-heading + p").InnerTextAsync()).ShouldContain("Durchgänge erfassen Sachbearbeitung und Administration.");
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "hold-cohort-session",
            ["Form.HeldOn"] = Iso(cohort.Period.From),
            ["Form.Title"] = "Gefälscht",
            ["Form.ExpectedVersion"] = version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });
        outcome = Page.Locator("#hold-cohort-session-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        await ExpectAccessibleAsync();

        // On an instrument's page: no step, and a forged use is refused.
        var instrument = (await api.GetAsync<Page<InstrumentSummary>>("/api/instruments?kind=ActionDay", cancellation: cancellation)).Result.Items.First();
        await Page.GotoAsync($"/instruments/{instrument.Id}");
        (await Page.Locator("#actions-heading + p").InnerTextAsync()).ShouldContain("Instrumente erfassen Sachbearbeitung und Administration.");
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "record-instrument-use",
            ["Form.UsedOn"] = Iso(Today),
            ["Form.District"] = "Mansfeld-Südharz",
            ["Form.Mode"] = "SelfRun",
            ["Form.ExpectedVersion"] = instrument.Version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });
        outcome = Page.Locator("#record-instrument-use-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        await ExpectAccessibleAsync();

        (await EventCountAsync()).ShouldBe(events);
    }
}
