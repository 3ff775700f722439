using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using JasperFx.Events;
using Marten;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The UI is a client of the API: a button does what the API call does, and a forged button is refused by the API.</summary>
public class CommandPathTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_same_action_through_the_UI_and_through_the_API_leaves_the_same_events_with_the_same_metadata()
    {
        var throughUi = await SubmittedApplicationAsync("Orientierungstage Halle – über die Oberfläche");
        var throughApi = await SubmittedApplicationAsync("Orientierungstage Halle – über die API");
        var correlation = Guid.NewGuid().ToString();
        await Page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["X-Correlation-ID"] = correlation });

        await SignInAsync(DemoUsers.Caseworker, $"/applications/{throughUi.Id}");
        await Page.GetByLabel("Fehlende Unterlagen").FillAsync("Satzung des Trägers\nFinanzierungsplan");
        await Page.Locator("#request-documents-reason").FillAsync("Unterlagen für die Prüfung fehlen");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Unterlagen nachfordern" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).WaitForAsync();
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{throughApi.Id}/document-requests",
            new RequestDocuments(throughApi.Version, ["Satzung des Trägers", "Finanzierungsplan"], "Unterlagen für die Prüfung fehlen"));

        var ui = await EventsAfterAsync(throughUi);
        var api = await EventsAfterAsync(throughApi);
        ui.Select(e => e.EventTypeName).ShouldBe(api.Select(e => e.EventTypeName));
        var (uiRequest, apiRequest) = (ui.Single(), api.Single());
        Comparable((DocumentsRequested)uiRequest.Data).ShouldBe(Comparable((DocumentsRequested)apiRequest.Data));
        uiRequest.UserName.ShouldBe(DemoUsers.Caseworker.Id);
        uiRequest.UserName.ShouldBe(apiRequest.UserName);
        Header(uiRequest, "command").ShouldBe("RequestDocuments");
        Header(uiRequest, "command").ShouldBe(Header(apiRequest, "command"));
        Header(uiRequest, "reason").ShouldBe("Unterlagen für die Prüfung fehlen");
        Header(uiRequest, "reason").ShouldBe(Header(apiRequest, "reason"));
        uiRequest.Headers!.Keys.Order().ShouldBe(apiRequest.Headers!.Keys.Order());
        // The page request's correlation id travels with the button's command.
        uiRequest.CorrelationId.ShouldBe(correlation);
        apiRequest.CorrelationId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_proposal_through_the_UI_and_through_the_API_leaves_the_same_event_with_the_same_user_command_and_reason()
    {
        var throughUi = await FormallyCompleteAsync("Orientierungstage Halle – Vorschlag über die Oberfläche");
        var throughApi = await FormallyCompleteAsync("Orientierungstage Halle – Vorschlag über die API");

        await SignInAsync(DemoUsers.Caseworker, $"/applications/{throughUi.Id}");
        await Page.GetByLabel("Bewilligter Betrag (EUR)").FillAsync("45000.5");
        await Page.GetByLabel("Auflagen und Nebenbestimmungen (optional)").FillAsync("Teilnehmendenliste\nZwischenbericht zum 30. April");
        await Page.GetByLabel("Bis zum Verwendungsnachweis einbehaltene Rate (EUR, optional)").FillAsync("4500");
        await Page.GetByLabel("Fälligkeiten der Zwischennachweise (optional)").FillAsync("30.04.2027");
        await Page.Locator("#propose-decision-reason").FillAsync("Bedarf belegt, Kosten plausibel");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entscheidung vorschlagen", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).WaitForAsync();
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{throughApi.Id}/decision-proposal",
            new ProposeDecision(throughApi.Version, DecisionKind.Approve, 45_000.5m, ["Teilnehmendenliste", "Zwischenbericht zum 30. April"],
                Reason: "Bedarf belegt, Kosten plausibel", RetainedFinalInstalment: 4_500m, InterimProofDueDates: [new DateOnly(2027, 4, 30)]));

        var (ui, api) = ((await EventsAfterAsync(throughUi)).Single(), (await EventsAfterAsync(throughApi)).Single());
        Comparable((DecisionProposed)ui.Data).ShouldBe(Comparable((DecisionProposed)api.Data));
        ((DecisionProposed)ui.Data).Amount.ShouldBe(45_000.5m);
        (ui.UserName, Header(ui, "command"), Header(ui, "reason")).ShouldBe((DemoUsers.Caseworker.Id, nameof(ProposeDecision), "Bedarf belegt, Kosten plausibel"));
        (api.UserName, Header(api, "command"), Header(api, "reason")).ShouldBe((ui.UserName, Header(ui, "command"), Header(ui, "reason")));
        ui.Headers!.Keys.Order().ShouldBe(api.Headers!.Keys.Order());
    }

    [Fact]
    public async Task A_forged_request_documents_form_of_an_approver_is_refused_by_the_API_and_appends_nothing()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage Halle – gefälschtes Formular");
        await SignInAsync(DemoUsers.Approver, $"/applications/{application.Id}");
        (await Page.GetByLabel("Fehlende Unterlagen").CountAsync()).ShouldBe(0, "the approver is not offered the caseworker's action");
        var events = await EventCountAsync();

        // The form the approver was never shown, posted with the page's own antiforgery token.
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "request-documents",
            ["Form.Documents"] = "Satzung des Trägers",
            ["Form.ExpectedVersion"] = application.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });

        var outcome = Page.Locator("#request-documents-outcome");
        await outcome.WaitForAsync();
        var refusal = await outcome.InnerTextAsync();
        refusal.ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        refusal.ShouldContain("erfordert die Rolle Sachbearbeitung");
        refusal.ShouldContain("Sie sind angemeldet mit: Zeichnungsbefugnis");
        (await EventCountAsync()).ShouldBe(events);
        (await ApplicationAsync(application.Id)).Status.ShouldBe(ApplicationStatus.Submitted);
        await ExpectAccessibleAsync();
    }

    /// <summary>The event's data as JSON, its ids and times aside (the deadline as its distance from the recording).</summary>
    private static string Comparable(DocumentsRequested requested) => JsonSerializer.Serialize(
        requested with { ApplicationId = Guid.Empty, DueBy = DateTimeOffset.UnixEpoch + (requested.DueBy - requested.RecordedAt), RecordedAt = DateTimeOffset.UnixEpoch },
        ApiJson.Options);

    private static string Comparable(DecisionProposed proposed) =>
        JsonSerializer.Serialize(proposed with { ApplicationId = Guid.Empty, RecordedAt = DateTimeOffset.UnixEpoch }, ApiJson.Options);

    private static string? Header(IEvent e, string name) => e.Headers is { } headers && headers.TryGetValue(name, out var value) ? value?.ToString() : null;

    private async Task<IReadOnlyList<IEvent>> EventsAfterAsync(ApplicationDetails submitted)
    {
        await using var session = Fixture.Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(submitted.Id, token: TestContext.Current.CancellationToken);
        return [.. events.Where(e => e.Version > submitted.Version)];
    }
}
