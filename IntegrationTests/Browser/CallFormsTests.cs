using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
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
}
