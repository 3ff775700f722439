using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>The applicant fills in a programme's extra fields (ADR 0122); the case page and the programme page show them.</summary>
public class ApplicationFormPageTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    [Fact]
    public async Task The_applicant_fills_in_the_programmes_extra_fields_and_a_value_beyond_its_limit_is_refused_beside_the_field()
    {
        var (application, programme) = await DraftedWithFormAsync("Werkstatttage mit Zusatzangaben " + Guid.NewGuid().ToString("N")[..6]);
        await SignInAsync(DemoUsers.Applicant, $"/applications/{application}");
        var extra = Page.Locator("section", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = "Zusatzangaben (Antragsformular des Programms)" }) });
        (await extra.InnerTextAsync()).ShouldContain("Nach Version 1 des Antragsformulars");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Zusatzangaben ausfüllen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Zusatzangaben", Level = 1, Exact = true }).WaitForAsync();
        (await Page.Locator("main").InnerTextAsync()).ShouldContain("Betriebe mit unterschriebener Kooperationsvereinbarung");
        await ExpectAccessibleAsync();

        // The browser would stop a number above max; the API's refusal is what is tested here.
        var companies = Page.GetByLabel("Anzahl Ausbildungsbetriebe");
        await companies.EvaluateAsync("input => input.removeAttribute('max')");
        await companies.FillAsync("80");
        await Page.GetByLabel("Branche").SelectOptionAsync(new SelectOptionValue { Label = "Pflege" });
        await Page.GetByLabel("Ja").CheckAsync();
        await Page.GetByLabel("Sachkosten").FillAsync("1500.5");
        var events = await EventCountAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zusatzangaben speichern" }).ClickAsync();

        var error = Page.Locator("#portal-extra-x-betriebe-error");
        await error.WaitForAsync();
        (await error.InnerTextAsync()).ShouldContain("80 liegt über dem größten erlaubten Wert 50.");
        (await EventCountAsync()).ShouldBe(events);
        (await Page.GetByLabel("Branche").InputValueAsync()).ShouldBe("pflege");
        await ExpectAccessibleAsync();

        await companies.FillAsync("12");
        await ScreenshotForDocsAsync("application-extra-data");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Zusatzangaben speichern" }).ClickAsync();
        await DoneAsync("Zusatzangaben gespeichert.");
        var text = await extra.InnerTextAsync();
        text.ShouldContain("Pflege");
        text.ShouldContain("1.500,50");
        var saved = await ApplicationAsync(application);
        saved.Extra!.Values["betriebe"].ShouldBe("12");
        saved.Extra.Values["kooperation"].ShouldBe("true");
        await ScreenshotForDocsAsync("application-extra-data-case");
        await ExpectAccessibleAsync();

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/programmes/{programme}");
        var form = Page.Locator("#application-form");
        (await form.InnerTextAsync()).ShouldContain("Anzahl Ausbildungsbetriebe");
        (await form.InnerTextAsync()).ShouldContain("Handwerk, Pflege");
        await ExpectAccessibleAsync();
    }

    /// <summary>A programme of its own with a form of four fields, and a draft of Haus Steinstraße e.V. on it.</summary>
    private async Task<(Guid Application, Guid Programme)> DraftedWithFormAsync(string title)
    {
        var caseworker = Fixture.Api(DemoUsers.Caseworker);
        var applicant = (await caseworker.GetAsync<Page<OrganisationDetails>>("/api/organisations?name=" + Uri.EscapeDataString("Haus Steinstraße e.V."))).Result.Items.Single();
        var alliance = (await caseworker.GetAsync<Page<AllianceSummary>>("/api/alliances?name=" + Uri.EscapeDataString("Fachkräfteallianz Sachsen-Anhalt Süd"))).Result.Items.Single();
        var programme = (await caseworker.SendAsync<StreamCreated>(HttpMethod.Post, "/api/programmes", new LaunchProgramme("Formular " + title,
            [new FundingSource("Land Sachsen-Anhalt", 1m)], new Period(new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31)), 500_000m,
            new ProgrammeRules(0.8m, null, true, 14, false, 30)))).Result;
        (await caseworker.SendAsync<CommandAccepted>(HttpMethod.Put, $"/api/programmes/{programme.Id}/application-form", new PublishApplicationForm(programme.Version,
        [
            new FormField("betriebe", FormFieldKind.Number, true, new LocalText("Anzahl Ausbildungsbetriebe", "Number of training companies"),
                new LocalText("Betriebe mit unterschriebener Kooperationsvereinbarung", "Companies with a signed cooperation agreement"), Min: 1, Max: 50),
            new FormField("branche", FormFieldKind.Choice, true, new LocalText("Branche", "Sector"),
                Choices: [new FieldChoice("handwerk", new LocalText("Handwerk", "Crafts")), new FieldChoice("pflege", new LocalText("Pflege", "Care"))]),
            new FormField("kooperation", FormFieldKind.YesNo, false, new LocalText("Kooperation mit einer Berufsschule", "Cooperation with a vocational school")),
            new FormField("sachkosten", FormFieldKind.Money, false, new LocalText("Sachkosten", "Material costs")),
        ]))).Result.ShouldNotBeNull();
        var plan = new ProjectPlan(title, "Orientierungstage im Handwerk für Jugendliche.", new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
            50_000m, 40_000m, 10_000m, 0m, [TargetGroup.YoungPeople], 24);
        var drafted = (await Fixture.Api(DemoUsers.Applicant, organisation: applicant.Id).SendAsync<StreamCreated>(HttpMethod.Post, "/api/applications",
            new DraftApplication(applicant.Id, programme.Id, alliance.Id, "Halle (Saale)", plan))).Result;
        return (drafted.Id, programme.Id);
    }
}
