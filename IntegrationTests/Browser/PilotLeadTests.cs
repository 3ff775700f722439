using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Documents;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The project lead runs the demo pilot (Relocation Service Magdeburg, phase March 2014 to February 2015) in the browser,
/// choosing each step from the page's list: enrols a participant and sees the month's demand go up, records a service, uploads
/// and downloads a document, erases the personal data; a dashboard reader never sees a participant.
/// </summary>
public class PilotLeadTests(BrowserFixture fixture) : PilotTest(fixture)
{
    /// <summary>The last month of the demo pilot's phase: the forms' days default to its last day (the phase lies in the past).</summary>
    private const string LastMonth = "Februar 2015";

    [Fact]
    public async Task The_project_lead_enrols_a_participant_records_a_service_uploads_a_document_and_erases_the_data()
    {
        var pilot = await DemoPilotAsync();
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        await Page.GetByRole(AriaRole.Heading, new() { Name = pilot.Name, Level = 1 }).WaitForAsync();
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Nachfrage-Dashboard öffnen" }).GetAttributeAsync("href")).ShouldBe($"/dashboards/pilots/{pilot.Id}");
        (await Page.Locator("#indicator-verdict").InnerTextAsync()).ShouldContain("Stabile Nachfrage: ja");
        await ExpectAccessibleAsync();
        var demandBefore = await DemandAsync(LastMonth);

        (await StepsAsync()).ShouldContain("Person aufnehmen");
        (await Page.Locator("#enrol-participant-givenName").CountAsync()).ShouldBe(0, "a form shows once its step is chosen");
        await ChooseStepAsync("Person aufnehmen", "Teilnehmende Person aufnehmen");
        await ScreenshotForDocsAsync("pilot-page");
        await Page.Locator("#enrol-participant-givenName").FillAsync("Ilze");
        await Page.Locator("#enrol-participant-familyName").FillAsync("Browsertest");
        await Page.Locator("#enrol-participant-birthDate").FillAsync("1991-04-17");
        await Page.Locator("#enrol-participant-nationality").FillAsync("LV");
        (await Page.Locator("#enrol-participant-enrolledOn").InputValueAsync()).ShouldBe("2015-02-28");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aufnehmen", Exact = true }).ClickAsync();
        await DoneAsync("Die Person wurde aufgenommen.");
        await ExpectAccessibleAsync();

        // The demand table reads an asynchronous projection: the page shows the new count once it has caught up.
        await ReloadUntilAsync(async () => await DemandAsync(LastMonth) == demandBefore + 1);

        await Page.GetByRole(AriaRole.Link, new() { Name = "Ilze Browsertest" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Ilze Browsertest", Level = 1 }).WaitForAsync();
        (await Page.Locator("#personal-heading + dl").InnerTextAsync()).ShouldContain("17.04.1991");
        await ExpectAccessibleAsync();

        await ChooseStepAsync("Leistung erfassen", "Leistung erfassen");
        await Page.Locator("#deliver-service-service").SelectOptionAsync(new SelectOptionValue { Label = "Sprachkurs" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Leistung erfassen" }).ClickAsync();
        await DoneAsync("Die Leistung wurde erfasst.");
        (await Page.Locator("section[aria-labelledby='services-heading']").InnerTextAsync()).ShouldContain("Sprachkurs");
        await ExpectAccessibleAsync();

        var pdf = TestDocuments.Pdf();
        await Page.Locator("#upload-kind").SelectOptionAsync(new SelectOptionValue { Label = "Lebenslauf" });
        await Page.GetByLabel("Datei", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "Lebenslauf.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        (await Page.Locator("#result").InnerTextAsync()).ShouldContain("Das Dokument wurde hochgeladen.");
        await ExpectAccessibleAsync();
        var link = Page.GetByRole(AriaRole.Table, new() { Name = "Dokumente der teilnehmenden Person" }).GetByRole(AriaRole.Link, new() { Name = "Lebenslauf.pdf" });
        var href = (await link.GetAttributeAsync("href"))!;
        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe("Lebenslauf.pdf");
        (await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken)).ShouldBe(pdf);

        await ChooseStepAsync("Daten löschen", "Personenbezogene Daten löschen");
        await Page.Locator("#erase-data-ground").SelectOptionAsync(new SelectOptionValue { Label = "Einwilligung widerrufen (Art. 17 Abs. 1 lit. b DSGVO)" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Endgültig löschen" }).ClickAsync();
        await DoneAsync("Die personenbezogenen Daten und Dokumente wurden gelöscht.");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "[personenbezogene Daten gelöscht]", Level = 1 }).WaitForAsync();
        (await Page.Locator("#erasure").InnerTextAsync()).ShouldContain("Die personenbezogenen Daten und Dokumente dieser Person wurden gelöscht.");
        (await Page.Locator("#documents-erased").InnerTextAsync()).ShouldContain("(1)");
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Lebenslauf.pdf" }).CountAsync()).ShouldBe(0);
        (await Page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).CountAsync()).ShouldBe(0, "nothing more is uploaded for an erased person");
        (await Page.Context.APIRequest.GetAsync(href)).Status.ShouldBe(410);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_form_the_api_refuses_shows_the_field_error_in_german_and_records_nothing()
    {
        var pilot = await DemoPilotAsync();
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        var events = await EventCountAsync();

        await ChooseStepAsync("Person aufnehmen", "Teilnehmende Person aufnehmen");
        await Page.Locator("#enrol-participant-familyName").FillAsync("Ohnevorname");
        await Page.Locator("#enrol-participant-birthDate").FillAsync("1990-01-01");
        await Page.Locator("#enrol-participant-nationality").FillAsync("UA");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aufnehmen", Exact = true }).ClickAsync();

        var error = Page.Locator("#enrol-participant-givenName-error");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).ShouldContain("Dieses Feld darf nicht leer sein.");
        (await Page.Locator("#enrol-participant-familyName").InputValueAsync()).ShouldBe("Ohnevorname", "the input is kept");
        (await EventCountAsync()).ShouldBe(events);
        (await Page.Locator("ul.steps a[aria-current='true']").InnerTextAsync()).ShouldStartWith("Person aufnehmen", Case.Sensitive, "the posted form stays the chosen step");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_dashboard_reader_cannot_open_a_participant_and_sees_only_counts_on_the_pilot()
    {
        var pilot = await DemoPilotAsync();
        var participant = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<ParticipantView>>($"/api/pilots/{pilot.Id}/participants?pageSize=1", cancellation: TestContext.Current.CancellationToken))
            .Result.Items.ShouldHaveSingleItem();

        await SignInAsync(DemoUsers.DashboardReader, $"/pilots/{pilot.Id}/participants/{participant.Id}");
        (await Page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Das dürfen Sie nicht einsehen.");
        (await Page.ContentAsync()).ShouldNotContain(participant.PersonalData!.FamilyName);
        await ExpectAccessibleAsync();

        await Page.GotoAsync($"/pilots/{pilot.Id}");
        (await Page.Locator("#participant-counts").InnerTextAsync()).ShouldContain("Fachkräfte");
        (await Page.ContentAsync()).ShouldNotContain(participant.PersonalData!.FamilyName);
        (await Page.GetByRole(AriaRole.Button, new() { Name = "Aufnehmen", Exact = true }).CountAsync()).ShouldBe(0);
        (await Page.Locator("ul.steps").CountAsync()).ShouldBe(0, "no steps to choose for a reader");
        await Page.GotoAsync($"/pilots/{pilot.Id}?step=enrol-participant#step");
        (await Page.Locator("#enrol-participant-givenName").CountAsync()).ShouldBe(0, "a step in the address opens no form the page does not offer");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_pilot_list_leads_the_project_lead_to_their_pilot_which_reads_in_english_too()
    {
        var pilot = await DemoPilotAsync();
        await SignInAsync(DemoUsers.ProjectLead, "/pilots");
        (await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link).AllInnerTextsAsync()).ShouldContain("Pilotprojekte");
        (await Page.Locator("section[aria-labelledby='own-heading']").InnerTextAsync()).ShouldContain(pilot.Name);
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sprache: English" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Pilot projects", Level = 1 }).WaitForAsync();
        await Page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link, new() { Name = pilot.Name }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Demand month by month" }).WaitForAsync();
        (await Page.GetByRole(AriaRole.Table, new() { Name = "Demand per month" }).InnerTextAsync()).ShouldContain("February 2015");
        (await Page.GetByRole(AriaRole.Link, new() { Name = "Open the demand dashboard" }).CountAsync()).ShouldBe(1);
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Language: Deutsch" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Nachfrage Monat für Monat" }).WaitForAsync();
    }

