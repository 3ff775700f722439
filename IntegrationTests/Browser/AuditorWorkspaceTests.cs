using System.IO.Compression;
using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The auditor's workspace (issue 20): find a case, step through its history, open it as of an earlier moment, compare two
/// versions, read its decisions beside the versions they judged, verify the chains and compare with an earlier digest, read
/// the rule findings, download the case file; every page through the API as the auditor, and accessible.
/// </summary>
public class AuditorWorkspaceTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_auditor_finds_a_demo_case_steps_through_its_history_reads_its_decisions_and_downloads_its_case_file()
    {
        await SignInAsync(DemoUsers.Auditor, "/audit");
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link, new() { Name = "Prüfung" }).WaitForAsync();
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Vorgang suchen").FillAsync("Expedition Job");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Expedition Job", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Verlauf: Förderantrag" }).WaitForAsync();
        var events = Page.Locator("table.data tbody tr");
        (await events.CountAsync()).ShouldBeGreaterThan(5);
        (await events.First.InnerTextAsync()).ShouldContain("Förderantrag angelegt");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("audit-history");

        // Filtered by kind: only the submission.
        await Page.GetByLabel("Art des Ereignisses").SelectOptionAsync("application_submitted");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Filtern" }).ClickAsync();
        await Page.WaitForURLAsync(url => url.Contains("kind=application_submitted", StringComparison.Ordinal));
        (await events.CountAsync()).ShouldBe(1);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Förderantrag eingereicht: Stand nach Version 2 ansehen" }).ClickAsync();

        // As of the submission: the banner, no approved amount yet; a step on, and the comparison of the two.
        var banner = Page.GetByRole(AriaRole.Note);
        (await banner.InnerTextAsync()).ShouldContain("Stand vom");
        (await banner.InnerTextAsync()).ShouldContain("Version 2 von");
        var financing = Page.Locator("section[aria-labelledby='financing-heading']");
        (await financing.InnerTextAsync()).ShouldContain("50.000,00");
        (await financing.InnerTextAsync()).ShouldNotContain("Bewilligter Betrag");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("audit-as-of");
        await banner.GetByRole(AriaRole.Link, new() { Name = "Nächste Änderung" }).ClickAsync();
        await Page.GetByText("Version 3 von").WaitForAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Mit dem heutigen Stand vergleichen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Versionen vergleichen: Expedition Job" }).WaitForAsync();
        var approved = Page.Locator("table.data tbody tr", new() { Has = Page.GetByRole(AriaRole.Rowheader, new() { Name = "Bewilligter Betrag" }) });
        // Today's amount: approved at 48,000 EUR and raised by the demo's amendment (ADR 0121).
        (await approved.InnerTextAsync()).ShouldContain("50.000,00");
        (await approved.InnerTextAsync()).ShouldContain("geändert");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("audit-compare");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Votum und Entscheidungen" }).First.ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Votum und Entscheidungen: Expedition Job" }).WaitForAsync();
        (await Page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Antrag in Version \\d+ ansehen$") }).CountAsync())
            .ShouldBeGreaterThan(0);
        await ExpectAccessibleAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Aktenauszug herunterladen (ZIP)" }).ClickAsync());
        using (var archive = ZipFile.OpenRead(await download.PathAsync()))
            archive.Entries.Select(e => e.Name).ShouldContain(CaseFiles.JsonName);
        download.SuggestedFilename.ShouldEndWith(".zip");

        await Page.GetByRole(AriaRole.Link, new() { Name = "Hash-Kette dieses Vorgangs prüfen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Prüfung starten" }).ClickAsync();
        (await Page.Locator("#verification-result").InnerTextAsync()).ShouldContain("Alle geprüften Ketten sind unversehrt.");
        (await Page.Locator("#verification-result").InnerTextAsync()).ShouldContain("1 Vorgänge");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task An_auditor_opens_a_case_as_of_an_earlier_day_and_sees_the_amount_it_had_then()
    {
        var submitted = await SubmittedApplicationAsync("Prüfpfad Werkstatttage " + Guid.NewGuid().ToString("N")[..6]);
        var before = Fachwerk.Web.Localization.Formats.InBerlin(Fixture.Clock.GetUtcNow()).AddMinutes(1);
        Fixture.Clock.Advance(TimeSpan.FromDays(3));
        var plan = submitted.Plan with { RequestedAmount = 45_000m, OwnContribution = 17_500m };
        (await Fixture.Api(DemoUsers.Applicant, submitted.Applicant.Id)
            .SendAsync<CommandAccepted>(HttpMethod.Put, $"/api/applications/{submitted.Id}/plan", new AmendApplication(submitted.Version, plan),
                cancellation: TestContext.Current.CancellationToken)).Result
            .ShouldNotBeNull();

        await SignInAsync(DemoUsers.Auditor, $"/audit/applications/{submitted.Id}/as-of");
        (await Page.Locator("section[aria-labelledby='financing-heading']").InnerTextAsync()).ShouldContain("45.000,00");
        await Page.GetByLabel("Tag").FillAsync(before.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByLabel("Uhrzeit").FillAsync(before.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Stand anzeigen" }).ClickAsync();

        await Page.GetByText("Version 2 von 3").WaitForAsync();
        (await Page.Locator("section[aria-labelledby='financing-heading']").InnerTextAsync()).ShouldContain("50.000,00");
        (await Page.GetByRole(AriaRole.Note).GetByRole(AriaRole.Link, new() { Name = "Nächste Änderung" }).CountAsync()).ShouldBe(1);
        await ExpectAccessibleAsync();

        // A moment before the case existed is explained, not an error page.
        await Page.GetByLabel("Tag").FillAsync("2001-01-01");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Stand anzeigen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Stand zu einem Zeitpunkt", Level = 1 }).WaitForAsync();
        await ExpectAccessibleAsync();

        // Another record's id in the address: its history is offered, not a broken page.
        await Page.GotoAsync($"/audit/applications/{submitted.Alliance.Id}/as-of");
        await Page.GetByText("Diesen Vorgang gibt es hier nur als Verlauf").WaitForAsync();
    }

    [Fact]
    public async Task An_auditor_verifies_every_chain_downloads_the_digest_compares_it_and_reads_the_rule_findings()
    {
        await SignInAsync(DemoUsers.Auditor, "/audit/integrity");
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Prüfung starten" }).ClickAsync();
        (await Page.Locator("#verification-result").InnerTextAsync()).ShouldContain("Alle geprüften Ketten sind unversehrt.");
        await ExpectAccessibleAsync();

        var download = await Page.RunAndWaitForDownloadAsync(() => Page.GetByRole(AriaRole.Link, new() { Name = "Prüfsumme herunterladen (JSON)" }).ClickAsync());
        var path = await download.PathAsync();
        using (var digest = JsonDocument.Parse(await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)))
            digest.RootElement.GetProperty("intact").GetBoolean().ShouldBeTrue();

        await Page.GetByLabel("Frühere Prüfsumme (JSON-Datei)").SetInputFilesAsync(path);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
        (await Page.Locator("#comparison-result").InnerTextAsync()).ShouldContain("Nichts, was die frühere Prüfsumme erfasst, wurde seither verändert.");
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Frühere Prüfsumme (JSON-Datei)").SetInputFilesAsync(new FilePayload
        {
            Name = "digest.json", MimeType = "application/json", Buffer = "{\"not\": \"a digest\"}"u8.ToArray(),
        });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Vergleichen" }).ClickAsync();
        await Page.GetByText("Die Datei ist keine Prüfsumme von Fachwerk.").WaitForAsync();
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Regelprüfung" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Regelprüfung", Level = 1 }).WaitForAsync();
        await ExpectAccessibleAsync();
    }
}
