using Fachwerk.Application.Conversations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Documents;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The conversation on the application page: messages both ways, internal notes for staff only, what is new.</summary>
public class ConversationPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Section => Page.Locator("#conversation");
    private ILocator MessageText => Page.Locator("#message-text");

    [Fact]
    public async Task The_caseworker_writes_to_the_applicant_and_keeps_an_internal_note()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Rückfrage");
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        (await Section.InnerTextAsync()).ShouldContain("Noch keine Nachrichten");
        await ExpectAccessibleAsync();

        await MessageText.FillAsync("Guten Tag,\nbitte erläutern Sie die Position Honorare.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await Page.GetByText("Ihre Nachricht ist gesendet.").WaitForAsync();
        var message = Page.Locator("#message-1");
        (await message.InnerTextAsync()).ShouldContain("Bewilligungsbehörde");
        (await message.Locator(".conversation__text").InnerTextAsync()).ShouldBe("Guten Tag,\nbitte erläutern Sie die Position Honorare.");
        await ExpectAccessibleAsync();

        await Page.Locator("#note-text").FillAsync("Honorarsätze liegen über der Richtlinie.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Notiz speichern" }).ClickAsync();
        await Page.GetByText("Ihre Notiz ist gespeichert.").WaitForAsync();
        (await Page.Locator("#note-1").InnerTextAsync()).ShouldContain("Honorarsätze liegen über der Richtlinie.");
        await ExpectAccessibleAsync();
        await Section.ScrollIntoViewIfNeededAsync();
        await ScreenshotForDocsAsync("conversation");
    }

    [Fact]
    public async Task The_applicant_reads_what_is_new_answers_and_never_sees_the_internal_notes()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Antwort");
        await CommandAsync(DemoUsers.Caseworker, "/api/internal-notes", new WriteInternalNote(0, application.Id, "Vertraulich: Träger wirkt überlastet."));
        await CommandAsync(DemoUsers.Caseworker, "/api/messages", new WriteMessage(1, application.Id, "Wie viele Betriebe nehmen teil?"));

        await SignInAsync(DemoUsers.Applicant, $"/applications/{application.Id}");
        var section = await Section.InnerTextAsync();
        section.ShouldContain("Wie viele Betriebe nehmen teil?");
        section.ShouldContain("1 neu");
        (await Page.ContentAsync()).ShouldNotContain("Vertraulich");
        (await Page.Locator("#internal-notes").CountAsync()).ShouldBe(0);
        (await Page.Locator("#note-text").CountAsync()).ShouldBe(0);
        await ExpectAccessibleAsync();

        await MessageText.FillAsync("Zwölf Betriebe aus dem Saalekreis.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await Page.GetByText("Ihre Nachricht ist gesendet.").WaitForAsync();
        (await Page.Locator("#message-2").InnerTextAsync()).ShouldContain("Antragsteller");
        // What the page showed before is read now: nothing is new any more.
        (await Section.Locator(".badge--new").CountAsync()).ShouldBe(0);
        (await Page.ContentAsync()).ShouldNotContain("Vertraulich");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_message_written_meanwhile_makes_the_form_stale_and_keeps_the_text()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Überschneidung");
        await SignInAsync(DemoUsers.Applicant, $"/applications/{application.Id}");
        await MessageText.FillAsync("Eine Frage zur Auszahlung.");
        await CommandAsync(DemoUsers.Caseworker, "/api/messages", new WriteMessage(0, application.Id, "Bitte warten Sie auf unseren Bescheid."));
        var events = await EventCountAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        var outcome = Page.Locator("#message-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Nachrichten: 0 → 1");
        (await MessageText.InputValueAsync()).ShouldBe("Eine Frage zur Auszahlung.");
        (await Section.InnerTextAsync()).ShouldContain("Bitte warten Sie auf unseren Bescheid.");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Für den aktuellen Stand erneut senden" }).ClickAsync();
        await Page.GetByText("Ihre Nachricht ist gesendet.").WaitForAsync();
        (await Page.Locator("#message-2").InnerTextAsync()).ShouldContain("Eine Frage zur Auszahlung.");
    }

    [Fact]
    public async Task The_applicant_uploads_a_file_and_sends_it_with_a_message_which_the_caseworker_downloads()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Anhang");
        await SignInAsync(DemoUsers.Applicant, $"/applications/{application.Id}");
        (await Page.Locator("#conversation fieldset").CountAsync()).ShouldBe(0, "without documents there is nothing to attach");

        var pdf = TestDocuments.Pdf();
        await Page.GetByLabel("Datei", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = "Teilnehmerliste.pdf", MimeType = "application/pdf", Buffer = pdf });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Page.GetByText("Das Dokument wurde hochgeladen.").WaitForAsync();

        await MessageText.FillAsync("Anbei die Liste der teilnehmenden Betriebe.");
        await Section.GetByRole(AriaRole.Checkbox, new() { Name = "Teilnehmerliste.pdf" }).CheckAsync();
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Nachricht senden" }).ClickAsync();
        await Page.GetByText("Ihre Nachricht ist gesendet.").WaitForAsync();
        (await Page.Locator("#message-1 .conversation__attachments").InnerTextAsync()).ShouldContain("Teilnehmerliste.pdf");

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        var attachments = Page.GetByRole(AriaRole.List, new() { Name = "Anhänge zu Nachricht 1" });
        var download = await Page.RunAndWaitForDownloadAsync(() => attachments.GetByRole(AriaRole.Link, new() { Name = "Teilnehmerliste.pdf" }).ClickAsync());
        (await File.ReadAllBytesAsync((await download.PathAsync())!, TestContext.Current.CancellationToken)).ShouldBe(pdf);
        await ExpectAccessibleAsync();
    }
}
