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

/// <summary>A programme manager opens a call on the programme page (a refused window first, kept and explained in German), sees it, and closes it.</summary>
public class CallFormsTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Programme = "ESF+ Regionale Fachkräftebündnisse Niedersachsen";

    [Fact]
    public async Task A_caseworker_opens_a_call_after_a_refused_overlapping_window_and_closes_it()
    {
        var api = Fixture.Api(DemoUsers.Caseworker);
        var programme = (await api.GetAsync<Page<ProgrammeDetails>>("/api/programmes?name=" + Uri.EscapeDataString(Programme),
            cancellation: TestContext.Current.CancellationToken)).Result.Items.Single();
        var open = programme.Calls.Single(c => c.ClosedAt is null);
        var name = $"Sonderaufruf {Guid.NewGuid():N}"[..24];
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/programmes/{programme.Id}");

        var form = Page.GetByRole(AriaRole.Region, new() { Name = "Förderaufruf öffnen" });
        await form.GetByLabel("Name des Förderaufrufs").FillAsync(name);
        await form.GetByLabel("Einreichung ab").FillAsync(open.Window.From.ToString("yyyy-MM-dd"));
        await form.GetByLabel("Letzter Tag der Einreichung").FillAsync(open.Window.To.ToString("yyyy-MM-dd"));
        await form.GetByLabel("Budget des Aufrufs in EUR (optional)").FillAsync("250000");
        await form.GetByLabel("spätere Einreichungen werden angenommen und als verspätet gekennzeichnet").CheckAsync();

        // Overlapping the open call: refused in German beside the form, the input kept, nothing appended.
        var events = await EventCountAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Förderaufruf öffnen" }).ClickAsync();
        await Page.Locator("#open-call-outcome").Filter(new() { HasText = "überschneiden sich nicht" }).WaitForAsync();
        (await form.GetByLabel("Name des Förderaufrufs").InputValueAsync()).ShouldBe(name);
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        var from = open.Window.To.AddDays(1);
        await form.GetByLabel("Einreichung ab").FillAsync(from.ToString("yyyy-MM-dd"));
        await form.GetByLabel("Letzter Tag der Einreichung").FillAsync(from.AddDays(20).ToString("yyyy-MM-dd"));
        await form.GetByRole(AriaRole.Button, new() { Name = "Förderaufruf öffnen" }).ClickAsync();
        await DoneAsync("Der Förderaufruf wurde geöffnet.");
        var row = Page.Locator("#calls").GetByRole(AriaRole.Row).Filter(new() { HasText = name });
        var line = await row.InnerTextAsync();
        line.ShouldContain("250.000,00");
        line.ShouldContain("verspätete Anträge zugelassen");
        line.ShouldContain("noch nicht geöffnet");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("programme-call-forms");

        var number = (await api.GetAsync<ProgrammeDetails>($"/api/programmes/{programme.Id}", cancellation: TestContext.Current.CancellationToken))
            .Result.Calls.Single(c => c.Name == name).Number;
        var close = Page.GetByRole(AriaRole.Region, new() { Name = "Förderaufruf vorzeitig schließen" });
        await close.GetByLabel("Förderaufruf", new() { Exact = true }).SelectOptionAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await close.GetByLabel("Grund der Schließung").FillAsync("Sonderaufruf entfällt");
        await close.GetByRole(AriaRole.Button, new() { Name = "Förderaufruf schließen" }).ClickAsync();
        await DoneAsync("Der Förderaufruf wurde geschlossen.");
        (await Page.Locator("#calls").GetByRole(AriaRole.Row).Filter(new() { HasText = name }).InnerTextAsync()).ShouldContain("vorzeitig geschlossen");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_caseworker_sees_the_programmes_eligibility_in_the_form_and_a_list_without_alliances_is_refused_in_german()
    {
        var api = Fixture.Api(DemoUsers.Caseworker);
        var programme = (await api.GetAsync<Page<ProgrammeDetails>>("/api/programmes?name=" + Uri.EscapeDataString(Programme),
            cancellation: TestContext.Current.CancellationToken)).Result.Items.Single();
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/programmes/{programme.Id}");

        var form = Page.GetByRole(AriaRole.Region, new() { Name = "Zuständigkeit und zugelassene Bündnisse festlegen" });
        (await form.GetByLabel("Zuständige Stelle").InputValueAsync()).ShouldStartWith("Niedersächsisches Ministerium");
        (await form.GetByLabel("die im Land anerkannten Bündnisse").IsCheckedAsync()).ShouldBeTrue();
        await ExpectAccessibleAsync();

        // A list naming no alliance: refused in German beside the form, the choice kept, nothing appended.
        var events = await EventCountAsync();
        await form.GetByLabel("nur die unten angekreuzten Bündnisse").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Festlegen" }).ClickAsync();
        await Page.Locator("#set-eligibility-outcome").Filter(new() { HasText = "mindestens ein Bündnis" }).WaitForAsync();
        (await form.GetByLabel("nur die unten angekreuzten Bündnisse").IsCheckedAsync()).ShouldBeTrue();
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        // Sent again as it stands: accepted, and an unchanged setting records nothing.
        await form.GetByLabel("die im Land anerkannten Bündnisse").CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Festlegen" }).ClickAsync();
        await DoneAsync("Zuständigkeit und zugelassene Bündnisse wurden festgelegt.");
        (await EventCountAsync()).ShouldBe(events);
    }

    [Fact]
    public async Task A_submission_after_a_soft_deadline_shows_as_late_on_the_case_page_and_is_counted_on_the_call_line()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var registrar = Fixture.Api(DemoUsers.Caseworker);
        var name = $"Spätaufruf {Guid.NewGuid():N}"[..22];
        var launched = (await registrar.SendAsync<StreamCreated>(HttpMethod.Post, "/api/programmes", new LaunchProgramme(name, [new FundingSource("ESF+", 1m)],
            new Period(new DateOnly(2021, 1, 1), new DateOnly(2035, 12, 31)), 1_000_000m,
            new ProgrammeRules(0.8m, 100_000m, false, 14, false, 30)), cancellation: cancellation)).Result;
        // A window long past that takes late submissions: today's submission is late.
        await CommandAsync(DemoUsers.Caseworker, $"/api/programmes/{launched.Id}/calls", new OpenCall(launched.Version, "1. Förderaufruf 2021",
            new Period(new DateOnly(2021, 1, 4), new DateOnly(2021, 1, 29)), LateSubmissions: LateSubmissions.AcceptedAsLate));
        var applicant = (await registrar.GetAsync<Page<OrganisationDetails>>("/api/organisations?name=" + Uri.EscapeDataString("Haus Steinstraße e.V."), cancellation: cancellation)).Result.Items.Single();
        var alliance = (await registrar.GetAsync<Page<AllianceSummary>>("/api/alliances?name=" + Uri.EscapeDataString("Fachkräfteallianz Sachsen-Anhalt Süd"), cancellation: cancellation)).Result.Items.Single();
        var api = Fixture.Api(DemoUsers.Applicant, organisation: applicant.Id);
        var plan = new ProjectPlan("Spät eingereicht", "Orientierungstage im Handwerk.", new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
            62_500m, 50_000m, 12_500m, 0m, [TargetGroup.YoungPeople], 48);
        var drafted = (await api.SendAsync<StreamCreated>(HttpMethod.Post, "/api/applications",
            new DraftApplication(applicant.Id, launched.Id, alliance.Id, "Halle (Saale)", plan), cancellation: cancellation)).Result;
        (await api.SendAsync<CommandAccepted>(HttpMethod.Post, $"/api/applications/{drafted.Id}/submission", new SubmitApplication(drafted.Version), cancellation: cancellation)).Result.ShouldNotBeNull();
        var call = (await ApplicationAsync(drafted.Id)).Call.ShouldNotBeNull();
        call.Late.ShouldBeTrue();

        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{drafted.Id}");
        var overview = Page.Locator("section[aria-labelledby='overview-heading']");
        await overview.WaitForAsync();
        (await overview.InnerTextAsync()).ShouldContain($"verspätet ({call.DaysLate} Tage)");
        await ExpectAccessibleAsync();

        await Page.GotoAsync($"/programmes/{launched.Id}");
        var row = Page.Locator("#calls").GetByRole(AriaRole.Row).Filter(new() { HasText = "1. Förderaufruf 2021" });
        (await row.Locator("td[data-label='verspätet eingereicht']").InnerTextAsync()).Trim().ShouldBe("1");
        await ExpectAccessibleAsync();
    }
}
