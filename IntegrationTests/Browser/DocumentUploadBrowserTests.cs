using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Documents;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The applicant answers a document request by uploading on the application page, and downloads what was uploaded.</summary>
public class DocumentUploadBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_applicant_uploads_a_pdf_answering_a_requested_item_and_downloads_it()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Satzung hochladen");
        var requested = await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{application.Id}/document-requests",
            new RequestDocuments(application.Version, ["Satzung des Trägers"]));
        requested.Version.ShouldBe(application.Version + 1);
        await SignInAsync(DemoUsers.Applicant, $"/applications/{application.Id}");
        await ExpectAccessibleAsync();

        var pdf = TestDocuments.Pdf();
        await Page.GetByLabel("Art des Dokuments").SelectOptionAsync(new SelectOptionValue { Label = "Satzung" });
        (await Page.GetByLabel("Beantwortet die Nachforderung").InputValueAsync()).ShouldBe("1:1");
        await Page.GetByLabel("Datei", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "Satzung.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();

        var done = Page.GetByRole(AriaRole.Status);
        await done.WaitForAsync();
        (await done.InnerTextAsync()).ShouldContain("Das Dokument wurde hochgeladen.");
        var stored = await ApplicationAsync(application.Id);
        stored.Status.ShouldBe(ApplicationStatus.Submitted, "the upload answered the request's only item");
        var document = stored.Documents.ShouldHaveSingleItem();
        (document.FileName, document.Kind, document.Answers!.Document).ShouldBe(("Satzung.pdf", DocumentKind.Statutes, "Satzung des Trägers"));
        await ExpectAccessibleAsync();

        var files = Page.GetByRole(AriaRole.Table, new() { Name = "Hochgeladene Dokumente" });
        var download = await Page.RunAndWaitForDownloadAsync(() => files.GetByRole(AriaRole.Link, new() { Name = "Satzung.pdf" }).ClickAsync());
        download.SuggestedFilename.ShouldBe("Satzung.pdf");
        (await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken)).ShouldBe(pdf);
    }

    [Fact]
    public async Task A_file_of_a_type_not_accepted_is_refused_in_words_and_nothing_is_stored()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – falscher Dateityp");
        await SignInAsync(DemoUsers.Applicant, $"/applications/{application.Id}");
        var events = await EventCountAsync();

        await Page.GetByLabel("Datei", new() { Exact = true })
            .SetInputFilesAsync(new FilePayload { Name = "Satzung.pdf", MimeType = "application/pdf", Buffer = TestDocuments.Exe() });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();

        var refused = Page.GetByRole(AriaRole.Alert);
        await refused.WaitForAsync();
        (await refused.InnerTextAsync()).ShouldContain("Der Dateityp wird nicht angenommen.");
        (await EventCountAsync()).ShouldBe(events);
        (await ApplicationAsync(application.Id)).Documents.ShouldBeEmpty();
        await ExpectAccessibleAsync();
    }
}
