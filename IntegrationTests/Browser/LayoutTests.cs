using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The layout: the language switch, the navigation by role, and pages that read on a phone.</summary>
public class LayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_language_switch_turns_the_desk_into_English_with_English_amounts_and_back_into_German()
    {
        await SignInAsync(DemoUsers.Caseworker);
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("de");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sprache: English" }).ClickAsync();

        await Page.GetByRole(AriaRole.Heading, new() { Name = "Desk", Level = 1 }).WaitForAsync();
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("en");
        (await Page.TitleAsync()).ShouldBe("Desk – Fachwerk");
        var rows = await Page.GetByRole(AriaRole.Table, new() { Name = "Caseworkers' queue: due date, task and application" }).Locator("tbody tr").AllInnerTextsAsync();
        rows.ShouldContain(r => r.Contains("Azubi-Speed-Dating Nienburg") && r.Contains("Check the application for completeness") && r.Contains("€20,000.00"));
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Language: Deutsch" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Arbeitsplatz", Level = 1 }).WaitForAsync();
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("de");
    }

    [Fact]
    public async Task The_navigation_follows_the_roles_and_a_user_without_a_desk_role_is_told_so()
    {
        await SignInAsync(DemoUsers.Auditor);

        var navigation = await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link).AllInnerTextsAsync();
        navigation.ShouldNotContain("Arbeitsplatz");
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Der Arbeitsplatz ist für Sachbearbeitung und Zeichnungsbefugte.");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_deputy_sees_both_queues_with_their_counts()
    {
        await SignInAsync(DemoUsers.Deputy);

        var cards = await Page.Locator(".card").AllInnerTextsAsync();
        cards.Count.ShouldBe(2);
        cards[0].ShouldContain("Aufgaben der Sachbearbeitung");
        cards[1].ShouldContain("Aufgaben der Zeichnungsbefugten");
        // The demo world's proposal waits for the approvers' confirmation.
        var approvals = await Page.GetByRole(AriaRole.Table, new() { Name = "Aufgaben der Zeichnungsbefugten: Fälligkeit, Aufgabe und Antrag" }).Locator("tbody tr").AllInnerTextsAsync();
        approvals.ShouldContain(r => r.Contains("Studienabbrecher ins Handwerk") && r.Contains("Vorgeschlagene Entscheidung bestätigen oder zurückgeben"));
        cards[1].ShouldContain($"{approvals.Count}\noffene Aufgaben");
    }

    [Fact]
    public async Task Unknown_pages_say_so_in_words()
    {
        await SignInAsync(DemoUsers.Caseworker);

        await Page.GotoAsync("/no-such-page");

        await Page.GetByRole(AriaRole.Heading, new() { Name = "Seite nicht gefunden" }).WaitForAsync();
        await ExpectAccessibleAsync();
    }
}

/// <summary>The same pages on a 390 px phone screen: readable without scrolling sideways.</summary>
public class PhoneLayoutTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected override BrowserNewContextOptions ContextOptions
    {
        get
        {
            var options = base.ContextOptions;
            options.ViewportSize = new ViewportSize { Width = 390, Height = 844 };
            return options;
        }
    }

    [Fact]
    public async Task The_desk_and_the_application_page_fit_a_390_px_screen()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – auf dem Telefon");
        await SignInAsync(DemoUsers.Caseworker);
        await ExpectNoSidewaysScrollingAsync();
        await ExpectAccessibleAsync();

        await Page.GotoAsync($"/applications/{application.Id}");
        await Page.GetByRole(AriaRole.Heading, new() { Name = application.Plan.Title, Level = 1 }).WaitForAsync();
        await ExpectNoSidewaysScrollingAsync();
        await ExpectAccessibleAsync();
    }

    private async Task ExpectNoSidewaysScrollingAsync() =>
        (await Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390, $"{Page.Url} scrolls sideways");
}
