using System.Security.Cryptography;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The applicant finds the decision letter in the decision section of the application page and downloads it (ADR 0104).</summary>
public class DecisionLetterBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_applicant_downloads_the_decision_letter_from_the_decision_section()
    {
        var application = await ApprovedAsync("Orientierungstage Halle – Zuwendungsbescheid");
        var letter = application.Documents.Single(d => d.Kind == DocumentKind.DecisionLetter);
        await SignInAsync(DemoUsers.Applicant, $"/applications/{application.Id}");

        var decision = Page.Locator("section[aria-labelledby=decision-heading]");
        var link = decision.GetByRole(AriaRole.Link, new() { Name = $"Bescheid herunterladen ({letter.FileName})" });
        (await decision.InnerTextAsync()).ShouldContain(letter.Sha256);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("decision-letter");

        var download = await Page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        download.SuggestedFilename.ShouldBe(letter.FileName);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        Convert.ToHexStringLower(SHA256.HashData(bytes)).ShouldBe(letter.Sha256);
        bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8).ShouldBeTrue();
    }
}
