using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The steps of a pilot and of a participant, each chosen from its page's list and sent from its form in the browser: the
/// page confirms it in German and shows what changed. Each test runs on a pilot of its own that the project lead launched
/// through the API, so the demo pilot stays as the other tests expect it.
/// </summary>
public class PilotFormsTests(BrowserFixture fixture) : PilotTest(fixture)
{
    private const string Company = "Saalewerft Schiffbau GmbH";

    [Fact]
    public async Task The_project_lead_enrols_a_company_adds_a_partner_and_holds_a_training_for_the_company()
    {
        var pilot = await LaunchedPilotAsync("Welcome Center Halle");
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        // A training needs an enrolled company: the step is not offered yet.
        (await StepsAsync()).ShouldBe(["Person aufnehmen", "Unternehmen aufnehmen", "Partner aufnehmen", "Ausgabe verbuchen", "Aufbewahrungssperre setzen"]);
        await ExpectAccessibleAsync();

        await ChooseStepAsync("Unternehmen aufnehmen", "Unternehmen aufnehmen");
        new Uri(Page.Url).Query.ShouldBe("?step=enrol-company");
        await Page.Locator("#enrol-company-name").FillAsync(Company);
        await Page.Locator("#enrol-company-town").FillAsync("Halle (Saale)");
        await Page.Locator("#enrol-company-need").FillAsync("3");
        await Page.Locator("#enrol-company-occupations").FillAsync("Schiffbauer/in\nSchweißer/in");
        (await Page.Locator("#enrol-company-enrolledOn").InputValueAsync()).ShouldBe(Today.ToString("yyyy-MM-dd"));
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Unternehmen aufnehmen" }).ClickAsync();
        await DoneAsync("Das Unternehmen wurde aufgenommen.");
        var company = Page.GetByRole(AriaRole.Table, new() { Name = "Aufgenommene Unternehmen" }).GetByRole(AriaRole.Row).Filter(new() { HasText = Company });
        (await company.InnerTextAsync()).ShouldContain("Schiffbauer/in, Schweißer/in");
        (await Page.Locator("#step").CountAsync()).ShouldBe(0, "once the step is done, its form is closed");
        await ExpectAccessibleAsync();

        await ChooseStepAsync("Partner aufnehmen", "Partner aufnehmen");
        await Page.Locator("#add-partner-name").FillAsync("Tallinna Linnavalitsus (City of Tallinn)");
        await Page.Locator("#add-partner-country").FillAsync("ee");
        await Page.Locator("#add-partner-role").FillAsync("Partner im Ausland: Kontakte zu Fachkräften");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Partner aufnehmen" }).ClickAsync();
        await DoneAsync("Der Partner wurde aufgenommen.");
        var partner = Page.GetByRole(AriaRole.Table, new() { Name = "Partner im In- und Ausland" }).GetByRole(AriaRole.Row).Filter(new() { HasText = "City of Tallinn" });
        (await partner.InnerTextAsync()).ShouldContain("EE (Ausland)");
        await ExpectAccessibleAsync();

        (await StepsAsync()).ShouldContain("Training erfassen");
        await ChooseStepAsync("Training erfassen", "Interkulturelles Training erfassen");
        await Page.GetByLabel(Company).CheckAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Training erfassen" }).ClickAsync();
        await DoneAsync("Das Training wurde erfasst.");
        (await FactAsync("Interkulturelle Trainings")).ShouldBe("1");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_project_lead_places_a_legal_hold_by_keyboard_and_lifts_it_again()
    {
        var pilot = await LaunchedPilotAsync("Fachkräftebüro Dessau");
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        (await FactAsync("Aufbewahrungssperre")).ShouldBe("keine");

        // The choice works by keyboard: Tab to the step, Enter opens its form with the focus on its heading.
        await TabToAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Aufbewahrungssperre setzen" }));
        await Page.Keyboard.PressAsync("Enter");
        await ExpectChosenAsync("Aufbewahrungssperre setzen", "Aufbewahrungssperre setzen");
        var until = Today.AddYears(5);
        await Page.Locator("#place-legal-hold-until").FillAsync(until.ToString("yyyy-MM-dd"));
        await Page.Locator("#place-legal-hold-basis").FillAsync("Art. 82 Dachverordnung (EU) 2021/1060");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sperre setzen" }).ClickAsync();
        await DoneAsync("Die Aufbewahrungssperre wurde gesetzt.");
        (await FactAsync("Aufbewahrungssperre")).ShouldStartWith($"bis {Written(until)}: Art. 82 Dachverordnung (EU) 2021/1060.");
        (await StepsAsync()).ShouldContain("Aufbewahrungssperre aufheben");
        await ExpectAccessibleAsync();

        await ChooseStepAsync("Aufbewahrungssperre aufheben", "Aufbewahrungssperre aufheben");
        await Page.Locator("#lift-legal-hold-reason").FillAsync("Die Prüfung der Förderung ist abgeschlossen.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sperre aufheben" }).ClickAsync();
        await DoneAsync("Die Aufbewahrungssperre wurde aufgehoben.");
        (await FactAsync("Aufbewahrungssperre")).ShouldBe("keine");
        (await StepsAsync()).ShouldNotContain("Aufbewahrungssperre aufheben");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_project_lead_decides_to_continue_a_pilot_whose_phase_is_over()
    {
        // A phase that is over: the evaluation is due from the launch on.
        var pilot = await LaunchedPilotAsync("Willkommensagentur Stendal", new Period(Today.AddMonths(-13), Today.AddMonths(-1)));
        pilot.Status.ShouldBe(PilotStatus.EvaluationDue);
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        (await Page.Locator(".page-header__status").InnerTextAsync()).ShouldContain("Auswertung fällig");

        await ChooseStepAsync("Über die Fortführung entscheiden", "Auswerten und über die Fortführung entscheiden");
        var until = Today.AddMonths(11);
        await Page.Locator("#decide-continuation-decision").SelectOptionAsync(new SelectOptionValue { Label = "Fortführen" });
        await Page.Locator("#decide-continuation-until").FillAsync(until.ToString("yyyy-MM-dd"));
        await Page.Locator("#decide-continuation-reasons").FillAsync("Die Betriebe fragen weiter nach Fachkräften.\nDie Stadt übernimmt die Kosten.");
        (await Page.Locator("#decide-continuation-decidedOn").InputValueAsync()).ShouldBe(Today.ToString("yyyy-MM-dd"));
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entscheidung festhalten" }).ClickAsync();
        await DoneAsync("Die Entscheidung wurde festgehalten.");
        (await Page.Locator(".page-header__status").InnerTextAsync()).ShouldContain("Fortgeführt");
        var continuation = await FactAsync("Fortführung");
        continuation.ShouldContain($"fortgeführt bis {Written(until)} (entschieden am {Written(Today)})");
        continuation.ShouldContain("Die Stadt übernimmt die Kosten.");
        (await StepsAsync()).ShouldNotContain("Über die Fortführung entscheiden");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_project_lead_refers_a_participant_to_a_company_places_them_there_and_corrects_their_data()
    {
        var pilot = await LaunchedPilotAsync("Welcome Center Merseburg");
        var api = Fixture.Api(DemoUsers.ProjectLead);
        var enrolled = (await api.SendAsync<PilotItemAdded>(HttpMethod.Post, $"/api/pilots/{pilot.Id}/companies",
            new EnrolCompany(pilot.Version, Company, "Halle (Saale)", 2, ["Schiffbauer/in"], Today.AddDays(-30)), cancellation: TestContext.Current.CancellationToken)).Result;
        var participant = (await api.SendAsync<PilotItemAdded>(HttpMethod.Post, $"/api/pilots/{pilot.Id}/participants",
            new EnrolParticipant(enrolled.Version, ParticipantKind.SkilledWorker, Today.AddDays(-20), null,
                new ParticipantPersonalData("Kadri", "Tamm", new DateOnly(1990, 5, 14), "EE", "kadri.tamm@example.org")),
            cancellation: TestContext.Current.CancellationToken)).Result;

        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}/participants/{participant.ItemId}");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Kadri Tamm", Level = 1 }).WaitForAsync();
        // A placement follows a referral: not offered yet.
        (await StepsAsync()).ShouldBe(["Leistung erfassen", "Einem Unternehmen vorstellen", "Daten berichtigen", "Daten löschen"]);
        await ExpectAccessibleAsync();

