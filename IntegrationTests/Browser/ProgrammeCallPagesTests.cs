using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The Lower Saxony programme of the demo world: its authority, the alliances recognized in the state and its open call on the
/// programme page, the state page it links to, and the call an application was submitted to on the application page.
/// </summary>
public class ProgrammeCallPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Programme = "ESF+ Regionale Fachkräftebündnisse Niedersachsen";

    [Fact]
    public async Task Staff_see_the_programmes_authority_eligible_alliances_and_open_call_and_follow_it_to_the_state_page()
    {
        var api = Fixture.Api(DemoUsers.Caseworker);
        var programme = (await api.GetAsync<Page<ProgrammeDetails>>("/api/programmes?name=" + Uri.EscapeDataString(Programme), cancellation: TestContext.Current.CancellationToken)).Result.Items.Single();
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/programmes/{programme.Id}");

        var section = Page.Locator("#calls");
        await section.GetByRole(AriaRole.Heading, new() { Name = "Zuständigkeit, Bündnisse und Förderaufrufe" }).WaitForAsync();
        var text = await section.InnerTextAsync();
        text.ShouldContain("Niedersächsisches Ministerium für Wirtschaft, Verkehr, Bauen und Digitalisierung (Land)");
        text.ShouldContain("die in Niedersachsen anerkannten Bündnisse");
        var call = section.GetByRole(AriaRole.Row).Filter(new() { HasText = "Förderaufruf Fachkräftebündnisse" });
        (await call.InnerTextAsync()).ShouldContain("offen");
        (await call.InnerTextAsync()).ShouldContain("6.500.000,00");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("programme-calls");

        await section.GetByRole(AriaRole.Link, new() { Name = "Bündnisse und Programme in Niedersachsen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Niedersachsen", Level = 1 }).WaitForAsync();
        Page.Url.ShouldEndWith("/states/NI");
        var recognized = Page.Locator("section[aria-labelledby='recognized-heading']");
        (await recognized.InnerTextAsync()).ShouldContain("Regionales Fachkräftebündnis Leine-Weser");
        (await Page.Locator("section[aria-labelledby='programmes-heading']").GetByRole(AriaRole.Link, new() { Name = Programme }).CountAsync()).ShouldBe(1);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("state-page");
    }

    [Fact]
    public async Task The_application_page_names_the_call_the_application_was_submitted_to()
    {
        var api = Fixture.Api(DemoUsers.Caseworker);
        var summary = (await api.GetAsync<Page<ApplicationSummary>>("/api/applications?title=" + Uri.EscapeDataString("Willkommenslotsen für Geflüchtete"), cancellation: TestContext.Current.CancellationToken))
            .Result.Items.Single();
        var application = await ApplicationAsync(summary.Id);
        application.Call.ShouldNotBeNull().Name.ShouldStartWith("Förderaufruf Fachkräftebündnisse");
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{summary.Id}");

        var overview = Page.Locator("section[aria-labelledby='overview-heading']");
        await overview.WaitForAsync();
        (await overview.InnerTextAsync()).ShouldContain($"Förderaufruf\n{application.Call.Name}");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task An_unknown_state_code_shows_not_found()
    {
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, "/states/XX");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Bundesland", Level = 1 }).WaitForAsync();
        await ExpectAccessibleAsync();
    }
}
