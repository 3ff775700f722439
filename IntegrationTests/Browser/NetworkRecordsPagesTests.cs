using Fachwerk.Domain.Common;
using System.Globalization;
using CsvHelper;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Application.Network.Recommendations;
using Fachwerk.Domain.Network.Ideas;
using Fachwerk.Domain.Network.Recommendations;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The pages of the alliances' project ideas, their recommendations to municipalities and the cooperation agreements (issue 21):
/// a coordinator records an idea and links the application that realises it (seen on both pages), records a recommendation and
/// its follow-ups, a caseworker records an agreement; refusals of the API in German; the demo world on the lists.
/// </summary>
public class NetworkRecordsPagesTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string OwnAlliance = "Fachkräfteallianz Sachsen-Anhalt Süd";

    private ILocator Button(string name) => Page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    private ILocator NetworkLink(string name) =>
        Page.GetByRole(AriaRole.Navigation, new() { Name = "Regionales Netzwerk" }).GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    private ILocator Section(string id) => Page.Locator($"section[aria-labelledby='{id}']");

    private DateOnly Today => AuthorityCalendar.DayOf(Fixture.Clock.GetUtcNow());

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Guid IdFromUrl() => Guid.Parse(new Uri(Page.Url).AbsolutePath.Split('/')[^1]);

    [Fact]
    public async Task The_coordinator_records_an_idea_a_partner_and_the_realising_application_which_both_pages_show()
    {
        var application = await SubmittedApplicationAsync("Orientierungstage im Handwerk – aus einer Projektidee");
        const string title = "Handwerk erleben – Orientierungstage";

        await SignInAsync(DemoUsers.AllianceCoordinator, "/activities");
        await NetworkLink("Projektideen").ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = "Projektideen" }).WaitForAsync();
        // The demo world: the Leine-Weser alliance's ideas, one of them dropped.
        var list = await Page.Locator("table.data").InnerTextAsync();
        list.ShouldContain("Studienabbrecher ins Handwerk");
        list.ShouldContain("Aufgegeben");
        await ExpectAccessibleAsync();

        var record = Page.GetByRole(AriaRole.Region, new() { Name = "Neue Projektidee erfassen" });
        (await record.GetByLabel("Bündnis", new() { Exact = true }).Locator("option").AllInnerTextsAsync()).ShouldBe([OwnAlliance]);
        await record.GetByLabel("Titel", new() { Exact = true }).FillAsync(title);
        await record.GetByLabel("Die Idee", new() { Exact = true }).FillAsync("Jugendliche erleben eine Woche lang Betriebe des Handwerks.");
        await record.GetByLabel("Gesuchte Partner (optional)").FillAsync("Handwerkskammer\nBerufsbildende Schulen");
        await record.GetByLabel("Junge Menschen", new() { Exact = true }).CheckAsync();
        await Button("Projektidee erfassen").ClickAsync();
        await DoneAsync("Projektidee erfasst");
        var idea = IdFromUrl();
        (await Section("facts-heading").InnerTextAsync()).ShouldContain("Berufsbildende Schulen");
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Partner", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Hochschule Merseburg" });
        await Button("Zusage erfassen").ClickAsync();
        await DoneAsync("Zusage erfasst");
        (await Page.Locator(".page-header").InnerTextAsync()).ShouldContain("In Vorbereitung");
        (await Section("partners-heading").InnerTextAsync()).ShouldContain("Hochschule Merseburg");

        // A coordinator reads no applications: the form asks for the application's id.
        await Page.GetByLabel("Förderantrag", new() { Exact = true }).FillAsync(application.Id.ToString());
        await Button("Antrag verknüpfen").ClickAsync();
        await DoneAsync("Antrag verknüpft");
        (await Page.Locator(".page-header").InnerTextAsync()).ShouldContain("Umgesetzt");
        var link = Section("facts-heading").GetByRole(AriaRole.Link, new() { Name = application.Plan.Title });
        (await link.GetAttributeAsync("href")).ShouldBe($"/applications/{application.Id}");
        (await Page.Locator("#actions-heading + p").InnerTextAsync()).ShouldContain("nichts mehr erfasst");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("project-idea");

        var recorded = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<ProjectIdeaDetails>($"/api/project-ideas/{idea}",
            cancellation: TestContext.Current.CancellationToken)).Result;
        (recorded.Status, recorded.Realisation!.ApplicationId, recorded.PartnersSought.Count).ShouldBe((IdeaStatus.Realised, application.Id, 2));

        // The application's page names the idea as where it came from, linked back to it (for those who read the application).
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.Caseworker, $"/applications/{application.Id}");
        var origin = Page.Locator("#origins").GetByRole(AriaRole.Link, new() { Name = title });
        (await origin.GetAttributeAsync("href")).ShouldBe($"/project-ideas/{idea}");
        (await Page.Locator("#origins").InnerTextAsync()).ShouldContain("von " + OwnAlliance);
        await ExpectAccessibleAsync();
        await origin.ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = title }).WaitForAsync();

        // The list, filtered by status, as CSV: the page's filter, the page's columns.
        await Page.GotoAsync("/project-ideas?status=Realised");
        (await Page.Locator("table.data").InnerTextAsync()).ShouldNotContain("Imagekampagne Fachkräfteregion");
        var download = await Page.RunAndWaitForDownloadAsync(() =>
            Page.GetByRole(AriaRole.Link, new() { Name = "Tabelle Projektideen als CSV herunterladen" }).ClickAsync());
        using var csv = CsvReader.Create(await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken));
        var titles = new List<string>();
        while (csv.Read())
        {
            csv.GetString("Stand").ShouldBe("Umgesetzt");
            titles.Add(csv.GetString("Projektidee")!);
        }

        titles.ShouldContain(title);
        titles.ShouldContain("Studienabbrecher ins Handwerk");
        titles.ShouldNotContain("Imagekampagne Fachkräfteregion");
    }

    [Fact]
    public async Task The_coordinator_records_a_recommendation_and_its_follow_up_and_a_follow_up_out_of_order_is_refused_in_German()
    {
        await SignInAsync(DemoUsers.AllianceCoordinator, "/recommendations");
        var list = await Page.Locator("table.data").InnerTextAsync();
        list.ShouldContain("Virtuelles Welcome Center");
        list.ShouldContain("Kinderbetreuung für Schichtarbeitende");
        await ExpectAccessibleAsync();

        var subject = $"Pendlerbus zum Gewerbegebiet {Guid.NewGuid():N}"[..40];
        var issue = Page.GetByRole(AriaRole.Region, new() { Name = "Neuen Strukturimpuls erfassen" });
        await issue.GetByLabel("Kommune", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Landkreis Mansfeld-Südharz" });
        await issue.GetByLabel("Thema", new() { Exact = true }).FillAsync(subject);
        await issue.GetByLabel("Empfehlung", new() { Exact = true }).FillAsync("Eine Buslinie im Schichttakt zum Gewerbegebiet Sangerhausen einrichten.");
        await issue.GetByLabel("Gegeben am").FillAsync(Iso(Today.AddDays(-20)));
        await Button("Strukturimpuls erfassen").ClickAsync();
        await DoneAsync("Strukturimpuls erfasst");
        var id = IdFromUrl();
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Tag der Rückmeldung").FillAsync(Iso(Today.AddDays(-10)));
        await Page.GetByLabel("Was geschah", new() { Exact = true }).FillAsync("Der Kreistag hat den Impuls zur Kenntnis genommen.");
        await Button("Rückmeldung erfassen").ClickAsync();
        await DoneAsync("Rückmeldung erfasst");
        (await Section("followups-heading").InnerTextAsync()).ShouldContain("Zur Kenntnis genommen");

        // A follow-up before the last one: the API refuses it, the form says why in German and keeps what was typed.
        var events = await EventCountAsync();
        await Page.GetByLabel("Tag der Rückmeldung").FillAsync(Iso(Today.AddDays(-15)));
        await Page.GetByLabel("Was geschah", new() { Exact = true }).FillAsync("Verspätet eingetragen.");
        await Button("Rückmeldung erfassen").ClickAsync();
        var outcome = Page.Locator("#follow-up-recommendation-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Eine Rückmeldung kann nicht vor dem Strukturimpuls oder der letzten Rückmeldung liegen.");
        (await Page.GetByLabel("Was geschah", new() { Exact = true }).InputValueAsync()).ShouldBe("Verspätet eingetragen.");
        (await EventCountAsync()).ShouldBe(events);
        await ExpectAccessibleAsync();

        var stored = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<RecommendationDetails>($"/api/recommendations/{id}",
            cancellation: TestContext.Current.CancellationToken)).Result;
        stored.FollowUps.Select(f => f.Status).ShouldBe([FollowUpStatus.Acknowledged]);
        await Page.GotoAsync($"/recommendations/{id}");
        await ScreenshotForDocsAsync("recommendation");
    }

    [Fact]
    public async Task A_caseworker_records_a_cooperation_agreement_which_appears_in_the_list_and_on_its_page()
    {
        await SignInAsync(DemoUsers.Caseworker, "/cooperation-agreements");
        var list = await Page.Locator("table.data").InnerTextAsync();
        list.ShouldContain("Hochschule Merseburg");
        list.ShouldContain("Berufsbildenden Schulen");
        await ExpectAccessibleAsync();

        var subject = $"Ausbildungsverbund Pflege {Guid.NewGuid():N}"[..34];
        var conclude = Page.GetByRole(AriaRole.Region, new() { Name = "Neue Kooperationsvereinbarung erfassen" });
        await conclude.GetByLabel("Erster Partner").SelectOptionAsync(new SelectOptionValue { Label = "Landkreis Mansfeld-Südharz" });
        await conclude.GetByLabel("Zweiter Partner").SelectOptionAsync(new SelectOptionValue { Label = "Hochschule Merseburg" });
        await conclude.GetByLabel("Gegenstand", new() { Exact = true }).FillAsync(subject);
        await conclude.GetByLabel("Geschlossen am").FillAsync(Iso(Today.AddDays(-3)));
        await conclude.GetByLabel("Gültig bis (optional)").FillAsync(Iso(Today.AddYears(2)));
        await Button("Vereinbarung erfassen").ClickAsync();
        await DoneAsync("Kooperationsvereinbarung erfasst");
        var facts = await Section("facts-heading").InnerTextAsync();
        facts.ShouldContain("Landkreis Mansfeld-Südharz");
        facts.ShouldContain("Gültig");
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("cooperation-agreement");

        // In the list, among those in force today, linked to its page.
        await Page.GotoAsync($"/cooperation-agreements?inForceOn={Iso(Today)}");
        var row = Page.Locator("table.data tr", new() { HasText = subject });
        (await row.InnerTextAsync()).ShouldContain("Hochschule Merseburg");
        await ExpectAccessibleAsync();
        await row.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = subject }).WaitForAsync();

        // One party only: refused by the API, in German beside the form.
        await Page.GotoAsync("/cooperation-agreements");
        await conclude.GetByLabel("Erster Partner").SelectOptionAsync(new SelectOptionValue { Label = "Hochschule Merseburg" });
        await conclude.GetByLabel("Gegenstand", new() { Exact = true }).FillAsync("Allein");
        await conclude.GetByLabel("Geschlossen am").FillAsync(Iso(Today));
        await Button("Vereinbarung erfassen").ClickAsync();
        var outcome = Page.Locator("#conclude-agreement-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Eine Kooperationsvereinbarung hat mindestens zwei Partner.");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task Readers_are_offered_no_steps_and_their_forged_posts_are_refused_by_the_API_in_German()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var api = Fixture.Api(DemoUsers.Caseworker);
        var ideas = (await api.GetAsync<Page<ProjectIdeaDetails>>("/api/project-ideas?status=Open", cancellation: cancellation)).Result.Items;
        var open = ideas.First(i => i.Title == "IT-Fachkräfte für KMU im Weserbergland");
        var recommendations = (await api.GetAsync<Page<RecommendationDetails>>($"/api/recommendations?allianceId={open.AllianceId}", cancellation: cancellation)).Result.Items;
        var nienburg = recommendations.Single(r => r.Subject == "Kinderbetreuung für Schichtarbeitende");
        var events = await EventCountAsync();

        // The ministry's dashboard reader reads the ideas (no personal data in them), is offered no step, and the API refuses a forged one.
        await SignInAsync(DemoUsers.DashboardReader, $"/project-ideas/{open.Id}");
        (await Section("facts-heading").InnerTextAsync()).ShouldContain("IT-Unternehmen im Weserbergland");
        (await Button("Idee aufgeben").CountAsync()).ShouldBe(0);
        await ExpectAccessibleAsync();
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "drop-idea",
            ["Form.DroppedOn"] = Iso(Today),
            ["Form.Reason"] = "Gefälscht",
            ["Form.ExpectedVersion"] = open.Version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });
        var outcome = Page.Locator("#drop-idea-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        await ExpectAccessibleAsync();

        // The coordinator of another alliance: not offered the Leine-Weser alliance's recommendation, refused by the API.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.AllianceCoordinator, $"/recommendations/{nienburg.Id}");
        (await Page.Locator("#actions-heading + p").InnerTextAsync()).ShouldContain("Koordination des empfehlenden Bündnisses");
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "follow-up-recommendation",
            ["Form.FollowedUpOn"] = Iso(Today),
            ["Form.Status"] = "Implemented",
            ["Form.Note"] = "Gefälscht",
            ["Form.ExpectedVersion"] = nienburg.Version.ToString(CultureInfo.InvariantCulture),
            ["Form.LoadedFacts"] = "",
        });
        outcome = Page.Locator("#follow-up-recommendation-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Bündniskoordinationen erfassen nur die Netzwerkarbeit ihres eigenen Bündnisses.");
        await ExpectAccessibleAsync();

        // The alliance's reviewer reads the agreements and records none: no form, and a forged one is refused.
        await Page.Context.ClearCookiesAsync();
        await SignInAsync(DemoUsers.AllianceReviewer, "/cooperation-agreements");
        (await Page.GetByRole(AriaRole.Region, new() { Name = "Neue Kooperationsvereinbarung erfassen" }).CountAsync()).ShouldBe(0);
        await PostForgedFormAsync(new Dictionary<string, string>
        {
            ["_handler"] = "conclude-agreement",
            ["Form.Subject"] = "Gefälscht",
            ["Form.ConcludedOn"] = Iso(Today),
        });
        outcome = Page.Locator("#conclude-agreement-outcome");
        await outcome.WaitForAsync();
        (await outcome.InnerTextAsync()).ShouldContain("Diesen Schritt dürfen Sie nicht ausführen");
        await ExpectAccessibleAsync();

        (await EventCountAsync()).ShouldBe(events);
    }
}
