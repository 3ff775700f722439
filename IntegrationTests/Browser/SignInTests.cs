using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>Signing in at the development provider, signing out, a session that runs out, and the whole journey by keyboard.</summary>
public class SignInTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_development_providers_sign_in_page_lists_the_demo_users_in_German_and_says_it_is_for_development_only()
    {
        await Page.GotoAsync("/");

        (await Page.TitleAsync()).ShouldBe("Anmelden – Fachwerk (Entwicklung)");
        (await Page.Locator("html").GetAttributeAsync("lang")).ShouldBe("de");
        (await Page.GetByRole(AriaRole.Note).InnerTextAsync()).ShouldContain("nur in der Entwicklung");
        var users = await Page.Locator("button[name='demo_user']").EvaluateAllAsync<string[]>("buttons => buttons.map(b => b.value)");
        users.ShouldBe(DemoUsers.All.Select(u => u.Id).ToArray());
        (await Page.Locator($"button[value='{DemoUsers.Deputy.Id}']").InnerTextAsync()).ShouldContain("Sachbearbeitung, Zeichnungsbefugt");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Signing_out_ends_the_session_here_and_the_next_page_asks_to_sign_in_again()
    {
        await SignInAsync(DemoUsers.Caseworker);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" }).ClickAsync();

        await Page.GetByRole(AriaRole.Heading, new() { Name = "Sie sind abgemeldet" }).WaitForAsync();
        await ExpectAccessibleAsync();
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Bei Fachwerk anmelden" }).WaitForAsync();
    }

    [Fact]
    public async Task A_session_that_ran_out_signs_in_again_and_returns_to_the_page_the_user_was_on()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Sitzung abgelaufen");
        var page = $"/applications/{application.Id}";
        await SignInAsync(DemoUsers.Caseworker, page);

        Fixture.Clock.Advance(TimeSpan.FromMinutes(61));
        await Page.ReloadAsync();

        await Page.GetByRole(AriaRole.Heading, new() { Name = "Bei Fachwerk anmelden" }).WaitForAsync();
        await Page.Locator($"button[value='{DemoUsers.Caseworker.Id}']").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == page);
        await Page.GetByRole(AriaRole.Heading, new() { Name = application.Plan.Title, Level = 1 }).WaitForAsync();
    }

    [Fact]
    public async Task Signing_in_the_desk_and_requesting_documents_work_with_the_keyboard_alone_and_focus_is_always_visible()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – per Tastatur");
        await Page.GotoAsync("/");

        await TabToAsync(Page.Locator($"button[value='{DemoUsers.Caseworker.Id}']"));
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Arbeitsplatz", Level = 1 }).WaitForAsync();

        // A new page puts the focus on its heading; behind it, the skip link leads to the content.
        // (The page's script moves the focus once the page is shown: wait for it rather than look at once.)
        await Page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'");
        await TabToAsync(Page.GetByRole(AriaRole.Link, new() { Name = "Zum Inhalt springen" }), "Shift+Tab");
        await Page.Keyboard.PressAsync("Enter");
        await Page.WaitForFunctionAsync("() => document.activeElement?.id === 'main'");
        await TabToAsync(Page.GetByRole(AriaRole.Link, new() { Name = application.Plan.Title }));
        await Page.Keyboard.PressAsync("Enter");
        await Page.GetByRole(AriaRole.Heading, new() { Name = application.Plan.Title, Level = 1 }).WaitForAsync();

        await TabToAsync(Page.GetByLabel("Fehlende Unterlagen"));
        await Page.Keyboard.TypeAsync("Satzung des Trägers");
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Tab");
        (await Focused()).ShouldBe("Unterlagen nachfordern");
        await Page.Keyboard.PressAsync("Enter");

        await Page.GetByRole(AriaRole.Status).WaitForAsync();
        (await ApplicationAsync(application.Id)).DocumentRequests.ShouldHaveSingleItem().Documents.ShouldBe(["Satzung des Trägers"]);
    }
}
