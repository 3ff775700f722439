using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// A natural person's case on the application page (ADR 0123): the demo stipend of mia.medizin, her data for the caseworker and
/// masked for others, the grant's obligation with its due days, evidence recorded through the form, and the erasure refused in German.
/// </summary>
public class PersonApplicantBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Stipend = "Stipendium Medizinstudium – Landarztquote Mansfeld-Südharz";

    private ILocator PersonSection => Page.Locator("#applicant-person");

    private ILocator ObligationsSection => Page.Locator("#obligations");

    private ILocator Action(string title) => Page.Locator("section.action", new() { Has = Page.GetByRole(AriaRole.Heading, new() { Name = title }) });

    [Fact]
    public async Task The_caseworker_sees_the_student_and_her_obligation_and_records_evidence_while_an_administrator_sees_no_personal_data()
    {
        var stipend = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<ApplicationSummary>>($"/api/applications?title={Uri.EscapeDataString(Stipend)}",
                cancellation: TestContext.Current.CancellationToken))
            .Result.Items.Single(a => a.Title == Stipend);
        var page = $"/applications/{stipend.Id}";
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, page);

        // The caseworker reads her data and the obligation with its five due days, none evidenced yet.
        var person = await PersonSection.InnerTextAsync();
        foreach (var fact in new[] { "Mia Medizin", "Medizinstudentin", "17.05.2003", "Markt 1, 06526 Sangerhausen", "10 Jahre nach dem Ende des Falls" })
            person.ShouldContain(fact);
        person.ShouldContain("Erst nach dem Ende des Falls");
        var obligations = await ObligationsSection.InnerTextAsync();
        obligations.ShouldContain("Hausärztliche Tätigkeit im Landkreis Mansfeld-Südharz");
        obligations.ShouldContain("01.01.2035 bis 31.12.2039 (60 Monate)");
        obligations.ShouldContain("31.01.2036");
        await ExpectAccessibleAsync();

        // The erasure while the case runs: refused in German, nothing recorded.
        var events = await EventCountAsync();
        var erase = Action("Personendaten löschen (Art. 17 DSGVO)");
        await erase.GetByRole(AriaRole.Button, new() { Name = "Personendaten löschen" }).ClickAsync();
        var refused = erase.Locator(".message--error[role=alert]");
        await refused.WaitForAsync();
        (await refused.InnerTextAsync()).ShouldContain("solange der Fall läuft");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        // Evidence for the first due day.
        var evidence = Action("Nachweis zur Auflage erfassen");
        (await evidence.GetByLabel("Fälliger Nachweis").InputValueAsync()).ShouldBe("1|2036-01-31");
        await evidence.GetByLabel("Vorgelegter Nachweis").FillAsync("Bestätigung der KV Sachsen-Anhalt vom 20.01.2036");
        await evidence.GetByRole(AriaRole.Button, new() { Name = "Nachweis erfassen" }).ClickAsync();
        await DoneAsync("Nachweis zur Auflage erfasst");
        (await ObligationsSection.InnerTextAsync()).ShouldContain("erbracht: Bestätigung der KV Sachsen-Anhalt vom 20.01.2036");
        (await Action("Nachweis zur Auflage erfassen").GetByLabel("Fälliger Nachweis").InputValueAsync()).ShouldBe("1|2037-01-31", "the next due day is offered");
        (await EventCountAsync()).ShouldBe(events + 1);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("person-applicant-case");

        // The administrator reads the case, but not the person: no name, birth date, address or e-mail, and no forms for them.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Administrator, page);
        (await PersonSection.InnerTextAsync()).ShouldContain("[nicht angezeigt]");
        var content = await Page.Locator("main").InnerTextAsync();
        foreach (var trace in new[] { "Mia Medizin", "17.05.2003", "Markt 1", "Sangerhausen", "mia.medizin@demo.fachwerk.invalid" })
            content.ShouldNotContain(trace);
        (await ObligationsSection.InnerTextAsync()).ShouldContain("Bestätigung der KV Sachsen-Anhalt");
        (await Page.Locator("section.action").CountAsync()).ShouldBe(0);
        await ExpectAccessibleAsync();
    }
}
