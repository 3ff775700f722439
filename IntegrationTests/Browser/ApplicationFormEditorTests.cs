using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// A caseworker edits a programme's application form in the browser and publishes new versions (ADR 0122); an applicant drafts an
/// application of that programme with its extra fields on the drafting page, in one step.
/// </summary>
public class ApplicationFormEditorTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Editor = "publish-application-form";

    [Fact]
    public async Task A_caseworker_publishes_a_required_choice_field_and_the_applicant_fills_it_in_when_drafting()
    {
        var name = "Formulareditor " + Guid.NewGuid().ToString("N")[..6];
        var programme = (await Fixture.Api(DemoUsers.Caseworker).SendAsync<StreamCreated>(HttpMethod.Post, "/api/programmes", new LaunchProgramme(name,
            [new FundingSource("Land Sachsen-Anhalt", 1m)], new Period(new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31)), 500_000m,
            new ProgrammeRules(0.8m, null, true, 14, false, 30)), cancellation: TestContext.Current.CancellationToken)).Result.Id;

        await SignInAsync(DemoUsers.Caseworker, $"/programmes/{programme}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Antragsformular bearbeiten" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Antragsformular", Level = 1 }).WaitForAsync();
        (await Page.Locator("#form-versions").InnerTextAsync()).ShouldContain("keine Zusatzangaben");
        await ExpectAccessibleAsync();

        // A new required choice field, with a key the API refuses: shown beside the key, everything typed kept, nothing recorded.
        await Page.GetByLabel("Schlüssel").FillAsync("1branche");
        await Page.GetByLabel("Art", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Auswahl" });
        await Page.GetByLabel("Pflichtangabe (vor dem Einreichen)").CheckAsync();
        await Page.GetByLabel("Beschriftung (Deutsch)").FillAsync("Branche");
        await Page.GetByLabel("Beschriftung (Englisch)").FillAsync("Sector");
        await Page.GetByLabel("Hilfetext (Deutsch)").FillAsync("Die Branche, in der die meisten Teilnehmenden lernen.");
        await Page.GetByLabel("Auswahl: Möglichkeiten, eine je Zeile").FillAsync("handwerk | Handwerk | Crafts\npflege | Pflege | Care");
        var events = await EventCountAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Als neue Version veröffentlichen" }).ClickAsync();
        var keyError = Page.Locator($"#{Editor}-key-0-error");
        await keyError.WaitForAsync();
        (await Page.Locator($"#{Editor}-outcome").InnerTextAsync()).ShouldContain("Schlüssel");
        (await Page.GetByLabel("Auswahl: Möglichkeiten, eine je Zeile").InputValueAsync()).ShouldContain("pflege | Pflege | Care");
        (await Page.GetByLabel("Pflichtangabe (vor dem Einreichen)").IsCheckedAsync()).ShouldBeTrue();
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        // A choice field with one choice: the API's refusal names the field in the form's summary.
        await Page.GetByLabel("Schlüssel").FillAsync("branche");
        var choices = Page.GetByLabel("Auswahl: Möglichkeiten, eine je Zeile");
        await choices.FillAsync("handwerk | Handwerk | Crafts");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Als neue Version veröffentlichen" }).ClickAsync();
        await Page.Locator($"#{Editor}-outcome", new() { HasText = "Das Auswahlfeld „branche“ bietet mindestens zwei Möglichkeiten." }).WaitForAsync();
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await choices.FillAsync("handwerk | Handwerk | Crafts\npflege | Pflege | Care");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Als neue Version veröffentlichen" }).ClickAsync();
        await DoneAsync("Das Antragsformular wurde als neue Version veröffentlicht.");
        var section = await Page.Locator("#application-form").InnerTextAsync();
        section.ShouldContain("Version 1");
        section.ShouldContain("Branche");
        section.ShouldContain("Handwerk, Pflege");
        await ExpectAccessibleAsync();

        // A second version: a number field put first; the history lists both versions.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Antragsformular bearbeiten" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Antragsformular", Level = 1 }).WaitForAsync();
        (await Page.Locator($"#{Editor}-key-0").InputValueAsync()).ShouldBe("branche");
        await Page.Locator($"#{Editor}-key-1").FillAsync("betriebe");
        await Page.Locator($"#{Editor}-kind-1").SelectOptionAsync(new SelectOptionValue { Label = "Zahl" });
        await Page.Locator($"#{Editor}-position-1").FillAsync("1");
        await Page.Locator($"#{Editor}-position-0").FillAsync("2");
        await Page.Locator($"#{Editor}-label-de-1").FillAsync("Anzahl Ausbildungsbetriebe");
        await Page.Locator($"#{Editor}-min-1").FillAsync("1");
        await Page.Locator($"#{Editor}-max-1").FillAsync("50");
        await Page.Locator($"#{Editor}-max-length-1").FillAsync("30"); // not a number's limit: left out
        await Page.GetByRole(AriaRole.Button, new() { Name = "Als neue Version veröffentlichen" }).ClickAsync();
        await DoneAsync("Das Antragsformular wurde als neue Version veröffentlicht.");
        var form = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<ApplicationForm>($"/api/programmes/{programme}/application-form",
            cancellation: TestContext.Current.CancellationToken)).Result;
        form.Version.ShouldBe(2);
        form.Fields.Select(f => f.Key).ShouldBe(["betriebe", "branche"]);
        (form.Fields[0].Max, form.Fields[0].MaxLength, form.Fields[1].Required, form.Fields[1].Choices!.Count).ShouldBe((50m, null, true, 2));

        await Page.GetByRole(AriaRole.Link, new() { Name = "Antragsformular bearbeiten" }).ClickAsync();
        var history = Page.Locator("#form-versions");
        await history.WaitForAsync();
        (await history.InnerTextAsync()).ShouldContain("2 (aktuell)");
        (await history.InnerTextAsync()).ShouldContain("Anzahl Ausbildungsbetriebe, Branche");
        await ScreenshotForDocsAsync("application-form-editor");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sprache: English" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Application form", Level = 1 }).WaitForAsync();
        (await Page.GetByRole(AriaRole.Button, new() { Name = "Publish as new version" }).CountAsync()).ShouldBe(1);
        (await history.InnerTextAsync()).ShouldContain("2 (current)");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("application-form-editor-en");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Language: Deutsch" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Antragsformular", Level = 1 }).WaitForAsync();

        // The applicant drafts with the extra fields on the drafting page; a value above its limit is refused beside its field.
        await Page.Context.ClearCookiesAsync();
        // The programme is chosen in the form: its fields are shown by the button beside the choice, everything typed kept.
        await SignInAsync(DemoUsers.Applicant, "/portal/applications/new");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Antrag anlegen", Level = 1 }).WaitForAsync();
        var title = "Werkstatttage mit Branche " + Guid.NewGuid().ToString("N")[..6];
        await Page.GetByLabel("Titel des Vorhabens").FillAsync(title);
        var option = (await Page.Locator("#portal-plan-programme option").AllInnerTextsAsync()).Single(o => o.StartsWith(name, StringComparison.Ordinal)).Trim();
        await Page.GetByLabel("Förderprogramm").SelectOptionAsync(new SelectOptionValue { Label = option });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Angaben des Programms anzeigen" }).ClickAsync();
        await Page.Locator("#portal-plan-extra", new() { HasText = "Antragsformular Version 2" }).WaitForAsync();
        (await Page.GetByLabel("Titel des Vorhabens").InputValueAsync()).ShouldBe(title);
        await ExpectAccessibleAsync();
        await Page.GetByLabel("Wo das Vorhaben stattfindet").SelectOptionAsync(new SelectOptionValue { Label = "Halle (Saale) (Fachkräfteallianz Sachsen-Anhalt Süd)" });
        await Page.GetByLabel("Beschreibung", new() { Exact = true }).FillAsync("Werkstatttage im Handwerk für Jugendliche ohne Ausbildungsplatz.");
        await Page.GetByLabel("Beginn", new() { Exact = true }).FillAsync("2027-02-01");
        await Page.GetByLabel("Ende", new() { Exact = true }).FillAsync("2027-11-30");
        await Page.GetByLabel("Förderfähige Gesamtkosten").FillAsync("40000");
        await Page.GetByLabel("Beantragte Förderung").FillAsync("32000");
        await Page.GetByLabel("Eigenanteil", new() { Exact = true }).FillAsync("8000");
        await Page.GetByLabel("Drittmittel", new() { Exact = true }).FillAsync("0");
        await Page.GetByLabel("Junge Menschen").CheckAsync();
        await Page.GetByLabel("Geplante Teilnehmende").FillAsync("24");
        await Page.GetByLabel("Branche").SelectOptionAsync(new SelectOptionValue { Label = "Pflege" });
        // The browser would stop a number above max; the API's refusal is what is tested here.
        var companies = Page.GetByLabel("Anzahl Ausbildungsbetriebe");
        await companies.EvaluateAsync("input => input.removeAttribute('max')");
        await companies.FillAsync("80");
        events = await EventCountAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        var error = Page.Locator("#portal-plan-x-betriebe-error");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).ShouldContain("80 liegt über dem größten erlaubten Wert 50.");
        (await Page.GetByLabel("Branche").InputValueAsync()).ShouldBe("pflege");
        (await Page.GetByLabel("Titel des Vorhabens").InputValueAsync()).ShouldBe(title);
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("portal-draft-extra");

        await companies.FillAsync("12");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Entwurf speichern" }).ClickAsync();
        await DoneAsync("Projektplan gespeichert.");
        var drafted = await ApplicationAsync(Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[2]));
        (drafted.Plan.Title, drafted.Extra!.FormVersion).ShouldBe((title, 2));
        drafted.Extra.Values["branche"].ShouldBe("pflege");
        drafted.Extra.Values["betriebe"].ShouldBe("12");
    }
}
