using CsvHelper;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Network.People;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The regional network's read pages (issue 21, screens): actors, instruments and the runs of a programme of people, reached
/// from the activities, with the line from the leadership programme's run to its concept; contact persons' personal data only
/// for the roles the API opens them to, and an erasure as the API answers it.
/// </summary>
public class NetworkPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Metropolregion = "Europäische Metropolregion Mitteldeutschland";

    private ILocator NetworkLink(string name) =>
        Page.GetByRole(AriaRole.Navigation, new() { Name = "Regionales Netzwerk" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private ILocator Section(string id) => Page.Locator($"section[aria-labelledby='{id}']");

    /// <summary>Follows <paramref name="link"/> and waits for the page whose heading is <paramref name="heading"/>.</summary>
    private async Task FollowAsync(ILocator link, string heading)
    {
        await link.ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = heading, Exact = true }).WaitForAsync();
    }

    private DateOnly Today => AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow());

    [Fact]
    public async Task A_caseworker_goes_from_the_activities_to_an_actor_an_instrument_a_programme_run_and_its_concept()
    {
        await SignInAsync(DemoUsers.Caseworker, "/activities");

        // Actors: the list, the metropolitan region across three states with its members, roles and contact persons.
        await FollowAsync(NetworkLink("Netzwerke und Initiativen"), "Netzwerke und Initiativen");
        var actors = await Page.Locator("table.data").InnerTextAsync();
        actors.ShouldContain("Bundesnetzwerk „Fachkräfte für die Region“");
        actors.ShouldContain("Fachkräfteinnovationsbüro des Bundesministeriums für Arbeit und Soziales");
        actors.ShouldContain("Arbeitsmarktkreis");
        await ExpectAccessibleAsync();

        await FollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = Metropolregion, Exact = true }), Metropolregion);
        var facts = await Section("facts-heading").InnerTextAsync();
        facts.ShouldContain("Metropolregion Mitteldeutschland Management GmbH, Leipzig");
        facts.ShouldContain("Thüringen: Jena, Gera, Altenburger Land");
        var coordinator = Section("members-heading").Locator("tr", new() { HasText = "Metropolregion Mitteldeutschland Management GmbH" });
        (await coordinator.InnerTextAsync()).ShouldContain("Koordination");
        (await Section("members-heading").Locator("tr", new() { HasText = "Fachkräfteallianz Leipzig" }).InnerTextAsync()).ShouldContain("Partner");
        var contacts = await Section("contacts-heading").InnerTextAsync();
        contacts.ShouldContain("Reinhard Wölpert");
        contacts.ShouldContain("Geschäftsführer");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("network-actor");

        // A member that is itself an actor links to its page: the innovation office's partner, the federal network (nationwide).
        await Page.GotoAsync("/network-actors?kind=InnovationOffice");
        await FollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Fachkräfteinnovationsbüro des Bundesministeriums für Arbeit und Soziales" }),
            "Fachkräfteinnovationsbüro des Bundesministeriums für Arbeit und Soziales");
        (await Section("facts-heading").InnerTextAsync()).ShouldContain("Bundesweit");
        await FollowAsync(Section("members-heading").GetByRole(AriaRole.Link, new() { Name = "Bundesnetzwerk „Fachkräfte für die Region“" }), "Bundesnetzwerk „Fachkräfte für die Region“");
        (await Section("members-heading").InnerTextAsync()).ShouldContain("Wirtschaftsförderung Mecklenburgische Seenplatte GmbH");
        await ExpectAccessibleAsync();

        // Instruments: who offers the action day, how it is run, where and by whom it was used, the concept it came from.
        await Page.GotoAsync("/activities");
        await FollowAsync(NetworkLink("Instrumente"), "Instrumente");
        (await Page.Locator("table.data").InnerTextAsync()).ShouldContain("Berufswahl-SIEGEL");
        await ExpectAccessibleAsync();
        await FollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Aktionstag Integration", Exact = true }), "Aktionstag Integration");
        var instrument = await Section("facts-heading").InnerTextAsync();
        instrument.ShouldContain(Metropolregion);
        instrument.ShouldContain("in Eigenregie, mit Trainerinnen und Trainern");
        instrument.ShouldContain("Integration im Unternehmen");
        var where = Section("where-heading").Locator("tr", new() { HasText = "Leipzig (Sachsen)" });
        (await where.Locator("td").AllInnerTextsAsync()).ShouldBe(["2", "55"]);
        (await Section("users-heading").InnerTextAsync()).ShouldContain("Leipziger Metallbau GmbH");
        await ExpectAccessibleAsync();

        // Every use as CSV, with the page's columns and plain values, newest first.
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Tabelle Alle Einsätze als CSV herunterladen" }).ClickAsync());
        download.SuggestedFilename.ShouldMatch(@"^Aktionstag-Integration-einsaetze-\d{4}-\d{2}-\d{2}\.csv$");
        using (var csv = CsvReader.Create(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken)))
        {
            csv.Read().ShouldBeTrue();
            csv.Headers.ToArray().ShouldBe(["Tag", "Genutzt von", "Landkreis", "Durchführung", "Teilnehmende", "Bei Veranstaltung"]);
            (csv.GetString("Tag"), csv.GetString("Genutzt von"), csv.GetString("Teilnehmende")).ShouldBe(("2017-02-08", "Pflegedienst Lindenau gGmbH", "20"));
            csv.Read().ShouldBeTrue();
            (csv.GetString("Durchführung"), csv.GetString("Landkreis")).ShouldBe(("mit Trainerinnen und Trainern", "Leipzig (Sachsen)"));
            csv.Read().ShouldBeFalse();
        }

        // The career-choice seal lists its schools with award, renewals and validity instead of uses.
        await Page.GotoAsync("/instruments?kind=CareerChoiceSeal");
        await FollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Berufswahl-SIEGEL", Exact = true }), "Berufswahl-SIEGEL");
        var seals = await Section("seals-heading").InnerTextAsync();
        seals.ShouldContain("Sekundarschule Sangerhausen-Süd");
        seals.ShouldContain("20.06.2016");
        await ExpectAccessibleAsync();

        // The leadership programme's second run: 20 participants, five workshops with attendance, its concepts.
        await FollowAsync(NetworkLink("Personalentwicklungsprogramme"), "Personalentwicklungsprogramme");
        await ExpectAccessibleAsync();
        await FollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Mitarbeiter für Verantwortung, Durchgang 2" }), "Mitarbeiter für Verantwortung, Durchgang 2");
        var cohort = await Section("facts-heading").InnerTextAsync();
        cohort.ShouldContain("01.10.2015 – 30.04.2016");
        cohort.ShouldContain("29.04.2016, Leipzig, 80 Gäste");
        (await Section("facts-heading").Locator("dt:has-text('Teilnehmende') + dd").InnerTextAsync()).ShouldBe("20");
        (await Section("sessions-heading").Locator("tbody tr").CountAsync()).ShouldBe(5);
        var second = Section("sessions-heading").Locator("tr", new() { HasText = "Workshop 2: In fremde Lebenswirklichkeiten eintauchen" });
        (await second.Locator("td").AllInnerTextsAsync()).ShouldBe(["27.11.2015", "19", "20"]);
        var concept = Section("concepts-heading").Locator("tr", new() { HasText = "Expedition Job" });
        (await concept.InnerTextAsync()).ShouldContain("Haus Steinstraße e.V.");
        await ExpectAccessibleAsync();

        // The concept page, and back from it to the run.
        await FollowAsync(concept.GetByRole(AriaRole.Link, new() { Name = "Expedition Job" }).First, "Expedition Job");
        Page.Url.ShouldContain("/concepts/");
        await ExpectAccessibleAsync();
        await FollowAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Mitarbeiter für Verantwortung, Durchgang 2" }),
            "Mitarbeiter für Verantwortung, Durchgang 2");
    }

    [Fact]
    public async Task Contact_persons_show_their_data_only_to_the_roles_the_API_opens_them_to_and_an_erasure_as_the_API_answers_it()
    {
        var api = Fixture.Api(DemoUsers.Caseworker);
        var cancellation = TestContext.Current.CancellationToken;
        var name = $"Arbeitskreis Fachkräfte {Guid.NewGuid():N}"[..36];
        var actor = (await api.SendAsync<StreamCreated>(HttpMethod.Post, "/api/network-actors", new EstablishNetworkActor(name, ActorKind.WorkingGroup,
            "Landkreis Mansfeld-Südharz", new DateOnly(2020, 1, 1), Areas: [new Area(FederalState.SachsenAnhalt, "Mansfeld-Südharz")]),
            cancellation: cancellation)).Result;
        var kept = (await api.SendAsync<NetworkItemAdded>(HttpMethod.Post, $"/api/network-actors/{actor.Id}/contact-persons",
            new NameContactPerson(actor.Version, new PersonalDetails("Erika", "Beispiel", "Referentin", "erika.beispiel@example.org", "03464 535100"),
                new DateOnly(2020, 2, 1), "Landkreis Mansfeld-Südharz"), cancellation: cancellation)).Result;
        var erased = (await api.SendAsync<NetworkItemAdded>(HttpMethod.Post, $"/api/network-actors/{actor.Id}/contact-persons",
            new NameContactPerson(kept.Version, new PersonalDetails("Max", "Gelöscht"), new DateOnly(2021, 3, 1), "Jobcenter Mansfeld-Südharz"),
            cancellation: cancellation)).Result;
        await CommandAsync(DemoUsers.Caseworker, $"/api/network-actors/{actor.Id}/contact-persons/{erased.ItemId}/erasure",
            new EraseContactPersonData(erased.Version, ErasureGround.ConsentWithdrawn, Today));

        // The caseworker reads the personal data; the erased person shows as the API answers: erased, and when.
        await SignInAsync(DemoUsers.Caseworker, $"/network-actors/{actor.Id}");
        var contacts = await Section("contacts-heading").InnerTextAsync();
        contacts.ShouldContain("Erika Beispiel");
        contacts.ShouldContain("erika.beispiel@example.org");
        contacts.ShouldContain("[Personenbezogene Daten gelöscht am ");
        contacts.ShouldNotContain("Max");
        await ExpectAccessibleAsync();

        // A coordinator of another alliance is refused the personal data by the API: organisations only, the erasure still shown.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.AllianceCoordinator, $"/network-actors/{actor.Id}");
        contacts = await Section("contacts-heading").InnerTextAsync();
        contacts.ShouldContain("Namen und Kontaktdaten sehen nur die Rollen, die sie lesen dürfen.");
        contacts.ShouldContain("Landkreis Mansfeld-Südharz");
        contacts.ShouldContain("vorhanden (für Sie nicht sichtbar)");
        contacts.ShouldContain("[Personenbezogene Daten gelöscht]");
        contacts.ShouldNotContain("Erika");
        contacts.ShouldNotContain("Beispiel");
        await ExpectAccessibleAsync();
    }
}
