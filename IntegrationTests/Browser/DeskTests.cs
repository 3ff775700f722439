using Fachwerk.Host.Authentication;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

public class DeskTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_caseworker_signs_in_through_the_provider_and_sees_the_demo_worlds_cases_on_the_desk()
    {
        await SignInAsync(DemoUsers.Caseworker);

        await Page.GetByRole(AriaRole.Heading, new() { Name = "Arbeitsplatz", Level = 1 }).WaitForAsync();
        (await Page.TitleAsync()).ShouldBe("Arbeitsplatz – Fachwerk");
        (await Page.Locator("header").InnerTextAsync()).ShouldContain("Sabine Sachbearbeitung");
        var queue = Page.GetByRole(AriaRole.Table, new() { Name = "Aufgaben der Sachbearbeitung: Fälligkeit, Aufgabe und Antrag" });
        var rows = await queue.Locator("tbody tr").AllInnerTextsAsync();
        rows.ShouldContain(r => r.Contains("Azubi-Speed-Dating Nienburg") && r.Contains("Antrag auf Vollständigkeit prüfen") && r.Contains("20.000,00\u00a0€"));
        await ExpectAccessibleAsync();
    }
}
