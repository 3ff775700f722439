using Fachwerk.Domain.Common;
using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Documents;
using Fachwerk.Web.Applications.Actions;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The applicant's portal in the browser (docs/portal.md): the start page with what is asked now, drafting, editing and
/// submitting an application with an attachment, answering a document request by upload, requesting money, and the decision.
/// </summary>
public class PortalTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task An_applicant_drafts_in_the_portal_attaches_a_financing_plan_changes_the_plan_and_submits()
    {
        await SignInAsync(DemoUsers.Applicant, "/portal");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Mein Portal", Level = 1 }).WaitForAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Haus Steinstraße e.V.");
        var programmes = Page.GetByRole(AriaRole.Table, new() { Name = "Förderprogramme, die Anträge annehmen" });
        (await programmes.InnerTextAsync()).ShouldContain("Regionaler Arbeitsmarktkreis Mansfeld-Südharz");
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Neuen Antrag anlegen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Antrag anlegen", Level = 1 }).WaitForAsync();
        await ExpectAccessibleAsync();
        var title = "Werkstatttage Halle " + Guid.NewGuid().ToString("N")[..6];
        await Page.GetByLabel("Förderprogramm").SelectOptionAsync(new SelectOptionValue { Label = await OptionStartingWith("#portal-plan-programme", "Regionaler Arbeitsmarktkreis Mansfeld-Südharz") });
        await Page.GetByLabel("Wo das Vorhaben stattfindet").SelectOptionAsync(new SelectOptionValue { Label = "Halle (Saale) (Fachkräfteallianz Sachsen-Anhalt Süd)" });
        await Page.GetByLabel("Titel des Vorhabens").FillAsync(title);
        await Page.GetByLabel("Beschreibung", new() { Exact = true }).FillAsync("Werkstatttage im Handwerk für Jugendliche ohne Ausbildungsplatz.");
        await Page.GetByLabel("Beginn", new() { Exact = true }).FillAsync("2027-02-01");
        await Page.GetByLabel("Ende", new() { Exact = true }).FillAsync("2027-11-30");
        await Page.GetByLabel("Förderfähige Gesamtkosten").FillAsync("40000");
        await Page.GetByLabel("Beantragte Förderung").FillAsync("32000");
        await Page.GetByLabel("Eigenanteil", new() { Exact = true }).FillAsync("7000");
        await Page.GetByLabel("Drittmittel", new() { Exact = true }).FillAsync("0");
        await Page.GetByLabel("Junge Menschen").CheckAsync();
        await Page.GetByLabel("Geplante Teilnehmende").FillAsync("24");
        var events = await EventCountAsync();

        // The lines do not add up: refused beside the costs, in German, with everything typed kept and nothing recorded.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        var outcome = Page.Locator("#portal-plan-outcome");
        await outcome.WaitForAsync();
        (await Page.Locator("#portal-plan-total-error").InnerTextAsync()).ShouldContain("Der Finanzierungsplan geht nicht auf");
        (await Page.GetByLabel("Titel des Vorhabens").InputValueAsync()).ShouldBe(title);
        (await Page.Locator("#portal-plan-balance").InnerTextAsync()).ShouldContain("Die Finanzierung ergibt 39.000,00\u00a0€, die Kosten betragen 40.000,00\u00a0€.");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        // Checked again as the user types.
        await Page.GetByLabel("Eigenanteil", new() { Exact = true }).FillAsync("8000");
        await Page.Locator("#portal-plan-balance", new() { HasText = "Die Finanzierung ergibt die Kosten (40.000,00\u00a0€). Eigenanteil: 20\u00a0%." }).WaitForAsync();
        await ScreenshotForDocsAsync("portal-draft");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await DoneAsync("Projektplan gespeichert.");
        var id = Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[2]);
        var drafted = await ApplicationAsync(id);
        (drafted.Status, drafted.Plan.Title, drafted.Plan.OwnContribution, drafted.District).ShouldBe((ApplicationStatus.Draft, title, 8_000m, "Halle (Saale)"));
        drafted.Plan.TargetGroups.ShouldBe([Fachwerk.Domain.Alliances.TargetGroup.YoungPeople]);
        await ExpectAccessibleAsync();

        // An attachment to the draft, by upload.
        await UploadPdfAsync("Finanzierungsplan", "Finanzierungsplan.pdf");

        // Editing again carries the version the page read.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Projektplan ändern" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Projektplan ändern", Level = 1 }).WaitForAsync();
        (await Page.GetByLabel("Eigenanteil", new() { Exact = true }).InputValueAsync()).ShouldBe("8000");
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Geplante Teilnehmende").FillAsync("30");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await DoneAsync("Projektplan gespeichert.");
        (await ApplicationAsync(id)).Plan.PlannedParticipants.ShouldBe(30);

        await Page.GetByRole(AriaRole.Button, new() { Name = "Einreichen", Exact = true }).ClickAsync();
        await DoneAsync("Antrag eingereicht.");
        await ExpectAccessibleAsync();
        var submitted = await ApplicationAsync(id);
        submitted.Status.ShouldBe(ApplicationStatus.Submitted);
        submitted.Documents.ShouldHaveSingleItem().Kind.ShouldBe(DocumentKind.FinancingPlan);

        // The portal lists it with its status.
        await Page.GotoAsync("/");
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        var applications = Page.GetByRole(AriaRole.Table, new() { Name = "Die Anträge Ihrer Organisation, die neuesten zuerst" });
        (await applications.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).InnerTextAsync()).ShouldContain("Eingereicht");
    }

    [Fact]
    public async Task The_portal_asks_for_the_requested_documents_and_the_money_and_the_applicant_answers_by_upload_and_requests_a_payment()
    {
        var requested = await SubmittedApplicationAsync("Orientierungstage Halle – Nachforderung im Portal");
        await CommandAsync(DemoUsers.Caseworker, $"/api/applications/{requested.Id}/document-requests", new RequestDocuments(requested.Version, ["Satzung des Trägers"]));
        var approved = await ApprovedAsync("Orientierungstage Halle – Abruf im Portal");

        await SignInAsync(DemoUsers.Applicant, "/portal");
        var asks = Page.GetByRole(AriaRole.Table, new() { Name = "Was jetzt von Ihnen erwartet wird, das Dringendste zuerst" });
        var documentsAsk = asks.GetByRole(AriaRole.Row).Filter(new() { HasText = "Orientierungstage Halle – Nachforderung im Portal" });
        (await documentsAsk.InnerTextAsync()).ShouldContain("Nachgeforderte Unterlagen einreichen");
        (await asks.GetByRole(AriaRole.Row).Filter(new() { HasText = "Orientierungstage Halle – Abruf im Portal" }).AllInnerTextsAsync())
            .ShouldContain(row => row.Contains("Sie können Mittel abrufen: 50.000,00\u00a0€ bewilligt und noch nicht abgerufen", StringComparison.Ordinal));
        await ScreenshotForDocsAsync("portal");
        await ExpectAccessibleAsync();

        // The document request, answered by upload.
        await documentsAsk.GetByRole(AriaRole.Link).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Orientierungstage Halle – Nachforderung im Portal", Level = 1 }).WaitForAsync();
        await UploadPdfAsync("Satzung", "Satzung.pdf");
        (await ApplicationAsync(requested.Id)).Status.ShouldBe(ApplicationStatus.Submitted, "the upload answered the request's only item");

        // The approved application: the decision, and the payment request with its rules explained before sending.
        await Page.GotoAsync($"/applications/{approved.Id}");
        var decision = await Page.GetByRole(AriaRole.Table, new() { Name = "Entscheidungsvorschläge und ihr Ergebnis (Vier-Augen-Prinzip)" }).InnerTextAsync();
        decision.ShouldContain("50.000,00\u00a0€");
        decision.ShouldContain("bestätigt");
        var form = Page.Locator("section.action", new() { HasText = "Mittel abrufen" });
        var rules = await form.Locator("#request-payment-rules").InnerTextAsync();
        var today = AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow());
        rules.ShouldContain($"Bedarf zwischen dem {today:dd.MM.yyyy} und dem {today.AddMonths(2):dd.MM.yyyy}");
        rules.ShouldContain("Die Zuwendung deckt 80\u00a0% der Kosten; für jeden Euro ausgegebener Eigen- und Drittmittel können Sie bis zu 4 Euro Fördermittel abrufen.");
        await ExpectAccessibleAsync();
        var events = await EventCountAsync();

        // Needed beyond two months: refused in words, nothing recorded.
        await form.GetByLabel("Betrag (EUR)").FillAsync("8000");
        await form.GetByLabel("Benötigt am").FillAsync(Iso(today.AddMonths(3)));
        await form.GetByLabel("Bisher ausgegebene Eigen- und Drittmittel (EUR)").FillAsync("2500");
        await form.GetByRole(AriaRole.Button, new() { Name = "Mittel abrufen" }).ClickAsync();
        var outcome = Page.Locator($"#{ApplicationActions.RequestPayment}-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Mittel werden für Ausgaben abgerufen, die in den nächsten 2 Monaten fällig werden");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        // Ahead of the proportional draw: 2,500 EUR spent allows 10,000 EUR; 12,000 EUR is refused with the computation.
        await form.GetByLabel("Betrag (EUR)").FillAsync("12000");
        await form.GetByLabel("Benötigt am").FillAsync(Iso(today.AddDays(20)));
        await form.GetByRole(AriaRole.Button, new() { Name = "Mittel abrufen" }).ClickAsync();
        await outcome.Filter(new() { HasText = "erlaubt der vereinbarte Fördersatz" }).WaitForAsync();
        var refusal = await outcome.InnerTextAsync();
        refusal.ShouldContain("Bei 2.500,00\u00a0€ ausgegebenen Eigen- und Drittmitteln erlaubt der vereinbarte Fördersatz von");
        refusal.ShouldContain("bisher 10.000,00\u00a0€ Fördermittel; ausgezahlt und abgerufen waren 0,00\u00a0€, mit diesem Abruf wären es 12.000,00\u00a0€.");
        (await EventCountAsync()).ShouldBe(events);

        await form.GetByLabel("Betrag (EUR)").FillAsync("8000");
        await form.GetByRole(AriaRole.Button, new() { Name = "Mittel abrufen" }).ClickAsync();
        await DoneAsync("Mittelabruf gestellt.");
        await ExpectAccessibleAsync();
        var payment = (await ApplicationAsync(approved.Id)).Funding!.Payments.ShouldHaveSingleItem();
        (payment.Amount, payment.NeededBy, payment.OwnAndThirdPartySpent, payment.Status).ShouldBe((8_000m, today.AddDays(20), 2_500m, PaymentRequestStatus.Requested));
    }

    [Fact]
    public async Task The_recipient_uploads_a_receipt_and_submits_an_interim_proof_of_use_listing_it()
    {
        var approved = await ApprovedAsync("Orientierungstage Halle – Zwischennachweis im Portal", [new DateOnly(2027, 6, 30)]);
        await SignInAsync(DemoUsers.Applicant, $"/applications/{approved.Id}");
        await UploadPdfAsync("Beleg", "Rechnung-Werkstatt.pdf");
        var receiptId = (await ApplicationAsync(approved.Id)).Documents.Where(d => d.Kind == DocumentKind.Receipt).ShouldHaveSingleItem().DocumentId;

        var form = Page.Locator("section.action", new() { HasText = "Verwendungsnachweis einreichen" });
        (await form.GetByLabel("Nachweis", new() { Exact = true }).InputValueAsync()).ShouldBe("interim-1");
        (await form.GetByRole(AriaRole.Checkbox, new() { Name = "Rechnung-Werkstatt.pdf aufführen" }).IsCheckedAsync()).ShouldBeTrue();
        await form.GetByLabel("Sachbericht").FillAsync("Zwölf Werkstatttage mit 20 Jugendlichen; drei Ausbildungsverträge.");
        await form.GetByLabel("Ausgaben nach Kostenart").FillAsync("Personal | 3.000,00\nSachkosten | 500,00");
        await form.GetByLabel("Ausgegebene Eigenmittel (EUR)").FillAsync("700");
        await form.GetByLabel("Ausgegebene Drittmittel (EUR)").FillAsync("0");
        await form.GetByLabel("Belegdatum").FillAsync("2027-03-15");
        await form.GetByLabel("Betrag (EUR)").FillAsync("4000");
        await form.GetByLabel("Kostenart", new() { Exact = true }).FillAsync("Personal");
        await ExpectAccessibleAsync();
        var events = await EventCountAsync();

        // The receipts add up to more than was spent: refused in words, the input kept.
        await form.GetByRole(AriaRole.Button, new() { Name = "Nachweis einreichen" }).ClickAsync();
        var outcome = Page.Locator($"#{ApplicationActions.SubmitProof}-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Die Belege ergeben zusammen mehr, als laut den Angaben ausgegeben wurde.");
        (await form.GetByLabel("Sachbericht").InputValueAsync()).ShouldStartWith("Zwölf Werkstatttage");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await form.GetByLabel("Betrag (EUR)").FillAsync("2400");
        await form.GetByRole(AriaRole.Button, new() { Name = "Nachweis einreichen" }).ClickAsync();
        await DoneAsync("Verwendungsnachweis eingereicht.");
        await ExpectAccessibleAsync();
        var proof = (await ApplicationAsync(approved.Id)).Funding!.ProofsOfUse.Single(p => p.Proof == "interim-1");
        proof.SubmittedAt.ShouldNotBeNull();
        proof.SpentByCategory!.ShouldBe(new Dictionary<string, decimal> { ["Personal"] = 3_000m, ["Sachkosten"] = 500m });
        proof.Receipts.ShouldBe([new Receipt(receiptId.ToString(), new DateOnly(2027, 3, 15), 2_400m, "Personal")]);
    }

    [Fact]
    public async Task An_applicant_signing_in_at_the_start_lands_in_the_portal_which_reads_in_English_too()
    {
        await Page.GotoAsync("/");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Bei Fachwerk anmelden" }).WaitForAsync();
        await Page.Locator($"button[value='{DemoUsers.Applicant.Id}']").ClickAsync();
        await Page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/portal");
        var navigation = await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link).AllInnerTextsAsync();
        navigation.ShouldContain("Mein Portal");
        navigation.ShouldNotContain("Arbeitsplatz");

        await Page.GetByRole(AriaRole.Button, new() { Name = "Sprache: English" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "My portal", Level = 1 }).WaitForAsync();
        (await Page.TitleAsync()).ShouldBe("My portal – Fachwerk");
        (await Page.GetByRole(AriaRole.Heading, new() { Name = "Your organisation" }).CountAsync()).ShouldBe(1);
        var programmes = await Page.GetByRole(AriaRole.Table, new() { Name = "Programmes open for applications" }).InnerTextAsync();
        programmes.ShouldContain("Funds at most 90% of the costs (own share at least 10%)", Case.Sensitive);
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Draft a new application" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Draft an application", Level = 1 }).WaitForAsync();
        (await Page.GetByLabel("Eligible costs").CountAsync()).ShouldBe(1);
        await ExpectAccessibleAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Language: Deutsch" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Antrag anlegen", Level = 1 }).WaitForAsync();
    }

    /// <summary>Uploads a PDF of <paramref name="kind"/> in the documents section and waits for the confirmation.</summary>
    private async Task UploadPdfAsync(string kind, string fileName)
    {
        await Page.GetByLabel("Art des Dokuments").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await Page.GetByLabel("Datei", new() { Exact = true }).SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "application/pdf", Buffer = TestDocuments.Pdf() });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Hochladen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Das Dokument wurde hochgeladen." }).WaitForAsync();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The label of the first option of <paramref name="select"/> that starts with <paramref name="text"/>.</summary>
    private async Task<string> OptionStartingWith(string select, string text) =>
        (await Page.Locator($"{select} option").AllInnerTextsAsync()).First(o => o.StartsWith(text, StringComparison.Ordinal)).Trim();
}
