using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>"Request documents" on the application page: the pattern every action form follows.</summary>
public class RequestDocumentsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Documents => Page.GetByLabel("Fehlende Unterlagen");
    private ILocator Reason => Page.Locator("#request-documents-reason");
    private ILocator Outcome => Page.Locator("#request-documents-outcome");

    [Fact]
    public async Task The_caseworker_requests_documents_and_sees_the_new_status()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – Nachforderung");
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        await ExpectAccessibleAsync();

        await Documents.FillAsync("Satzung des Trägers\nKosten- und Finanzierungsplan");
        await Reason.FillAsync("Unterlagen für die Vollständigkeitsprüfung fehlen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Unterlagen nachfordern" }).ClickAsync();

        var done = Page.GetByRole(AriaRole.Status);
        await done.WaitForAsync();
        (await done.InnerTextAsync()).ShouldContain("Unterlagen nachgefordert");
        (await Page.Locator(".page-header").InnerTextAsync()).ShouldContain("Unterlagen nachgefordert");
        var requests = await Page.GetByRole(AriaRole.Table, new() { Name = "Nachforderungen und eingereichte Unterlagen" }).Locator("tbody tr").AllInnerTextsAsync();
        requests.ShouldHaveSingleItem().ShouldContain("Kosten- und Finanzierungsplan");
        var stored = await ApplicationAsync(application.Id);
        stored.Status.ShouldBe(ApplicationStatus.DocumentsRequested);
        stored.DocumentRequests.ShouldHaveSingleItem().Documents.ShouldBe(["Satzung des Trägers", "Kosten- und Finanzierungsplan"]);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Field_errors_of_the_API_show_next_to_their_field_in_German_and_keep_what_was_typed()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – leere Nachforderung");
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        var events = await EventCountAsync();

        await Documents.FillAsync("  \n ");
        await Reason.FillAsync("Bitte ergänzen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Unterlagen nachfordern" }).ClickAsync();

        await Outcome.WaitForAsync();
        (await Outcome.InnerTextAsync()).ShouldContain("Bitte korrigieren Sie Ihre Angaben");
        var fieldError = Page.Locator("#request-documents-documents-error");
        (await fieldError.InnerTextAsync()).ShouldBe("Nennen Sie mindestens eine fehlende Unterlage.");
        (await Documents.GetAttributeAsync("aria-describedby"))!.ShouldContain("request-documents-documents-error");
        (await Documents.GetAttributeAsync("aria-invalid")).ShouldBe("true");
        (await Reason.InputValueAsync()).ShouldBe("Bitte ergänzen");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_stale_form_says_what_changed_appends_nothing_and_can_be_sent_again_for_the_current_state()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – zwischenzeitlich geändert");
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        await Documents.FillAsync("Satzung des Trägers");
        await Reason.FillAsync("Satzung fehlt");

        // Meanwhile a colleague asks for documents and the applicant supplies them: the application is being checked again.
        var requested = await RequestMeanwhileAsync(application);
        await CommandAsync(DemoUsers.Applicant, $"/api/applications/{application.Id}/document-supplies",
            new SupplyDocuments(requested.Version, ["dms://finanzierungsplan"]), application.Applicant.Id);
        var events = await EventCountAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Unterlagen nachfordern" }).ClickAsync();

        await Outcome.WaitForAsync();
        var stale = await Outcome.InnerTextAsync();
        stale.ShouldContain("Der Antrag wurde geändert, seit Sie die Seite geladen haben");
        stale.ShouldContain("Nachforderungen: 0 (0 offen) → 1 (0 offen)");
        (await EventCountAsync()).ShouldBe(events);
        (await Documents.InputValueAsync()).ShouldBe("Satzung des Trägers");
        (await Reason.InputValueAsync()).ShouldBe("Satzung fehlt");
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Für den aktuellen Stand erneut senden" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).WaitForAsync();
        var now = await ApplicationAsync(application.Id);
        now.DocumentRequests.Select(r => r.Documents.Single()).ShouldBe(["Finanzierungsplan", "Satzung des Trägers"]);
        now.Status.ShouldBe(ApplicationStatus.DocumentsRequested);
    }

    [Fact]
    public async Task A_step_the_rules_no_longer_allow_is_refused_with_the_rules_message_and_the_input_kept()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – schon nachgefordert");
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        await Documents.FillAsync("Satzung des Trägers");
        await RequestMeanwhileAsync(application);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Unterlagen nachfordern" }).ClickAsync();
        await Outcome.WaitForAsync();
        (await Outcome.InnerTextAsync()).ShouldContain("Status: Eingereicht – Vollständigkeitsprüfung → Unterlagen nachgefordert");
        var events = await EventCountAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Für den aktuellen Stand erneut senden" }).ClickAsync();

        await Page.GetByText("Dieser Schritt ist nicht möglich").WaitForAsync();
        (await Outcome.InnerTextAsync()).ShouldContain("Dieser Schritt passt nicht zum aktuellen Stand des Antrags.");
        (await Documents.InputValueAsync()).ShouldBe("Satzung des Trägers");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();
    }

    private Task<CommandAccepted> RequestMeanwhileAsync(ApplicationDetails application) =>
        CommandAsync(DemoUsers.SecondCaseworker, $"/api/applications/{application.Id}/document-requests", new RequestDocuments(application.Version, ["Finanzierungsplan"]));
}
