using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// A natural person applies themself in the portal (ADR 0123, docs/portal.md): the demo doctor leon.landarzt, bound to nothing,
/// finds the programmes that fund persons, drafts "Als Privatperson beantragen" through the API's own command, sees the draft at
/// once (his binding to the new applicant record is read per request, no new sign-in) and submits it; refusals stand beside
/// their fields with everything typed kept.
/// </summary>
public class PersonDraftBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Doctors = "Förderrichtlinie zur Anwerbung von Ärzten und Medizinstudenten (Landkreis Mansfeld-Südharz)";

    private const string Region = "Mansfeld-Südharz (Fachkräfteallianz Sachsen-Anhalt Süd)";

    [Fact]
    public async Task A_doctor_drafts_as_a_private_person_sees_the_draft_in_the_portal_without_signing_in_again_and_submits_it()
    {
        await SignInAsync(DemoUsers.Doctor, "/portal");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Mein Portal", Level = 1 }).WaitForAsync();
        var programmes = Page.GetByRole(AriaRole.Table, new() { Name = "Förderprogramme, die Anträge von Privatpersonen annehmen" });
        var doctors = await programmes.GetByRole(AriaRole.Row).Filter(new() { HasText = Doctors }).InnerTextAsync();
        doctors.ShouldContain("Medizinstudentin oder Medizinstudent, Ärztin oder Arzt");
        (await programmes.InnerTextAsync()).ShouldNotContain("Regionaler Arbeitsmarktkreis Mansfeld-Südharz", Case.Sensitive, "organisations only");
        await ExpectAccessibleAsync();

        await programmes.GetByRole(AriaRole.Row).Filter(new() { HasText = Doctors }).GetByRole(AriaRole.Link, new() { Name = "Als Privatperson beantragen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Als Privatperson beantragen", Level = 1 }).WaitForAsync();
        (await Page.GetByLabel("Förderprogramm").InputValueAsync()).ShouldBe((await ProgrammeAsync(Doctors)).Id.ToString());
        await ExpectAccessibleAsync();

        var title = "Niederlassung als Hausarzt in Hettstedt " + Guid.NewGuid().ToString("N")[..6];
        await FillAsync(title, postalCode: "06333", email: "leon.landarzt@demo.fachwerk.invalid");
        var events = await EventCountAsync();
        await ScreenshotForDocsAsync("portal-person-draft");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();

        // The application's page opens at once: the new binding counts in the very next request.
        await DoneAsync("Ihr Antrag ist als Entwurf gespeichert.");
        await Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        var id = Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[2]);
        (await EventCountAsync()).ShouldBeGreaterThan(events);
        var drafted = await ApplicationAsync(id);
        (drafted.Status, drafted.Applicant.Name, drafted.District, drafted.Plan.RequestedAmount).ShouldBe((ApplicationStatus.Draft, "Natürliche Person", "Mansfeld-Südharz", 24_000m));
        var person = await Page.Locator("#applicant-person").InnerTextAsync();
        foreach (var fact in new[] { "Leon Landarzt", "Ärztin oder Arzt", "12.03.1994", "Rathausstraße 4, 06333 Hettstedt" })
            person.ShouldContain(fact);
        await ExpectAccessibleAsync();

        // The portal lists it and asks for the submission, still in the same session.
        await Page.GotoAsync("/portal");
        var applications = Page.GetByRole(AriaRole.Table, new() { Name = "Ihre Anträge als Privatperson, die neuesten zuerst" });
        (await applications.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).InnerTextAsync()).ShouldContain("Entwurf");
        var asks = Page.GetByRole(AriaRole.Table, new() { Name = "Was jetzt von Ihnen erwartet wird, das Dringendste zuerst" });
        (await asks.GetByRole(AriaRole.Row).Filter(new() { HasText = title }).CountAsync()).ShouldBe(1);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("portal-person");

        await applications.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = title, Level = 1 }).WaitForAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Einreichen", Exact = true }).ClickAsync();
        await DoneAsync("Antrag eingereicht.");
        (await ApplicationAsync(id)).Status.ShouldBe(ApplicationStatus.Submitted);
        await ExpectAccessibleAsync();

        await Page.GotoAsync("/portal");
        (await Page.GetByRole(AriaRole.Table, new() { Name = "Ihre Anträge als Privatperson, die neuesten zuerst" })
            .GetByRole(AriaRole.Row).Filter(new() { HasText = title }).InnerTextAsync()).ShouldContain("Eingereicht");
    }

    [Fact]
    public async Task Field_errors_and_a_refused_programme_stand_beside_their_fields_with_everything_typed_kept_and_nothing_recorded()
    {
        await SignInAsync(DemoUsers.Doctor, "/portal/applications/person");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Als Privatperson beantragen", Level = 1 }).WaitForAsync();
        var title = "Weiterbildung Allgemeinmedizin Eisleben " + Guid.NewGuid().ToString("N")[..6];
        await FillAsync(title, postalCode: "6333", email: "leon.landarzt@demo.fachwerk.invalid");
        await Page.GetByLabel("Telefon (freiwillig)").FillAsync("null-drei-vier");
        var events = await EventCountAsync();

        // 400: the API's field errors beside the postal code and the phone number, in German; nothing is lost.
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await Page.Locator("#portal-plan-outcome").WaitForAsync();
        (await Page.Locator("#portal-plan-postal-error").InnerTextAsync()).ShouldContain("Eine deutsche Postleitzahl hat fünf Ziffern.");
        (await Page.Locator("#portal-plan-phone-error").InnerTextAsync()).ShouldContain("Eine Telefonnummer besteht aus Ziffern, Leerzeichen und + ( ) / -.");
        await ExpectKeptAsync(title, "6333");
        (await Page.GetByLabel("Telefon (freiwillig)").InputValueAsync()).ShouldBe("null-drei-vier");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("portal-person-draft-invalid");

        // 409: a programme that funds organisations only (as if its rules changed after the page was loaded) is refused beside the programme.
        await Page.GetByLabel("Postleitzahl").FillAsync("06295");
        await Page.GetByLabel("Telefon (freiwillig)").FillAsync("03475 123456");
        var organisationsOnly = await ProgrammeAsync("Regionaler Arbeitsmarktkreis Mansfeld-Südharz");
        await Page.EvaluateAsync(@"id => {
            const select = document.querySelector('#portal-plan-programme');
            select.add(new Option('Regionaler Arbeitsmarktkreis Mansfeld-Südharz', id));
            select.value = id;
        }", organisationsOnly.Id.ToString());
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        var refused = Page.Locator("#portal-plan-programme-error");
        await refused.WaitForAsync();
        (await refused.InnerTextAsync()).ShouldContain("Dieses Programm fördert nur Organisationen");
        (await Page.Locator("#portal-plan-outcome").InnerTextAsync()).ShouldContain("Ihre Eingaben sind im Formular erhalten");
        await ExpectKeptAsync(title, "06295");
        (await Page.GetByLabel("Telefon (freiwillig)").InputValueAsync()).ShouldBe("03475 123456");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();
    }

    /// <summary>The form filled in as the doctor would, with the postal code and e-mail address given.</summary>
    private async Task FillAsync(string title, string postalCode, string email)
    {
        await Page.GetByLabel("Sie beantragen als").SelectOptionAsync(new SelectOptionValue { Label = "Ärztin oder Arzt" });
        await Page.GetByLabel("Wo das Vorhaben stattfindet").SelectOptionAsync(new SelectOptionValue { Label = Region });
        await Page.GetByLabel("Vorname").FillAsync("Leon");
        await Page.GetByLabel("Nachname").FillAsync("Landarzt");
        await Page.GetByLabel("Geburtsdatum").FillAsync("1994-03-12");
        await Page.GetByLabel("Straße und Hausnummer").FillAsync("Rathausstraße 4");
        await Page.GetByLabel("Postleitzahl").FillAsync(postalCode);
        await Page.GetByLabel("Ort", new() { Exact = true }).FillAsync("Hettstedt");
        await Page.GetByLabel("E-Mail-Adresse").FillAsync(email);
        await Page.GetByLabel("Titel des Vorhabens").FillAsync(title);
        await Page.GetByLabel("Beschreibung", new() { Exact = true }).FillAsync("Zuschuss zur Niederlassung in einer Hausarztpraxis im Landkreis.");
        await Page.GetByLabel("Beginn", new() { Exact = true }).FillAsync("2027-02-01");
        await Page.GetByLabel("Ende", new() { Exact = true }).FillAsync("2027-12-31");
        await Page.GetByLabel("Förderfähige Gesamtkosten").FillAsync("24000");
        await Page.GetByLabel("Beantragte Förderung").FillAsync("24000");
        await Page.GetByLabel("Eigenanteil", new() { Exact = true }).FillAsync("0");
        await Page.GetByLabel("Drittmittel", new() { Exact = true }).FillAsync("0");
    }

    private async Task ExpectKeptAsync(string title, string postalCode)
    {
        (await Page.GetByLabel("Sie beantragen als").InputValueAsync()).ShouldBe("Doctor");
        (await Page.GetByLabel("Vorname").InputValueAsync()).ShouldBe("Leon");
        (await Page.GetByLabel("Nachname").InputValueAsync()).ShouldBe("Landarzt");
        (await Page.GetByLabel("Geburtsdatum").InputValueAsync()).ShouldBe("1994-03-12");
        (await Page.GetByLabel("Straße und Hausnummer").InputValueAsync()).ShouldBe("Rathausstraße 4");
        (await Page.GetByLabel("Postleitzahl").InputValueAsync()).ShouldBe(postalCode);
        (await Page.GetByLabel("Ort", new() { Exact = true }).InputValueAsync()).ShouldBe("Hettstedt");
        (await Page.GetByLabel("E-Mail-Adresse").InputValueAsync()).ShouldBe("leon.landarzt@demo.fachwerk.invalid");
        (await Page.GetByLabel("Titel des Vorhabens").InputValueAsync()).ShouldBe(title);
        (await Page.GetByLabel("Beantragte Förderung").InputValueAsync()).ShouldBe("24000");
    }

    private async Task<ProgrammeDetails> ProgrammeAsync(string name) =>
        (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<ProgrammeDetails>>("/api/programmes?name=" + Uri.EscapeDataString(name),
            cancellation: TestContext.Current.CancellationToken)).Result.Items.Single();
}
