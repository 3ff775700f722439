using System.Security.Cryptography;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>A change notice on the application page: the caseworker proposes it, the approver confirms it, the versions show what changed (ADR 0121).</summary>
public class AmendmentBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Versions => Page.Locator("#decision-versions");

    [Fact]
    public async Task The_caseworker_proposes_a_raise_the_approver_confirms_it_and_the_page_shows_both_versions()
    {
        var application = await ApprovedAsync("Orientierungstage mit Änderungsbescheid");
        var page = $"/applications/{application.Id}";
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, page);
        var propose = Page.Locator("section.action", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Änderungsbescheid vorschlagen" }) });
        var events = await EventCountAsync();

        // Without a reason the form answers in German and nothing is recorded.
        await propose.GetByLabel("Gültig ab").FillAsync(AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow()).ToString("yyyy-MM-dd"));
        await propose.GetByLabel("Neue bewilligte Summe (EUR)").FillAsync("56000");
        await propose.GetByLabel("Zuwendungsfähige Ausgaben (EUR)").FillAsync("70000");
        await propose.GetByLabel("Eigenanteil (EUR)").FillAsync("14000");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Änderung vorschlagen" }).ClickAsync();
        var invalid = propose.Locator(".message--error[role=alert]");
        await invalid.WaitForAsync();
        (await invalid.InnerTextAsync()).ShouldContain("Begründung");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await propose.GetByLabel("Begründung", new() { Exact = true }).FillAsync("Zwei zusätzliche Module auf Antrag des Trägers.");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Änderung vorschlagen" }).ClickAsync();
        await DoneAsync("Änderungsbescheid vorgeschlagen");
        (await Versions.InnerTextAsync()).ShouldContain("wartet auf die Mitzeichnung");
        (await Page.GetByRole(AriaRole.Heading, new() { Name = "Änderungsbescheid mitzeichnen" }).CountAsync()).ShouldBe(0, "an approver confirms");
        await ExpectAccessibleAsync();

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Approver, page);
        var confirm = Page.Locator("section.action", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Änderungsbescheid mitzeichnen" }) });
        (await confirm.InnerTextAsync()).ShouldContain("Zwei zusätzliche Module");
        await ExpectAccessibleAsync();
        await Fixture.WaitForMessagesAsync(() => confirm.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnen (zweite Unterschrift)" }).ClickAsync());
        await DoneAsync("Änderungsbescheid mitgezeichnet");

        var amended = await ApplicationAsync(application.Id);
        amended.ApprovedAmount.ShouldBe(56_000m);
        amended.DecisionVersions.Select(v => v.Amount).ShouldBe([50_000m, 56_000m]);
        await Page.GotoAsync(page);
        var rows = Versions.Locator("tbody tr");
        (await rows.CountAsync()).ShouldBe(2);
        var second = await rows.Nth(1).InnerTextAsync();
        second.ShouldContain("Summe, Finanzierungsplan");
        second.ShouldContain($"{DemoUsers.Caseworker.Id} / {DemoUsers.Approver.Id}");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("decision-versions");

        // The change notice of version 2 opens from its row: the stored PDF, saying what changed.
        var notice = amended.Documents.Single(d => d.Kind == DocumentKind.ChangeNotice);
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            rows.Nth(1).GetByRole(AriaRole.Link, new() { Name = "Änderungsbescheid, Fassung 2 (PDF)" }).ClickAsync());
        download.SuggestedFilename.ShouldBe(notice.FileName);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(notice.Sha256);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        text.ShouldContain("Zuwendung: neu 56.000,00 EUR (bisher 50.000,00 EUR)");
        text.ShouldContain("Zwei zusätzliche Module auf Antrag des Trägers.");
        (await rows.Nth(0).InnerTextAsync()).ShouldNotContain("Änderungsbescheid, Fassung", customMessage: "the approval has its decision letter above");
    }

    [Fact]
    public async Task A_change_notice_moves_a_proof_of_use_due_date_and_the_proofs_follow_it_once_confirmed()
    {
        var application = await ApprovedAsync("Orientierungstage mit neuer Nachweisfrist");
        var proof = application.Funding!.ProofsOfUse.First(p => p.SubmittedAt is null);
        var later = proof.DueBy.AddMonths(2);
        var page = $"/applications/{application.Id}";
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, page);
        var propose = Page.Locator("section.action", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Änderungsbescheid vorschlagen" }) });
        var dueBy = propose.GetByLabel($"{proof.Proof}: neue Frist");
        (await dueBy.InputValueAsync()).ShouldBeEmpty("a proof left empty keeps its due date");
        (await propose.InnerTextAsync()).ShouldContain($"Bisher fällig bis {proof.DueBy:dd.MM.yyyy}.");

        await propose.GetByLabel("Gültig ab").FillAsync(AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow()).ToString("yyyy-MM-dd"));
        await dueBy.FillAsync(later.ToString("yyyy-MM-dd"));
        await propose.GetByLabel("Begründung", new() { Exact = true }).FillAsync("Der Träger hat wegen Personalwechsels um Aufschub gebeten.");
        await propose.GetByRole(AriaRole.Button, new() { Name = "Änderung vorschlagen" }).ClickAsync();
        await DoneAsync("Änderungsbescheid vorgeschlagen");
        (await ApplicationAsync(application.Id)).Funding!.ProofsOfUse.First(p => p.Proof == proof.Proof).DueBy.ShouldBe(proof.DueBy, "not before the second signature");
        await ExpectAccessibleAsync();

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Approver, page);
        var confirm = Page.Locator("section.action", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Änderungsbescheid mitzeichnen" }) });
        await Fixture.WaitForMessagesAsync(() => confirm.GetByRole(AriaRole.Button, new() { Name = "Mitzeichnen (zweite Unterschrift)" }).ClickAsync());
        await DoneAsync("Änderungsbescheid mitgezeichnet");

        (await ApplicationAsync(application.Id)).Funding!.ProofsOfUse.First(p => p.Proof == proof.Proof).DueBy.ShouldBe(later);
        await Page.GotoAsync(page);
        (await Versions.Locator("tbody tr").Nth(1).InnerTextAsync()).ShouldContain("Nachweisfristen");
        await ExpectAccessibleAsync();
    }
}
