using System.Globalization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.Web.Localization;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>What the pilot pages' tests share: the demo pilot, a pilot of their own, and choosing a step on a pilot page.</summary>
public abstract class PilotTest(BrowserFixture fixture) : BrowserTest(fixture)
{
    protected static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Today in Berlin as the host's clock has it: the day the forms offer for what happens now.</summary>
    protected DateOnly Today => AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow());

    protected async Task<PilotSummary> DemoPilotAsync() =>
        (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<PilotSummary>>("/api/pilots?name=" + Uri.EscapeDataString(DemoUsers.ProjectLead.PilotName!)))
        .Result.Items.ShouldHaveSingleItem();

    /// <summary>
    /// A pilot the demo project lead launches through the API, who leads it from then on; running from three months ago for a year
    /// unless <paramref name="phase"/> says otherwise (a phase that is over makes the evaluation due at once). The demo pilot stays as
    /// the other tests expect it.
    /// </summary>
    protected async Task<PilotDetails> LaunchedPilotAsync(string name, Period? phase = null)
    {
        var launched = (await Fixture.Api(DemoUsers.ProjectLead).SendAsync<StreamCreated>(HttpMethod.Post, "/api/pilots",
            new LaunchPilot($"{name} {Guid.NewGuid().ToString("N")[..6]}", "Stadt Halle (Saale), Fachbereich Wirtschaft",
                phase ?? new Period(Today.AddMonths(-3), Today.AddMonths(9)),
                [new FundingSource("ESF Plus", FundingSourceKind.EuropeanSocialFund, 240_000m)], Enum.GetValues<PilotService>()),
            cancellation: TestContext.Current.CancellationToken)).Result;
        return await PilotAsync(launched.Id);
    }

    protected async Task<PilotDetails> PilotAsync(Guid id) =>
        (await Fixture.Api(DemoUsers.ProjectLead).GetAsync<PilotDetails>($"/api/pilots/{id}", cancellation: TestContext.Current.CancellationToken)).Result;

    /// <summary>The steps the page offers to choose from, in their order.</summary>
    protected async Task<IReadOnlyList<string>> StepsAsync() =>
        [.. (await Page.Locator("ul.steps a").AllInnerTextsAsync()).Select(s => s.TrimEnd('▾', ' '))];

    /// <summary>Chooses the step <paramref name="step"/>: its form, headed <paramref name="heading"/>, is the only one shown and has the focus.</summary>
    protected async Task ChooseStepAsync(string step, string heading)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = step, Exact = true }).ClickAsync();
        await ExpectChosenAsync(step, heading);
    }

    /// <summary>The page shows the form of <paramref name="step"/> alone, the step marked as chosen, and the focus on the form's heading.</summary>
    protected async Task ExpectChosenAsync(string step, string heading)
    {
        await Page.Locator("#step").GetByRole(AriaRole.Heading, new() { Name = heading, Level = 3, Exact = true }).WaitForAsync();
        await Page.WaitForFunctionAsync("name => document.activeElement?.tagName === 'H3' && document.activeElement.textContent.trim() === name", heading);
        (await Page.Locator("section[aria-labelledby='actions-heading'] form").CountAsync()).ShouldBe(1, "only the chosen step's form is shown");
        (await Page.Locator("ul.steps a[aria-current='true']").InnerTextAsync()).TrimEnd('▾', ' ').ShouldBe(step);
        new Uri(Page.Url).Fragment.ShouldBe("#step");
    }

    /// <summary>A day as the page writes it in German.</summary>
    protected static string Written(DateOnly day) => day.ToString("d", German);
}