    [Fact]
    public async Task The_project_lead_records_a_spending_and_sees_what_is_left_of_the_source_go_down()
    {
        var pilot = await DemoPilotAsync();
        var esf = (await PilotAsync(pilot.Id)).Funding.First(f => f.Kind == Fachwerk.Domain.Common.FundingSourceKind.EuropeanSocialFund).Name;
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        var before = await RemainingAsync(esf);
        (await Page.GetByRole(AriaRole.Table, new() { Name = FundingTable }).InnerTextAsync()).ShouldContain("innerhalb der EU-Förderperiode");

        await ChooseStepAsync("Ausgabe verbuchen", "Ausgabe verbuchen");
        await ExpectAccessibleAsync();
        await Page.Locator("#record-spending-source").SelectOptionAsync(esf);
        await Page.Locator("#record-spending-category").SelectOptionAsync(new SelectOptionValue { Label = "Fremdleistungen (Kurse, Honorare)" });
        await Page.Locator("#record-spending-amount").FillAsync("1234.56");
        (await Page.Locator("#record-spending-spentOn").InputValueAsync()).ShouldBe("2015-02-28");
        await Page.Locator("#record-spending-note").FillAsync("Sprachkurs B1, Rechnung 2015-031");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ausgabe verbuchen" }).ClickAsync();
        await DoneAsync("Die Ausgabe wurde verbucht.");

        (await RemainingAsync(esf)).ShouldBe(before - 1_234.56m);
        (await Page.GetByRole(AriaRole.Table, new() { Name = "Ausgaben, neueste zuerst" }).InnerTextAsync()).ShouldContain("Sprachkurs B1, Rechnung 2015-031");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("pilot-funding");

        await Page.GotoAsync($"/dashboards/pilots/{pilot.Id}");
        (await RemainingAsync(esf)).ShouldBe(before - 1_234.56m);
        await ExpectAccessibleAsync();
    }

