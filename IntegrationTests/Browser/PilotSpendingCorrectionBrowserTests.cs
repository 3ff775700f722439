using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The project lead corrects and then cancels a spending of the demo pilot in the browser (ADR 0127): each from the spending's row
/// ("Korrigieren", "Stornieren"), with a reason; a missing reason and a correction beyond what is left of the source are shown on the
/// form with the input kept; the row shows the current values, where the spending stands and its history; axe finds nothing.
/// </summary>
public class PilotSpendingCorrectionBrowserTests(BrowserFixture fixture) : PilotTest(fixture)
{
    private const string SpendingTable = "Ausgaben, neueste zuerst";

    [Fact]
    public async Task The_project_lead_corrects_a_spending_with_a_reason_then_cancels_it_and_its_source_gets_the_money_back()
    {
        var pilot = await DemoPilotAsync();
        var state = (await PilotAsync(pilot.Id)).Funding.First(f => f.Kind == FundingSourceKind.StateGovernment);
        var note = $"Beamer Browsertest {Guid.NewGuid().ToString("N")[..6]}";
        var recorded = (await Fixture.Api(DemoUsers.ProjectLead).SendAsync<PilotItemAdded>(HttpMethod.Post, $"/api/pilots/{pilot.Id}/spending",
            new RecordPilotSpending((await PilotAsync(pilot.Id)).Version, state.Name, PilotCostCategory.Material, 500m, new DateOnly(2015, 2, 20), note),
            cancellation: TestContext.Current.CancellationToken)).Result;
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        var row = Row(note);
        (await row.InnerTextAsync()).ShouldContain("verbucht");
        await ExpectAccessibleAsync();

        // Correct: the form starts from the spending's values.
        await row.GetByRole(AriaRole.Link, new() { Name = "Korrigieren" }).ClickAsync();
        await Page.Locator("#step").GetByRole(AriaRole.Heading, new() { Name = "Ausgabe korrigieren", Level = 3 }).WaitForAsync();
        new Uri(Page.Url).Query.ShouldContain($"spending={recorded.ItemId}");
        (await Page.Locator("#correct-spending-note").InputValueAsync()).ShouldBe(note);
        (await Page.Locator("#correct-spending-spentOn").InputValueAsync()).ShouldBe("2015-02-20");
        (await Page.Locator("#correct-spending-source").InputValueAsync()).ShouldBe(state.Name);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("pilot-spending-correction");

        // Without a reason: the error beside the reason, the input kept, nothing recorded.
        var events = await EventCountAsync();
        await Page.Locator("#correct-spending-amount").FillAsync("450.5");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Korrektur verbuchen" }).ClickAsync();
        (await Page.Locator("#correct-spending-reason-error").InnerTextAsync()).ShouldBe("Eine Begründung ist erforderlich.");
        (await Page.Locator("#correct-spending-amount").InputValueAsync()).ShouldBe("450.5");
        (await Page.Locator("#correct-spending-note").InputValueAsync()).ShouldBe(note);

        // Beyond what is left of the state's money: the rule in German on the form, the input kept, nothing recorded.
        await Page.Locator("#correct-spending-amount").FillAsync("999999");
        await Page.Locator("#correct-spending-reason").FillAsync("Die Rechnung lautet anders.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Korrektur verbuchen" }).ClickAsync();
        // The page after this post replaces the one that named the missing reason: wait for the rule's own words.
        await Page.Locator("#step #correct-spending-outcome", new() { HasText = "Von dieser Finanzierungsquelle ist nicht mehr so viel übrig." }).WaitForAsync();
        (await Page.Locator("#correct-spending-reason-error").CountAsync()).ShouldBe(0);
        (await Page.Locator("#correct-spending-reason").InputValueAsync()).ShouldBe("Die Rechnung lautet anders.");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await Page.Locator("#correct-spending-amount").FillAsync("450.5");
        await Page.Locator("#correct-spending-reason").FillAsync("Tippfehler: Die Rechnung lautet auf 450,50 €.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Korrektur verbuchen" }).ClickAsync();
        await DoneAsync("Die Ausgabe wurde korrigiert.");
        row = Row(note);
        var corrected = await row.InnerTextAsync();
        corrected.ShouldContain("450,50");
        corrected.ShouldContain("korrigiert");
        await row.Locator("details summary").ClickAsync();
        var history = await row.Locator("details ol").InnerTextAsync();
        history.ShouldContain("500,00");
        history.ShouldContain("Tippfehler: Die Rechnung lautet auf 450,50 €.");
        (await PilotAsync(pilot.Id)).Funding.Single(f => f.Name == state.Name).Spent.ShouldBe(state.Spent + 450.50m);
        await ExpectAccessibleAsync();

        // Cancel: the source gets the money back, the row says so and offers nothing more.
        await row.GetByRole(AriaRole.Link, new() { Name = "Stornieren" }).ClickAsync();
        await Page.Locator("#step").GetByRole(AriaRole.Heading, new() { Name = "Ausgabe stornieren", Level = 3 }).WaitForAsync();
        (await Page.Locator("#step").InnerTextAsync()).ShouldContain(note);
        await Page.Locator("#cancel-spending-reason").FillAsync("Rechnung doppelt verbucht.");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Ausgabe stornieren" }).ClickAsync();
        await DoneAsync("Die Ausgabe wurde storniert.");
        row = Row(note);
        (await row.InnerTextAsync()).ShouldContain("storniert");
        (await row.GetByRole(AriaRole.Link).CountAsync()).ShouldBe(0);
        (await PilotAsync(pilot.Id)).Funding.Single(f => f.Name == state.Name).Spent.ShouldBe(state.Spent);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("pilot-spending-cancelled");
    }

    [Fact]
    public async Task In_English_the_row_offers_correct_and_cancel_and_the_form_names_the_spending()
    {
        var pilot = await DemoPilotAsync();
        var state = (await PilotAsync(pilot.Id)).Funding.First(f => f.Kind == FundingSourceKind.StateGovernment);
        var note = $"Flyer browser test {Guid.NewGuid().ToString("N")[..6]}";
        await Fixture.Api(DemoUsers.ProjectLead).SendAsync<PilotItemAdded>(HttpMethod.Post, $"/api/pilots/{pilot.Id}/spending",
            new RecordPilotSpending((await PilotAsync(pilot.Id)).Version, state.Name, PilotCostCategory.PublicRelations, 80m, new DateOnly(2015, 2, 21), note),
            cancellation: TestContext.Current.CancellationToken);
        await SignInAsync(DemoUsers.ProjectLead, $"/pilots/{pilot.Id}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sprache: English" }).ClickAsync();
        var row = Page.GetByRole(AriaRole.Table, new() { Name = "Spending, latest first" }).GetByRole(AriaRole.Row).Filter(new() { HasText = note });

        await row.GetByRole(AriaRole.Link, new() { Name = "Cancel" }).ClickAsync();

        await Page.Locator("#step").GetByRole(AriaRole.Heading, new() { Name = "Cancel a spending", Level = 3 }).WaitForAsync();
        (await Page.Locator("#step").InnerTextAsync()).ShouldContain(note);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Cancel the spending" }).ClickAsync();
        (await Page.Locator("#cancel-spending-reason-error").InnerTextAsync()).ShouldBe("A reason is required.");
        await ExpectAccessibleAsync();
    }

    private ILocator Row(string note) =>
        Page.GetByRole(AriaRole.Table, new() { Name = SpendingTable }).GetByRole(AriaRole.Row).Filter(new() { HasText = note });
}
