using CsvHelper;
using Fachwerk.Application.Experts;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The directory of external experts in the browser (ADR 0130): an administrator enters an expert, changes the entry and withdraws
/// them; staff read the directory filtered and as CSV; Erika Expertin of the demo world is listed.
/// </summary>
public class ExpertDirectoryPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_administrator_enters_changes_and_withdraws_an_expert_and_a_caseworker_reads_the_directory()
    {
        var userId = $"gutachter.{Guid.NewGuid():N}"[..22];
        await SignInAsync(DemoUsers.Administrator, "/experts");
        var table = Page.Locator("table.data");
        (await table.InnerTextAsync()).ShouldContain("Prof. Dr. Erika Expertin");
        await ExpectAccessibleAsync();

        // Bad input is named at its field, nothing is entered (an e-mail address the browser itself checks: the field's type is email).
        await Page.GetByLabel("Benutzerkennung").FillAsync(userId);
        await Page.Locator("#register-expert-name").FillAsync("Dr. Gerd Gutachter");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aufnehmen" }).ClickAsync();
        await Page.Locator("#register-expert-outcome").WaitForAsync();
        (await Page.Locator("#register-expert-outcome").InnerTextAsync()).ShouldContain("Fachgebiet");
        await ExpectAccessibleAsync();

        await Page.Locator("#register-expert-fields").FillAsync("Berufliche Bildung\nEvaluation");
        await Page.Locator("#register-expert-email").FillAsync("gerd@example.org");
        await Page.Locator("#register-expert-affiliation").FillAsync("Institut für Berufsbildung");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Aufnehmen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "In das Verzeichnis aufgenommen." }).WaitForAsync();
        var row = table.GetByRole(AriaRole.Row).Filter(new() { HasText = userId });
        (await row.InnerTextAsync()).ShouldContain("Berufliche Bildung, Evaluation");
        (await row.InnerTextAsync()).ShouldContain("Aktiv");

        // Change the entry: the form opens with the entry filled in.
        await row.GetByRole(AriaRole.Link, new() { Name = "Eintrag von Dr. Gerd Gutachter bearbeiten" }).ClickAsync();
        var fields = Page.Locator("#change-expert-fields");
        (await fields.InputValueAsync()).ShouldBe("Berufliche Bildung\nEvaluation");
        await ExpectAccessibleAsync();
        await fields.FillAsync("Berufliche Bildung\nFachkräftesicherung");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Eintrag speichern" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Eintrag geändert." }).WaitForAsync();
        (await table.GetByRole(AriaRole.Row).Filter(new() { HasText = userId }).InnerTextAsync()).ShouldContain("Fachkräftesicherung");

        // Withdraw, with the reason.
        await table.GetByRole(AriaRole.Row).Filter(new() { HasText = userId })
            .GetByRole(AriaRole.Link, new() { Name = "Eintrag von Dr. Gerd Gutachter bearbeiten" }).ClickAsync();
        await Page.Locator("#withdraw-expert-reason").FillAsync("Rahmenvertrag ausgelaufen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zurückziehen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Aus dem Verzeichnis zurückgezogen." }).WaitForAsync();
        (await table.GetByRole(AriaRole.Row).Filter(new() { HasText = userId }).InnerTextAsync()).ShouldContain("Zurückgezogen am");
        var entry = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<IReadOnlyList<ExpertEntry>>("/api/experts",
            cancellation: TestContext.Current.CancellationToken)).Result.Single(e => e.UserId == userId);
        (entry.Active, entry.WithdrawalReason, entry.Version).ShouldBe((false, "Rahmenvertrag ausgelaufen", 3L));

        // A caseworker reads the directory, filtered to the active experts of a field, and takes it along as CSV; no forms for her.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, "/experts");
        (await Page.Locator("#register-expert-heading").CountAsync()).ShouldBe(0);
        await Page.GetByLabel("Fachgebiet").FillAsync("arbeitsmarktpolitik");
        await Page.GetByLabel("Status").SelectOptionAsync("true");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("active=true", StringComparison.Ordinal));
        (await table.InnerTextAsync()).ShouldContain("Prof. Dr. Erika Expertin");
        (await table.InnerTextAsync()).ShouldNotContain(userId);
        await ScreenshotForDocsAsync("expert-directory");
        await ExpectAccessibleAsync();
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Tabelle Gutachterverzeichnis als CSV herunterladen" }).ClickAsync());
        using var csv = CsvReader.Create(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        var names = new List<string>();
        while (csv.Read())
        {
            csv.GetString("Status").ShouldBe("Aktiv");
            names.Add(csv.GetString("Name")!);
        }

        names.ShouldContain("Prof. Dr. Erika Expertin");
    }
}
