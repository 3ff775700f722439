using Fachwerk.Application.Applications;
using Fachwerk.Host.Development;
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

    [Fact]
    public async Task Overdue_tasks_come_first_and_say_so_in_words_with_a_warning_sign()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Entscheidung überfällig");
        await CommandAsync(DemoUsers.SecondCaseworker, $"/api/applications/{application.Id}/formal-completeness", new CompleteFormally(application.Version));
        // The programme wants a decision within 28 days of formal completeness.
        Fixture.Clock.Advance(TimeSpan.FromDays(29));

        await SignInAsync(DemoUsers.Caseworker);

        var rows = Page.GetByRole(AriaRole.Table, new() { Name = "Aufgaben der Sachbearbeitung: Fälligkeit, Aufgabe und Antrag" }).Locator("tbody tr");
        var overdue = await rows.EvaluateAllAsync<bool[]>("rows => rows.map(r => r.classList.contains('row--overdue'))");
        overdue.ShouldContain(true);
        overdue.SkipWhile(o => o).ShouldAllBe(o => !o, "overdue tasks come first");
        var row = rows.Filter(new() { HasText = application.Plan.Title });
        (await row.GetAttributeAsync("class")).ShouldBe("row--overdue");
        var due = await row.Locator(".overdue").InnerTextAsync();
        due.ShouldStartWith("⚠ überfällig seit");
        due.ShouldContain(Fachwerk.Web.Localization.Formats.InBerlin(Fixture.Clock.GetUtcNow().AddDays(-1)).ToString("dd.MM.yyyy", System.Globalization.CultureInfo.InvariantCulture));
        (await Page.Locator(".card").First.InnerTextAsync()).ShouldMatch(@"davon [1-9]\d* überfällig");
        await ExpectAccessibleAsync();
    }
}
