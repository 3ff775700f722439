using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// An amendment's obligations on the application page (ADR 0129): the caseworker adds one and lifts another on the amendment form, the
/// approver confirms them as proposed, and the obligation section shows the new one and the lifted one.
/// </summary>
public class AmendmentObligationBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_caseworker_proposes_an_amendment_adding_and_lifting_obligations_and_the_approver_confirms_it()
    {
        var application = await ApprovedAsync("Landarztpraxis mit geänderter Auflage");
        var today = AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow());
        var start = today.AddMonths(2);
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{application.Id}/obligations", new ImposeObligation(application.Version,
            ObligationKind.Other, "Jährlicher Tätigkeitsbericht", start, 12, "Bericht", [start.AddMonths(12)]));
        var page = $"/applications/{application.Id}";
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, page);
        var propose = Page.Locator("section.action", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Änderungsbescheid vorschlagen" }) });
        await ExpectAccessibleAsync();

        // A new obligation with a due day before its start is answered next to the field, nothing recorded.
        var events = await EventCountAsync();
        await propose.GetByLabel("Gültig ab").FillAsync(today.ToString("yyyy-MM-dd"));
        await propose.GetByLabel("Begründung", new() { Exact = true }).FillAsync("Praxis übernimmt die Weiterbildung; Bericht entfällt.");
        await Page.Locator("#propose-amendment-new-obligation-kind").SelectOptionAsync("PractiseInDistrict");
        await Page.Locator("#propose-amendment-new-obligation-starts").FillAsync(start.ToString("yyyy-MM-dd"));
        await Page.Locator("#propose-amendment-new-obligation-months").FillAsync("60");
        await Page.Locator("#propose-amendment-new-obligation-description").FillAsync("Hausärztliche Tätigkeit im Landkreis für fünf Jahre");
        await Page.Locator("#propose-amendment-new-obligation-evidence").FillAsync("Bestätigung der Kassenärztlichen Vereinigung");
        await Page.Locator("#propose-amendment-new-obligation-dues").FillAsync(start.AddDays(-1).ToString("dd.MM.yyyy"));
        await Page.Locator("#propose-amendment-obligation-choice").SelectOptionAsync("lift-1");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Änderung vorschlagen" }).ClickAsync();
        var invalid = propose.Locator(".message--error[role=alert]");
        await invalid.WaitForAsync();
        (await invalid.InnerTextAsync()).ShouldContain("Nachweise fällig am");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await Page.Locator("#propose-amendment-new-obligation-dues").FillAsync($"{start.AddYears(1):dd.MM.yyyy}\n{start.AddYears(2):dd.MM.yyyy}");
        await ScreenshotForDocsAsync("amendment-obligations-form");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Änderung vorschlagen" }).ClickAsync();
        await DoneAsync("Änderungsbescheid vorgeschlagen");
        var pending = (await ApplicationAsync(application.Id)).PendingAmendment.ShouldNotBeNull();
        pending.Terms.NewObligations.ShouldHaveSingleItem().Months.ShouldBe(60);
        pending.Terms.LiftedObligations.ShouldBe([1]);

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Approver, page);
        var confirm = Page.Locator("section.action", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Änderungsbescheid mitzeichnen" }) });
        var facts = await confirm.InnerTextAsync();
        facts.ShouldContain("Hausärztliche Tätigkeit im Landkreis für fünf Jahre");
        facts.ShouldContain("wird aufgehoben");
        facts.ShouldContain("Wer mitzeichnet, kann sie nicht ändern");
        await ExpectAccessibleAsync();
        await Fixture.WaitForMessagesAsync(() => confirm.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnen (zweite Unterschrift)" }).ClickAsync());
        await DoneAsync("Änderungsbescheid mitgezeichnet");

        await Page.GotoAsync(page);
        var section = await Page.Locator("#obligations").InnerTextAsync();
        section.ShouldContain("aufgehoben mit Fassung 2");
        section.ShouldContain("festgelegt mit Fassung 2");
        section.ShouldContain("entfällt (aufgehoben)");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("amendment-obligations-section");
    }
}