        await ChooseStepAsync("Einem Unternehmen vorstellen", "Einem Unternehmen vorstellen");
        (await Page.Locator("#refer-participant-company option:checked").InnerTextAsync()).ShouldStartWith(Company);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vorstellung erfassen" }).ClickAsync();
        await DoneAsync("Die Vorstellung wurde erfasst.");
        (await Page.GetByRole(AriaRole.Table, new() { Name = "Vorstellungen bei Unternehmen" }).InnerTextAsync()).ShouldContain(Company);
        await ExpectAccessibleAsync();

        await ChooseStepAsync("Vermittlung erfassen", "Vermittlung erfassen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vermittlung erfassen" }).ClickAsync();
        await DoneAsync("Die Vermittlung wurde erfasst.");
        (await Page.Locator("section[aria-labelledby='referrals-heading']").InnerTextAsync()).ShouldContain($"Vermittelt an {Company} am {Written(Today)}.");
        (await StepsAsync()).ShouldBe(["Leistung erfassen", "Daten berichtigen", "Daten löschen"]);
        await ExpectAccessibleAsync();

        await ChooseStepAsync("Daten berichtigen", "Personenbezogene Daten berichtigen");
        (await Page.Locator("#correct-data-familyName").InputValueAsync()).ShouldBe("Tamm", "the form starts from the data as recorded");
        await Page.Locator("#correct-data-familyName").FillAsync("Tamm-Korhonen");
        await Page.Locator("#correct-data-phone").FillAsync("+49 345 1234567");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Berichtigung speichern" }).ClickAsync();
        await DoneAsync("Die personenbezogenen Daten wurden berichtigt.");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Kadri Tamm-Korhonen", Level = 1 }).WaitForAsync();
        (await Page.Locator("#personal-heading + dl").InnerTextAsync()).ShouldContain("+49 345 1234567");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_step_the_api_refuses_shows_its_reason_in_german_beside_the_form_keeps_the_input_and_records_nothing()
    {
        var pilot = await LaunchedPilotAsync("Fachkräftebüro Bitterfeld");
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        await ChooseStepAsync("Aufbewahrungssperre setzen", "Aufbewahrungssperre setzen");
        var events = await EventCountAsync();

        await Page.Locator("#place-legal-hold-until").FillAsync(Today.AddDays(-7).ToString("yyyy-MM-dd"));
        await Page.Locator("#place-legal-hold-basis").FillAsync("Art. 82 Dachverordnung (EU) 2021/1060");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sperre setzen" }).ClickAsync();

        // The API's problem (RFC 9457, rule pilot.legal-hold-in-the-past) in German, at the top of the form, with the focus.
        var outcome = Page.Locator("#step #place-legal-hold-outcome");
        await outcome.WaitForAsync();
        var text = await outcome.InnerTextAsync();
        text.ShouldContain("Dieser Schritt ist nicht möglich");
        text.ShouldContain("Das Ende der Aufbewahrungspflicht muss in der Zukunft liegen.");
        await Page.WaitForFunctionAsync("() => document.activeElement?.id === 'place-legal-hold-outcome'");
        (await Page.Locator("#place-legal-hold-basis").InputValueAsync()).ShouldBe("Art. 82 Dachverordnung (EU) 2021/1060", "the input is kept");
        (await Page.Locator("ul.steps a[aria-current='true']").InnerTextAsync()).ShouldStartWith("Aufbewahrungssperre setzen", Case.Sensitive, "the posted form stays the chosen step");
        (await Page.Locator("#result").CountAsync()).ShouldBe(0);
        (await EventCountAsync()).ShouldBe(events);
        (await PilotAsync(pilot.Id)).LegalHold.ShouldBeNull();
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Without_javascript_a_step_opens_from_its_link_and_its_form_is_sent()
    {
        var pilot = await LaunchedPilotAsync("Welcome Center Wittenberg");
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        await ExpectAccessibleAsync();
        // The same session in a browser that runs no script: plain links and posts, the server renders every page.
        await using var context = await Fixture.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Fixture.Address.ToString(), Locale = "de-DE", TimezoneId = "Europe/Berlin", JavaScriptEnabled = false,
            StorageState = await Page.Context.StorageStateAsync(),
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/pilots/{pilot.Id}");

        await page.GetByRole(AriaRole.Link, new() { Name = "Partner aufnehmen", Exact = true }).ClickAsync();
        await page.Locator("#step").GetByRole(AriaRole.Heading, new() { Name = "Partner aufnehmen", Level = 3 }).WaitForAsync();
        new Uri(page.Url).PathAndQuery.ShouldBe($"/pilots/{pilot.Id}?step=add-partner");
        await page.Locator("#add-partner-name").FillAsync("Wirtschaftsförderung Lutherstadt Wittenberg");
        await page.Locator("#add-partner-country").FillAsync("DE");
        await page.Locator("#add-partner-role").FillAsync("Kontakte zu Betrieben");
        await page.GetByRole(AriaRole.Button, new() { Name = "Partner aufnehmen" }).ClickAsync();

        await page.Locator("#result", new() { HasText = "Der Partner wurde aufgenommen." }).WaitForAsync();
        (await page.GetByRole(AriaRole.Table, new() { Name = "Partner im In- und Ausland" }).InnerTextAsync()).ShouldContain("Wirtschaftsförderung Lutherstadt Wittenberg");
        (await PilotAsync(pilot.Id)).Partners.ShouldHaveSingleItem().Name.ShouldBe("Wirtschaftsförderung Lutherstadt Wittenberg");
    }

    /// <summary>A fact of the pilot's overview, as the page writes it.</summary>
    private Task<string> FactAsync(string term) =>
        Page.Locator("section[aria-labelledby='overview-heading'] dl.facts").EvaluateAsync<string>(
            "(facts, term) => [...facts.querySelectorAll('dt')].find(dt => dt.textContent.trim() === term)?.nextElementSibling.innerText.trim()", term);
}