    private const string FundingTable = "Finanzierungsquellen: Budget, ausgegeben, verbleibend";

    /// <summary>What is left of a funding source, as the funding table shows it.</summary>
    private async Task<decimal> RemainingAsync(string source)
    {
        var row = Page.GetByRole(AriaRole.Table, new() { Name = FundingTable }).GetByRole(AriaRole.Row)
            .Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = source }) });
        var text = await row.Locator("td[data-label='Verbleibend']").InnerTextAsync();
        return decimal.Parse(new string([.. text.Where(c => char.IsDigit(c) || c is ',' or '-')]), German);
    }

    /// <summary>The month's demand as the page's demand table shows it.</summary>
    private async Task<int> DemandAsync(string month)
    {
        var row = Page.GetByRole(AriaRole.Table, new() { Name = "Nachfrage je Monat" }).GetByRole(AriaRole.Row).Filter(new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = month }) });
        return int.Parse(await row.Locator("td[data-label='Nachfrage']").InnerTextAsync(), System.Globalization.CultureInfo.GetCultureInfo("de-DE"));
    }

    /// <summary>Reloads the page until <paramref name="condition"/> holds (a projection catching up), at most 100 times.</summary>
    private async Task ReloadUntilAsync(Func<Task<bool>> condition)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            await Page.ReloadAsync();
            if (await condition()) return;
        }

        throw new ShouldAssertException("The page never showed the expected state.");
    }
}
