using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// Obligations in the approval proposal (ADR 0126): the caseworker adds and removes Auflagen rows on the proposal form, is told in German
/// which due day is wrong (nothing recorded), proposes; the approver sees the Auflagen when confirming, and the grant carries them.
/// </summary>
public class ObligationTermsBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Propose => Page.Locator("section[aria-labelledby='propose-decision-heading']");

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    [Fact]
    public async Task The_caseworker_proposes_an_approval_with_an_obligation_and_the_approver_confirms_it_as_proposed()
    {
        var application = await FormallyCompleteAsync("Landarztgewinnung – Auflage im Vorschlag");
        var page = $"/applications/{application.Id}";
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, page);
        (await Propose.InnerTextAsync()).ShouldContain("Auflagen");

        // Rows are added and removed by posting the form back; nothing is recorded for that.
        var events = await EventCountAsync();
        await Button("Auflage hinzufügen").ClickAsync();
        await Page.Locator("#propose-decision-obligation-0").WaitForAsync();
        await Button("Auflage hinzufügen").ClickAsync();
        await Page.Locator("#propose-decision-obligation-1").WaitForAsync();
        await Button("Auflage 2 entfernen").ClickAsync();
        await Page.Locator("#propose-decision-obligation-1").WaitForAsync(new() { State = WaitForSelectorState.Detached });
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        var row = Page.Locator("#propose-decision-obligation-0");
        await Propose.GetByLabel("Bewilligter Betrag (EUR)").FillAsync("40000");
        await row.GetByLabel("Art der Auflage").SelectOptionAsync("PractiseInDistrict");
        await row.GetByLabel("Auflage (Wortlaut des Bescheids)").FillAsync("Hausärztliche Tätigkeit im Landkreis Mansfeld-Südharz für fünf Jahre");
        await row.GetByLabel("Beginn").FillAsync("2027-10-01");
        await row.GetByLabel("Laufzeit (volle Monate)").FillAsync("60");
        await row.GetByLabel("Geforderter Nachweis").FillAsync("Bestätigung der Kassenärztlichen Vereinigung");
        await row.GetByLabel("Nachweise fällig am").FillAsync("30.09.2027\n31.10.2028");
        await Button("Entscheidung vorschlagen").ClickAsync();

        // A due day before the start: the API's field error next to the row's due days, in German; nothing recorded.
        await Page.Locator("#propose-decision-obligation-dues-0-error").GetByText("Ein Nachweis kann nicht vor Beginn der Auflage fällig sein.").WaitForAsync();
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("obligation-terms-proposal");

        await Page.Locator("#propose-decision-obligation-0").GetByLabel("Nachweise fällig am").FillAsync("31.10.2028\n31.10.2029");
        await Button("Entscheidung vorschlagen").ClickAsync();
        await DoneAsync("Entscheidung vorgeschlagen");

        // The approver reads the Auflagen with the proposal and confirms them as they are.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Approver, page);
        var confirm = Page.Locator("section[aria-labelledby='confirm-decision-heading']");
        var proposal = await confirm.InnerTextAsync();
        proposal.ShouldContain("Mit 1 Auflage(n):");
        proposal.ShouldContain("Tätigkeit im Landkreis: Hausärztliche Tätigkeit im Landkreis Mansfeld-Südharz für fünf Jahre");
        proposal.ShouldContain("01.10.2027 bis 30.09.2032 (60 Monate)");
        proposal.ShouldContain("Nachweis: Bestätigung der Kassenärztlichen Vereinigung, fällig am 31.10.2028, 31.10.2029");
        proposal.ShouldContain("kann sie nicht ändern");
        (await Page.Locator("section[aria-labelledby='decision-heading']").InnerTextAsync())
            .ShouldContain("Auflage 1: Hausärztliche Tätigkeit im Landkreis Mansfeld-Südharz für fünf Jahre");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("obligation-terms-confirmation");
        await Button("Mitzeichnen (zweite Unterschrift)").ClickAsync();

        // The budget workflow approves the grant and imposes the Auflagen with it; the page waits for it, or offers to look again.
        var committed = Page.GetByText("Mittel gebunden: Der Antrag ist bewilligt");
        var lookAgain = Page.Locator("#budget-workflow").GetByRole(AriaRole.Link, new() { Name = "Erneut nachsehen" });
        for (var look = 0; look < 6; look++)
        {
            await committed.Or(lookAgain).WaitForAsync(new() { Timeout = 60_000 });
            if (await committed.IsVisibleAsync()) break;
            await lookAgain.ClickAsync();
        }

        await committed.WaitForAsync();
        await ExpectAccessibleAsync();

        var obligations = (await Fixture.Api(DemoUsers.Approver).GetAsync<ObligationsView>($"/api/applications/{application.Id}/obligations",
            cancellation: TestContext.Current.CancellationToken)).Result;
        var imposed = obligations.Obligations.ShouldHaveSingleItem();
        (imposed.Number, imposed.Kind, imposed.Months, imposed.EndsOn).ShouldBe((1, ObligationKind.PractiseInDistrict, 60, new DateOnly(2032, 9, 30)));
        imposed.Dues.Select(d => d.DueBy).ShouldBe([new DateOnly(2028, 10, 31), new DateOnly(2029, 10, 31)]);
        (await ApplicationAsync(application.Id)).Status.ShouldBe(ApplicationStatus.Approved);
    }
}
