using Fachwerk.Domain.Common;
using System.Globalization;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.Web.Applications.Actions;
using Marten;
using Marten.Events;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The staff's actions on the application page (issue 17): the journey from a submitted application to the committed budget,
/// the four-eyes principle made visible and enforced, stale forms, rule refusals with their computation in German, a
/// keyboard-only pass, and the history and programme pages.
/// </summary>
public class ApplicationActionsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private ILocator Outcome(string form) => Page.Locator($"#{form}-outcome");

    [Fact]
    public async Task A_caseworker_takes_a_submitted_application_to_a_proposal_an_approver_confirms_and_the_committed_budget_shows()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – der ganze Weg");
        var committedBefore = (await ProgrammeAsync(application.Programme.Id)).Committed;
        var page = $"/applications/{application.Id}";
        await SignInAsync(DemoUsers.Caseworker, page);

        // Documents: requested in the browser, supplied by the applicant.
        await Page.GetByLabel("Fehlende Unterlagen").FillAsync("Kosten- und Finanzierungsplan");
        await Button("Unterlagen nachfordern").ClickAsync();
        await DoneAsync("Unterlagen nachgefordert");
        var requested = await ApplicationAsync(application.Id);
        await CommandAsync(DemoUsers.Applicant, $"/api/applications/{application.Id}/document-supplies",
            new SupplyDocuments(requested.Version, ["dms://finanzierungsplan"]), application.Applicant.Id);

        // Completeness.
        await Page.GotoAsync(page);
        await ExpectAccessibleAsync();
        await Page.Locator("#complete-formally-reason").FillAsync("Finanzierungsplan liegt vor");
        await Button("Als formal vollständig feststellen").ClickAsync();
        await DoneAsync("Formale Vollständigkeit festgestellt");

        // The proposal: 45.000 € of the 50.000 € requested, with a condition and a retained instalment.
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Bewilligter Betrag (EUR)").FillAsync("45000");
        await Page.GetByLabel("Auflagen und Nebenbestimmungen (optional)").FillAsync("Teilnehmendenliste mit dem Zwischenbericht");
        await Page.GetByLabel("Bis zum Verwendungsnachweis einbehaltene Rate (EUR, optional)").FillAsync("4500");
        await Button("Entscheidung vorschlagen").ClickAsync();
        await DoneAsync("Entscheidung vorgeschlagen");
        (await Page.Locator("#history").InnerTextAsync()).ShouldContain("Entscheidung vorgeschlagen");

        // The approver sees who proposed it and confirms.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Approver, page);
        var confirm = Page.Locator("section[aria-labelledby='confirm-decision-heading']");
        (await confirm.InnerTextAsync()).ShouldContain($"vorgeschlagen von {DemoUsers.Caseworker.Id}");
        (await confirm.InnerTextAsync()).ShouldContain("Betrag: 45.000,00");
        await ExpectAccessibleAsync();
        await Button("Mitzeichnen (zweite Unterschrift)").ClickAsync();

        // The budget workflow runs; the page says so, then shows its outcome in the same response.
        var workflow = Page.Locator("#budget-workflow");
        var committed = Page.GetByText("Mittel gebunden: Der Antrag ist bewilligt");
        var lookAgain = workflow.GetByRole(AriaRole.Link, new() { Name = "Erneut nachsehen" });
        // The page waits ten seconds for the workflow; on a machine busier than that the user looks again, as the page offers.
        for (var look = 0; look < 6; look++)
        {
            try
            {
                await committed.Or(lookAgain).WaitForAsync(new() { Timeout = 60_000 });
            }
            catch (TimeoutException)
            {
                throw new ShouldAssertException($"Neither committed nor still running at {Page.Url}:\n{await Page.Locator("main").InnerTextAsync()}");
            }

            if (await committed.IsVisibleAsync()) break;
            await lookAgain.ClickAsync();
        }

        await committed.WaitForAsync();
        (await workflow.InnerTextAsync()).ShouldContain("45.000,00");
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Aktualisierten Antrag anzeigen" }).ClickAsync();
        await Page.Locator("#budget-workflow").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await Page.Locator(".page-header").InnerTextAsync()).ShouldContain("Bewilligt");
        var history = await Page.Locator("#history tbody").InnerTextAsync();
        history.ShouldContain("Antrag bewilligt");
        history.ShouldContain("Entscheidung mitgezeichnet");
        history.ShouldContain(DemoUsers.Approver.Id);
        history.ShouldContain("Finanzierungsplan liegt vor");
        (await ApplicationAsync(application.Id)).ApprovedAmount.ShouldBe(45_000m);

        // The programme's budget shows the commitment once its dashboard has caught up.
        await Fixture.Store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(30));
        var budget = await ProgrammeAsync(application.Programme.Id);
        budget.Committed.ShouldBe(committedBefore + 45_000m);
        await Page.GotoAsync($"/programmes/{application.Programme.Id}");
        var facts = await Page.Locator("#budget").InnerTextAsync();
        facts.ShouldContain(budget.Committed.ToString("#,##0.00", German) + "\u00a0€");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_approver_who_proposed_is_not_offered_the_confirmation_and_a_forged_one_is_refused_by_the_API()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – eigener Vorschlag");
        var proposed = await ProposedAsync(application, DemoUsers.Deputy, 40_000m);
        await SignInAsync(DemoUsers.Deputy, $"/applications/{application.Id}");

        (await Button("Mitzeichnen (zweite Unterschrift)").CountAsync()).ShouldBe(0);
        (await Page.Locator("#four-eyes-proposal").InnerTextAsync()).ShouldContain("Sie haben diese Entscheidung vorgeschlagen");
        (await Button("An die Sachbearbeitung zurückgeben").CountAsync()).ShouldBe(1, "returning one's own proposal is allowed");
        await ExpectAccessibleAsync();
        var events = await EventCountAsync();

        await PostForgedAsync(ApplicationActions.ConfirmDecision, proposed.Version);

        var outcome = Outcome(ApplicationActions.ConfirmDecision);
        await outcome.WaitForAsync();
        var refusal = await outcome.InnerTextAsync();
        refusal.ShouldContain("Dieser Schritt ist nicht möglich");
        refusal.ShouldContain("das muss eine zweite Person tun (Vier-Augen-Prinzip)");
        (await EventCountAsync()).ShouldBe(events);
        (await ApplicationAsync(application.Id)).Status.ShouldBe(ApplicationStatus.DecisionProposed);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_payment_above_the_threshold_is_released_by_a_second_caseworker_not_by_its_checker()
    {
        var application = await PayeeConfirmedAsync(await ApprovedAsync("Orientierungstage Halle – Mittelabruf"));
        var requested = await CommandAsync(DemoUsers.Applicant, $"/api/applications/{application.Id}/payment-requests",
            new RequestPayment(application.Version, 12_000m, AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow()).AddDays(14), 5_000m),
            application.Applicant.Id);
        var page = $"/applications/{application.Id}";
        await SignInAsync(DemoUsers.Caseworker, page);

        await Button("Als zahlbar feststellen").ClickAsync();
        await DoneAsync("Mittelabruf als zahlbar festgestellt");
        (await Button("Zur Buchung freigeben").CountAsync()).ShouldBe(0, "the checker is not offered the release above the threshold");
        (await Page.Locator("#four-eyes-payments").InnerTextAsync()).ShouldContain("Mittelabruf Nr. 1 (12.000,00\u00a0€) haben Sie geprüft: Über 10.000,00\u00a0€ gibt eine andere Person frei.");
        await ExpectAccessibleAsync();
        var events = await EventCountAsync();

        await PostForgedAsync(ApplicationActions.ReleasePayment, requested.Version + 1, new() { ["Form.Request"] = "1", ["Form.BookedOn"] = "2026-12-20" });
        var outcome = Outcome(ApplicationActions.ReleasePayment);
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("höchstens 10.000,00\u00a0€ auszahlen; Sie haben bisher allein 0,00\u00a0€ freigegeben, mit dieser Zahlung wären es 12.000,00\u00a0€. Freigeben muss eine andere Person als die, die geprüft hat");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.SecondCaseworker, page);
        await Button("Zur Buchung freigeben").ClickAsync();
        await DoneAsync("Zahlung zur Buchung freigegeben");
        var payment = (await ApplicationAsync(application.Id)).Funding!.Payments.ShouldHaveSingleItem();
        (payment.Status, payment.CheckedBy, payment.ReleasedBy).ShouldBe((PaymentRequestStatus.Released, DemoUsers.Caseworker.Id, DemoUsers.SecondCaseworker.Id));
    }

    [Fact]
    public async Task A_proposal_beyond_the_request_is_refused_with_the_computation_in_German_and_a_rejection_without_reason_at_its_field()
    {
        var application = await FormallyCompleteAsync("Orientierungstage Halle – zu viel vorgeschlagen");
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        var events = await EventCountAsync();
        var outcome = Outcome(ApplicationActions.ProposeDecision);

        await Page.GetByLabel("Bewilligter Betrag (EUR)").FillAsync("60000");
        await Button("Entscheidung vorschlagen").ClickAsync();
        await outcome.GetByText("Dieser Schritt ist nicht möglich").WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Eine Bewilligung gewährt mehr als 0 € und höchstens die beantragten 50.000,00\u00a0€; vorgeschlagen: 60.000,00\u00a0€.");
        (await Page.GetByLabel("Bewilligter Betrag (EUR)").InputValueAsync()).ShouldBe("60000");
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Ablehnen", new() { Exact = true }).CheckAsync();
        await Button("Entscheidung vorschlagen").ClickAsync();
        await outcome.GetByText("Bitte korrigieren Sie Ihre Angaben").WaitForAsync();
        (await Page.Locator("#propose-decision-rejection-error").InnerTextAsync()).ShouldBe("Eine Ablehnung nennt ihren Grund.");
        (await Page.GetByLabel("Ablehnungsgrund").GetAttributeAsync("aria-describedby"))!.ShouldContain("propose-decision-rejection-error");
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Bewilligen", new() { Exact = true }).CheckAsync();
        await Page.GetByLabel("Bewilligter Betrag (EUR)").FillAsync("40000");
        await Page.GetByLabel("Fälligkeiten der Zwischennachweise (optional)").FillAsync("30.04.2027\nirgendwann");
        await Button("Entscheidung vorschlagen").ClickAsync();
        await Page.Locator("#propose-decision-interim-error").GetByText("„irgendwann“ ist kein Datum").WaitForAsync();
        (await EventCountAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task A_stale_proposal_says_what_changed_and_sent_again_is_refused_by_the_rule_with_the_current_state()
    {
        var application = await FormallyCompleteAsync("Orientierungstage Halle – zwei Vorschläge");
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        await Page.GetByLabel("Bewilligter Betrag (EUR)").FillAsync("42000");
        await ProposedAsync(application, DemoUsers.SecondCaseworker, 38_000m);
        var events = await EventCountAsync();

        await Button("Entscheidung vorschlagen").ClickAsync();
        var outcome = Outcome(ApplicationActions.ProposeDecision);
        await outcome.GetByText("Der Antrag wurde geändert, seit Sie die Seite geladen haben").WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Entscheidungsvorschläge: keine → 1, der letzte wartet auf Bestätigung");
        (await Page.GetByLabel("Bewilligter Betrag (EUR)").InputValueAsync()).ShouldBe("42000");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await Button("Für den aktuellen Stand erneut senden").ClickAsync();
        await outcome.GetByText("Dieser Schritt ist nicht möglich").WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Er ist jetzt: Entscheidung vorgeschlagen.");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Completeness_and_the_proposal_work_with_the_keyboard_alone()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Tastatur bis zum Vorschlag");
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");

        await TabToAsync(Page.Locator("#complete-formally-reason"));
        await Page.Keyboard.TypeAsync("Vollständig");
        await Page.Keyboard.PressAsync("Tab");
        (await Page.EvaluateAsync<string>("() => document.activeElement.innerText.trim()")).ShouldBe("Als formal vollständig feststellen");
        await Page.Keyboard.PressAsync("Enter");
        await DoneAsync("Formale Vollständigkeit festgestellt");

        await TabToAsync(Page.GetByLabel("Bewilligter Betrag (EUR)"));
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync("44000");
        await TabToAsync(Button("Entscheidung vorschlagen"));
        await Page.Keyboard.PressAsync("Enter");
        await DoneAsync("Entscheidung vorgeschlagen");

        var proposal = (await ApplicationAsync(application.Id)).Proposals.ShouldHaveSingleItem();
        (proposal.Decision, proposal.Amount, proposal.ProposedBy).ShouldBe((DecisionKind.Approve, 44_000m, DemoUsers.Caseworker.Id));
    }

    [Fact]
    public async Task Auditors_read_the_programmes_and_a_programme_budget_with_the_planning_figures_per_alliance()
    {
        await SignInAsync(DemoUsers.Auditor, "/programmes");
        var programmes = (await Fixture.Api(DemoUsers.Auditor).GetAsync<Page<ProgrammeDetails>>("/api/programmes?pageSize=100",
            cancellation: TestContext.Current.CancellationToken)).Result.TotalItems;
        var list = Page.GetByRole(AriaRole.Table, new() { Name = $"Förderprogramme ({programmes})" });
        (await list.InnerTextAsync()).ShouldContain("ESF+ Regionale Fachkräftebündnisse Niedersachsen");
        await ExpectAccessibleAsync();

        await list.GetByRole(AriaRole.Link, new() { Name = "ESF+ Regionale Fachkräftebündnisse Niedersachsen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "ESF+ Regionale Fachkräftebündnisse Niedersachsen", Level = 1 }).WaitForAsync();
        var alliances = await Page.GetByRole(AriaRole.Table, new() { Name = "Planungsbudget, gebunden und verbleibend je Bündnis" }).InnerTextAsync();
        alliances.ShouldContain("Regionales Fachkräftebündnis Leine-Weser");
        alliances.ShouldContain("3.250.000,00");
        (await Page.Locator("#budget").InnerTextAsync()).ShouldContain("26.000.000,00");
        await ExpectAccessibleAsync();
    }

    /// <summary>Posts <paramref name="form"/> the page did not offer, with the page's own antiforgery token.</summary>
    private async Task PostForgedAsync(string form, long version, Dictionary<string, string>? fields = null)
    {
        var token = await Page.Locator("input[name='__RequestVerificationToken']").First.GetAttributeAsync("value");
        var values = new Dictionary<string, string>(fields ?? [])
        {
            ["_handler"] = form,
            ["__RequestVerificationToken"] = token!,
            ["Form.ExpectedVersion"] = version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        };
        await Page.EvaluateAsync(@"fields => {
            const form = document.createElement('form');
            form.method = 'post';
            form.action = location.pathname;
            for (const [name, value] of Object.entries(fields)) {
                const input = document.createElement('input');
                input.type = 'hidden'; input.name = name; input.value = value;
                form.appendChild(input);
            }
            document.body.appendChild(form);
            form.submit();
        }", values);
    }

    private async Task<ProgrammeDetails> ProgrammeAsync(Guid id) =>
        (await Fixture.Api(DemoUsers.Caseworker).GetAsync<ProgrammeDetails>($"/api/programmes/{id}")).Result;
}
