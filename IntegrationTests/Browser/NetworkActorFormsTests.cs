using System.Globalization;
using CsvHelper;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The forms of the network actors and cooperation agreements (issue 21): a caseworker establishes an actor across two states,
/// admits a member, names a contact person and erases their data, records the member leaving, downloads the filtered actor
/// list; extends and terminates an agreement; refusals of the API in German beside the form with the input kept; readers are
/// offered no step and their forged posts are refused with nothing appended.
/// </summary>
public class NetworkActorFormsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    /// <summary>A step of the page's choice of steps (a link; its form opens below it).</summary>
    private async Task ChooseStepAsync(string name, string formHeading)
    {
        await Page.Locator("ul.steps").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Level = 3, Name = formHeading, Exact = true }).WaitForAsync();
    }

    private ILocator Section(string id) => Page.Locator($"section[aria-labelledby='{id}']");

    private DateOnly Today => AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Guid IdFromUrl() => Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[^1]);

    [Fact]
    public async Task A_caseworker_establishes_an_actor_admits_a_member_names_and_erases_a_contact_person_and_records_the_member_leaving()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var name = $"Fachkräftenetzwerk Saale-Unstrut {Guid.NewGuid():N}"[..44];
        await SignInAsync(DemoUsers.Caseworker, "/network-actors");
        var establish = Page.GetByRole(AriaRole.Region, new() { Name = "Neues Netzwerk oder neue Initiative erfassen" });
        await establish.GetByLabel("Name", new() { Exact = true }).FillAsync(name);
        await establish.GetByLabel("Art", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Netzwerk" });
        await establish.GetByLabel("Koordinierende Stelle").FillAsync("Burgenlandkreis, Wirtschaftsförderung");
        await establish.GetByLabel("Gebiete", new() { Exact = true }).FillAsync("Sachsen-Anhalt: Burgenlandkreis, Saalekreis\nThüringn");

        // A state the form does not know: nothing is sent, the line is named next to the field, the text stays.
        var events = await EventCountAsync();
        await Button("Netzwerk erfassen").ClickAsync();
        var outcome = Page.Locator("#establish-actor-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("„Thüringn“ ist kein Bundesland.");
        (await establish.GetByLabel("Gebiete", new() { Exact = true }).InputValueAsync()).ShouldBe("Sachsen-Anhalt: Burgenlandkreis, Saalekreis\nThüringn");
        await ExpectAccessibleAsync();

        // Nationwide and areas both: the API refuses the rule in German; the input is kept, nothing appended.
        await establish.GetByLabel("Gebiete", new() { Exact = true }).FillAsync("Sachsen-Anhalt: Burgenlandkreis, Saalekreis\nThüringen");
        await establish.GetByLabel("Bundesweit").CheckAsync();
        await Button("Netzwerk erfassen").ClickAsync();
        await outcome.Filter(new() { HasText = "entweder bundesweit" }).WaitForAsync();
        (await establish.GetByLabel("Name", new() { Exact = true }).InputValueAsync()).ShouldBe(name);
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await establish.GetByLabel("Bundesweit").UncheckAsync();
        await establish.GetByLabel("Zweck (optional)").FillAsync("Fachkräfte für die Betriebe an Saale und Unstrut gewinnen.");
        await Button("Netzwerk erfassen").ClickAsync();
        await DoneAsync("Netzwerk erfasst");
        var actorId = IdFromUrl();
        var facts = await Section("facts-heading").InnerTextAsync();
        facts.ShouldContain("Sachsen-Anhalt: Burgenlandkreis, Saalekreis");
        facts.ShouldContain("Thüringen (ganzes Land)");
        facts.ShouldContain("Burgenlandkreis, Wirtschaftsförderung");
        await ExpectAccessibleAsync();

        // Admit a member in a role.
        await ChooseStepAsync("Mitglied aufnehmen", "Mitglied aufnehmen");
        await Page.GetByLabel("Neues Mitglied").SelectOptionAsync(new SelectOptionValue { Label = "Hochschule Merseburg" });
        await Page.GetByLabel("Rolle", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Partner" });
        await ExpectAccessibleAsync();
        await Button("Mitglied aufnehmen").ClickAsync();
        await DoneAsync("Mitglied aufgenommen");
        (await Section("members-heading").Locator("tr", new() { HasText = "Hochschule Merseburg" }).InnerTextAsync()).ShouldContain("Partner");

        // Name a contact person: a phone number the API refuses is named in German next to its field, the rest kept.
        await ChooseStepAsync("Ansprechperson benennen", "Ansprechperson benennen");
        await ScreenshotForDocsAsync("network-actor-forms");
        await Page.GetByLabel("Vorname").FillAsync("Erika");
        await Page.GetByLabel("Nachname").FillAsync("Beispiel");
        await Page.GetByLabel("Funktion (optional)").FillAsync("Referentin Wirtschaftsförderung");
        await Page.GetByLabel("E-Mail (optional)").FillAsync("erika.beispiel@example.org");
        await Page.GetByLabel("Telefon (optional)").FillAsync("Durchwahl 12");
        await Page.GetByLabel("Organisation (optional)").FillAsync("Burgenlandkreis");
        await Button("Ansprechperson benennen").ClickAsync();
        outcome = Page.Locator("#name-contact-person-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Eine Telefonnummer besteht aus Ziffern, Leerzeichen und + ( ) / -.");
        (await Page.Locator("#name-contact-person-phone-error").InnerTextAsync()).ShouldContain("Telefonnummer");
        (await Page.GetByLabel("E-Mail (optional)").InputValueAsync()).ShouldBe("erika.beispiel@example.org");
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Telefon (optional)").FillAsync("03445 73-1234");
        await Button("Ansprechperson benennen").ClickAsync();
        await DoneAsync("Ansprechperson benannt");
        var contacts = await Section("contacts-heading").InnerTextAsync();
        contacts.ShouldContain("Erika Beispiel");
        contacts.ShouldContain("erika.beispiel@example.org");

        // Erase her data on her request: the page says she was erased, on what ground and by whom; her name is gone.
        await ChooseStepAsync("Daten einer Ansprechperson löschen", "Daten einer Ansprechperson löschen");
        await Page.GetByLabel("Ansprechperson", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Index = 1 });
        (await Page.GetByLabel("Ansprechperson", new() { Exact = true }).Locator("option:checked").InnerTextAsync()).ShouldStartWith("Erika Beispiel (Burgenlandkreis");
        await Page.GetByLabel("Aktenzeichen des Antrags").FillAsync("DSGVO-2026-031");
        await ExpectAccessibleAsync();
        await Button("Endgültig löschen").ClickAsync();
        await DoneAsync("Daten der Ansprechperson gelöscht");
        contacts = await Section("contacts-heading").InnerTextAsync();
        contacts.ShouldContain("[Personenbezogene Daten gelöscht am ");
        contacts.ShouldNotContain("Erika");
        contacts.ShouldNotContain("erika.beispiel@example.org");
        var erasure = await Page.Locator("#erasures").InnerTextAsync();
        erasure.ShouldContain("Einwilligung widerrufen");
        erasure.ShouldContain("Ansprechperson für Burgenlandkreis");
        (await Page.Locator("ul.steps").InnerTextAsync()).ShouldNotContain("Daten einer Ansprechperson löschen");
        await ExpectAccessibleAsync();

        // The member leaves: it moves to the former members.
        await ChooseStepAsync("Austritt erfassen", "Austritt eines Mitglieds erfassen");
        await Page.GetByLabel("Mitglied", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hochschule Merseburg (Partner)" });
        await Page.GetByLabel("Grund des Austritts (optional)").FillAsync("Projekt beendet");
        await Button("Austritt erfassen").ClickAsync();
        await DoneAsync("Austritt erfasst");
        (await Section("members-heading").InnerTextAsync()).ShouldContain("Keine Mitglieder erfasst.");
        (await Page.Locator("#former-heading + .table-wrap tr", new() { HasText = "Hochschule Merseburg" }).InnerTextAsync()).ShouldContain(Today.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await ExpectAccessibleAsync();

        var stored = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<NetworkActorDetails>($"/api/network-actors/{actorId}", cancellation: cancellation)).Result;
        stored.Members.ShouldBeEmpty();
        stored.FormerMembers.Single().LeavingReason.ShouldBe("Projekt beendet");
        stored.ContactPersons.Single().PersonalDataErased.ShouldBeTrue();
        stored.FederalStates.ShouldBe([FederalState.SachsenAnhalt, FederalState.Thueringen]);

        // The list filtered by kind and state, as CSV: the same actors as the API answers for the filters.
        await Page.GotoAsync("/network-actors?kind=Network&federalState=Thueringen");
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Tabelle Netzwerke und Initiativen als CSV herunterladen" }).ClickAsync());
        var listed = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<NetworkActorSummary>>(
            $"/api/network-actors?kind=Network&federalState=Thueringen&pageSize={Paging.MaxPageSize}", cancellation: cancellation)).Result;
        using var csv = CsvReader.Create(await File.ReadAllBytesAsync(await download.PathAsync(), cancellation));
        var rows = new List<(string Name, string Kind, string States)>();
        while (csv.Read()) rows.Add((csv.GetString("Akteur")!, csv.GetString("Art")!, csv.GetString("Bundesländer")!));
        rows.Select(r => r.Name).ShouldBe(listed.Items.Select(a => a.Name));
        rows.ShouldAllBe(r => r.Kind == "Netzwerk");
        rows.Single(r => r.Name == name).States.ShouldBe("Sachsen-Anhalt, Thüringen");
    }

    [Fact]
    public async Task A_caseworker_extends_and_terminates_an_agreement_and_a_too_early_end_is_refused_in_German()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var api = Fixture.Api(DemoUsers.Caseworker);
        var organisations = (await api.GetAsync<Page<OrganisationDetails>>($"/api/organisations?pageSize={Paging.MaxPageSize}", cancellation: cancellation)).Result.Items;
        Guid[] parties = [organisations.First(o => o.Name == "Hochschule Merseburg").Id, organisations.First(o => o.Name == "Landkreis Mansfeld-Südharz").Id];
        var subject = $"Praxissemester im Landkreis {Guid.NewGuid():N}"[..36];
        var end = Today.AddYears(1);
        var concluded = (await api.SendAsync<StreamCreated>(HttpMethod.Post, "/api/cooperation-agreements",
            new ConcludeCooperationAgreement(parties, subject, Today.AddDays(-30), Today.AddDays(-30), end), cancellation: cancellation)).Result;

        await SignInAsync(DemoUsers.Caseworker, $"/cooperation-agreements/{concluded.Id}");
        await ChooseStepAsync("Vereinbarung verlängern", "Vereinbarung verlängern");
        await ExpectAccessibleAsync();

        // An end before the current one: the API refuses it in German; the day typed is kept.
        var events = await EventCountAsync();
        await Page.GetByLabel("Neuer letzter Tag").FillAsync(Iso(end.AddDays(-1)));
        await Button("Vereinbarung verlängern").ClickAsync();
        var outcome = Page.Locator("#extend-agreement-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Eine Verlängerung endet später als die bisherige Laufzeit.");
        (await Page.GetByLabel("Neuer letzter Tag").InputValueAsync()).ShouldBe(Iso(end.AddDays(-1)));
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Neuer letzter Tag").FillAsync(Iso(end.AddYears(2)));
        await Page.GetByLabel("Vermerk zur Verlängerung (optional)").FillAsync("Beide Partner haben zugestimmt.");
        await Button("Vereinbarung verlängern").ClickAsync();
        await DoneAsync("Vereinbarung verlängert");
        (await Section("facts-heading").InnerTextAsync()).ShouldContain("zuvor endend am " + end.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture));
        await ExpectAccessibleAsync();

        // Terminate: the reason is required; without it the API names the field, in German.
        await ChooseStepAsync("Vereinbarung beenden", "Vereinbarung beenden");
        await Button("Vereinbarung beenden").ClickAsync();
        outcome = Page.Locator("#terminate-agreement-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Begründung");
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Begründung", new() { Exact = true }).FillAsync("Der Studiengang wurde eingestellt.");
        await Button("Vereinbarung beenden").ClickAsync();
        await DoneAsync("Vereinbarung beendet");
        (await Section("facts-heading").InnerTextAsync()).ShouldContain("Der Studiengang wurde eingestellt.");
        (await Page.Locator("#actions-heading + p").InnerTextAsync()).ShouldContain("nichts mehr erfasst");
        await ExpectAccessibleAsync();

        var stored = (await api.GetAsync<CooperationAgreementDetails>($"/api/cooperation-agreements/{concluded.Id}", cancellation: cancellation)).Result;
        (stored.ValidUntil, stored.TerminatedOn, stored.PreviousEnds.Single()).ShouldBe((end.AddYears(2), Today, end));
    }

    [Fact]
    public async Task Readers_are_offered_no_actor_or_agreement_step_and_their_forged_posts_are_refused_with_nothing_appended()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var api = Fixture.Api(DemoUsers.Caseworker);
        var actor = (await api.GetAsync<Page<NetworkActorSummary>>("/api/network-actors?kind=MetropolitanRegion", cancellation: cancellation)).Result.Items.First();
        var agreement = (await api.GetAsync<Page<CooperationAgreementDetails>>("/api/cooperation-agreements", cancellation: cancellation)).Result.Items
            .First(a => a.TerminatedOn is null);
        var events = await EventCountAsync();

        // The dashboard reader reads the actors, is offered neither the establish form nor a step, and the API refuses a forged admission.
        await SignInAsync(DemoUsers.DashboardReader, "/network-actors");
        (await Page.GetByRole(AriaRole.Region, new() { Name = "Neues Netzwerk oder neue Initiative erfassen" }).CountAsync()).ShouldBe(0);
        await Page.GotoAsync($"/network-actors/{actor.Id}");
        (await Page.Locator("ul.steps").CountAsync()).ShouldBe(0);
        (await Page.Locator("#actions-heading + p").InnerTextAsync()).ShouldContain("Koordination seines Bündnisses");
        await ExpectAccessibleAsync();
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "admit-actor-member",
            ["Form.MemberId"] = agreement.PartyIds[0].ToString(),
            ["Form.Role"] = nameof(MemberRole.Member),
            ["Form.JoinedOn"] = Iso(Today),
            ["Form.ExpectedVersion"] = actor.Version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });
        var outcome = Page.Locator("#admit-actor-member-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        await ExpectAccessibleAsync();

        // The auditor reads the agreement, is offered no step, and a forged termination is refused.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Auditor, $"/cooperation-agreements/{agreement.Id}");
        (await Page.Locator("ul.steps").CountAsync()).ShouldBe(0);
        (await Page.Locator("#actions-heading + p").InnerTextAsync()).ShouldContain("pflegt die Bewilligungsbehörde");
        await ExpectAccessibleAsync();
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "terminate-agreement",
            ["Form.TerminatedOn"] = Iso(Today),
            ["Form.Reason"] = "Gefälscht",
            ["Form.ExpectedVersion"] = agreement.Version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });
        outcome = Page.Locator("#terminate-agreement-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        await ExpectAccessibleAsync();

        (await EventCountAsync()).ShouldBe(events);
    }
}
