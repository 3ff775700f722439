using Fachwerk.Domain.Common;
using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.Web.Applications.Actions;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The payee account on the application page: the applicant proposes it, a caseworker confirms it; masked or in full by role.</summary>
public class PayeeAccountBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Payee => Page.Locator("#payee-account");

    [Fact]
    public async Task The_applicant_proposes_the_account_sees_it_masked_and_a_caseworker_confirms_it_seeing_it_in_full()
    {
        var application = await SubmittedApplicationAsync("Werkstatttage mit Vereinskonto");
        await SignInAsync(DemoUsers.Applicant, $"/applications/{application.Id}");
        (await Payee.InnerTextAsync()).ShouldContain("Noch kein Konto bestätigt");
        var events = await EventCountAsync();

        // A typing error in the IBAN is caught by its check digits, in German, and nothing is recorded.
        await Page.GetByLabel("IBAN", new() { Exact = true }).FillAsync("DE89 3704 0044 0532 0130 01");
        await Page.GetByLabel("BIC", new() { Exact = true }).FillAsync("COBADEFFXXX");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Konto vorschlagen" }).ClickAsync();
        await Page.GetByText("Die Prüfziffern der IBAN stimmen nicht").First.WaitForAsync();
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await Page.GetByLabel("IBAN", new() { Exact = true }).FillAsync("de89 3704 0044 0532 0130 00");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Konto vorschlagen" }).ClickAsync();
        await DoneAsync("Konto vorgeschlagen");
        var proposed = await Payee.InnerTextAsync();
        proposed.ShouldContain("Vorgeschlagenes Konto (wartet auf Bestätigung)");
        proposed.ShouldContain("DE89 **** **** **** **30 00");
        proposed.ShouldNotContain("3704");
        proposed.ShouldContain("Haus Steinstraße e.V.");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("payee-account-proposed");

        // The proposal waits in the inbox of the caseworkers who may confirm it; its task leads to the confirmation form.
        var waiting = await ApplicationAsync(application.Id);
        await Fixture.Api(DemoUsers.Caseworker).SendAsync<Application.Common.CommandAccepted>(HttpMethod.Put,
            $"/api/applications/{application.Id}/assignment", new AssignCase(waiting.Version, DemoUsers.Caseworker.Id), cancellation: TestContext.Current.CancellationToken);
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, "/");
        var task = Page.Locator($"a[href='/applications/{application.Id}#{ApplicationActions.ConfirmPayeeAccount}-heading']").First;
        (await task.InnerTextAsync()).ShouldBe("Vorgeschlagenes Zahlungsempfänger-Konto bestätigen");
        await ExpectAccessibleAsync();
        await task.ClickAsync();
        await Page.WaitForURLAsync($"**/applications/{application.Id}#{ApplicationActions.ConfirmPayeeAccount}-heading");
        var confirm = Page.Locator("section.action", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Zahlungsempfänger-Konto bestätigen" }) });
        (await confirm.InnerTextAsync()).ShouldContain("DE89 3704 0044 0532 0130 00");
        await ExpectAccessibleAsync();
        await confirm.GetByRole(AriaRole.Button, new() { Name = "Konto bestätigen" }).ClickAsync();
        await DoneAsync("Zahlungsempfänger-Konto bestätigt");

        var confirmed = await Payee.InnerTextAsync();
        confirmed.ShouldContain("DE89 3704 0044 0532 0130 00");
        confirmed.ShouldContain($"bestätigt von {DemoUsers.Caseworker.Id}");
        confirmed.ShouldNotContain("wartet auf Bestätigung");
        var payee = (await ApplicationAsync(application.Id)).PayeeAccount!;
        payee.ProposedBy.ShouldBe(DemoUsers.Applicant.Id);
        payee.ConfirmedBy.ShouldBe(DemoUsers.Caseworker.Id);
        (await ApplicationAsync(application.Id)).Status.ShouldBe(ApplicationStatus.Submitted);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("payee-account");
    }

    [Fact]
    public async Task The_release_form_warns_without_a_confirmed_account_refuses_in_German_and_shows_the_confirmed_one_in_full()
    {
        var application = await ApprovedAsync("Orientierungstage Halle – Zahlungsempfänger");
        var requested = await CommandAsync(DemoUsers.Applicant, $"/api/applications/{application.Id}/payment-requests",
            new RequestPayment(application.Version, 5_000m, AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow()).AddDays(14), 5_000m),
            application.Applicant.Id);
        var checkedRequest = await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{application.Id}/payment-requests/1/check",
            new CheckPaymentRequest(requested.Version));
        var page = $"/applications/{application.Id}";
        await SignInAsync(DemoUsers.SecondCaseworker, page);
        var release = Page.Locator("section.action", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Zahlung freigeben" }) });
        (await release.Locator("#release-without-payee").InnerTextAsync()).ShouldContain("noch kein Zahlungsempfänger-Konto bestätigt");
        await ExpectAccessibleAsync();
        var events = await EventCountAsync();

        // Released anyway: refused in German, and nothing is recorded.
        await release.GetByRole(AriaRole.Button, new() { Name = "Zur Buchung freigeben" }).ClickAsync();
        var outcome = Page.Locator($"#{ApplicationActions.ReleasePayment}-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Das Konto wird vorgeschlagen und von einer zweiten Sachbearbeitung bestätigt, bevor eine Zahlung freigegeben werden kann.");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        var proposed = await CommandAsync(DemoUsers.Applicant, $"/api/applications/{application.Id}/payee-account",
            new ProposePayeeAccount(checkedRequest.Version, "DE02120300000000202051", "BYLADEM1001", "Haus Steinstraße e.V."), application.Applicant.Id);
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{application.Id}/payee-account/confirmation", new ConfirmPayeeAccount(proposed.Version));
        await Page.GotoAsync(page);

        (await release.InnerTextAsync()).ShouldContain("DE02 1203 0000 0000 2020 51");
        (await release.Locator("#release-without-payee").CountAsync()).ShouldBe(0);
        await ExpectAccessibleAsync();
    }
}
