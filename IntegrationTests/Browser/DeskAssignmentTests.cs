using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Marten;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>Who works on a case, on the application page and on the desk: my tasks, my cases, the team's queues.</summary>
public class DeskAssignmentTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private ILocator Assignee => Page.GetByLabel("Zuweisen an");
    private ILocator Assign => Page.GetByRole(AriaRole.Button, new() { Name = "Zuweisen", Exact = true });

    private async Task<IReadOnlyList<object>> EventsOf(Guid application)
    {
        await using var session = Fixture.Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(application, token: TestContext.Current.CancellationToken)).Select(e => e.Data)];
    }

    [Fact]
    public async Task The_caseworker_takes_a_case_and_finds_it_among_her_tasks_her_cases_and_the_teams_queues()
    {
        var application = await SubmittedApplicationAsync("Schweißerinnen-Werkstatt Halle");
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        (await Page.Locator("#assign-case-current").InnerTextAsync()).ShouldContain("Er liegt in der Warteschlange des Teams.");
        await ExpectAccessibleAsync();

        (await Assignee.InputValueAsync()).ShouldBe(Application.Applications.Assignee.Me);
        await Page.GetByLabel("Begründung der Zuweisung (optional)").FillAsync("Ich kenne den Träger");
        await Assign.ClickAsync();

        var done = Page.Locator("#assign-case-done");
        await done.WaitForAsync();
        (await done.InnerTextAsync()).ShouldContain("Zuständigkeit geändert");
        (await Page.Locator("#assign-case-current").InnerTextAsync()).ShouldStartWith("Zuständig ist Sabine Sachbearbeitung (ArL Leine-Weser) seit");
        (await EventsOf(application.Id))[^1].ShouldBe(new CaseAssigned(application.Id, DemoUsers.Caseworker.Id, DemoUsers.Caseworker.DisplayName, null,
            "Ich kenne den Träger", DemoUsers.Caseworker.Id, ((CaseAssigned)(await EventsOf(application.Id))[^1]).RecordedAt));
        (await ApplicationAsync(application.Id)).Status.ShouldBe(ApplicationStatus.Submitted);
        await ExpectAccessibleAsync();

        await Page.GotoAsync("/");
        var mine = await Page.GetByRole(AriaRole.Table, new() { Name = "Meine Aufgaben: Fälligkeit, Aufgabe und Antrag" }).Locator("tbody tr").AllInnerTextsAsync();
        mine.ShouldContain(r => r.Contains(application.Plan.Title) && r.Contains("Antrag auf Vollständigkeit prüfen"));
        var queues = Page.GetByRole(AriaRole.Table, new() { Name = "Warteschlangen des Teams: Aufgaben und überfällige Aufgaben" });
        (await queues.Locator("tbody tr").AllInnerTextsAsync()).ShouldContain(r => r.StartsWith("Aufgaben der Sachbearbeitung: Fälle von Sabine Sachbearbeitung"));
        (await queues.Locator("tbody tr").AllInnerTextsAsync()).ShouldContain(r => r.StartsWith("Aufgaben der Sachbearbeitung: noch nicht übernommen"));
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Alle meine Fälle, auch die, die auf andere warten" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Meine Fälle", Level = 1 }).WaitForAsync();
        var cases = await Page.GetByRole(AriaRole.Table, new() { Name = "Gefundene Anträge" }).Locator("tbody tr").AllInnerTextsAsync();
        cases.ShouldContain(r => r.Contains(application.Plan.Title) && r.Contains("Sabine Sachbearbeitung"));
        cases.ShouldAllBe(r => r.Contains("Sabine Sachbearbeitung"));
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_team_lead_takes_a_colleagues_case_only_with_a_reason_and_is_told_so_in_German()
    {
        var application = await SubmittedApplicationAsync("Dachdeckerinnen Saalekreis – Vertretung");
        await Fixture.Api(DemoUsers.SecondCaseworker).SendAsync<Application.Common.CommandAccepted>(HttpMethod.Put,
            $"/api/applications/{application.Id}/assignment", new AssignCase(application.Version, DemoUsers.SecondCaseworker.Id), cancellation: TestContext.Current.CancellationToken);
        await SignInAsync(DemoUsers.TeamLead, $"/applications/{application.Id}");
        var events = await EventCountAsync();

        await Assignee.SelectOptionAsync(new SelectOptionValue { Label = DemoUsers.Caseworker.DisplayName });
        await Assign.ClickAsync();

        var outcome = Page.Locator("#assign-case-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Wenn die Teamleitung einen Fall von einer Kollegin oder einem Kollegen abzieht, nennt sie den Grund.");
        (await Assignee.InputValueAsync()).ShouldBe(DemoUsers.Caseworker.Id);
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Begründung der Zuweisung (optional)").FillAsync("Carsten ist drei Wochen im Urlaub");
        await Assign.ClickAsync();
        await Page.Locator("#assign-case-done").WaitForAsync();
        (await ApplicationAsync(application.Id)).Assignment!.ShouldSatisfyAllConditions(
            a => a.Assignee.ShouldBe(DemoUsers.Caseworker.Id), a => a.AssignedBy.ShouldBe(DemoUsers.TeamLead.Id), a => a.Reason.ShouldBe("Carsten ist drei Wochen im Urlaub"));
    }
}
