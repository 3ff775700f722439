using System.Globalization;
using Fachwerk.Application.Network.Series;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Series;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// A series of recurring activities in the browser (issue 21): the Mansfeld-Südharz returner days of the demo world compared
/// year on year, reached from the activity list and from each of its activities, with charts, a table of the API's numbers and
/// its CSV; a coordinator starts a series from the activity list.
/// </summary>
public class ActivitySeriesPageTests(BrowserFixture fixture) : DashboardTest(fixture)
{
    private const string Series = "Rückkehrertage Mansfeld-Südharz";

    private const string Table = "Veranstaltungen der Reihe " + Series;

    [Fact]
    public async Task The_returner_days_series_compares_its_years_in_charts_and_a_table_with_the_APIs_numbers_and_downloads_it_as_csv()
    {
        var api = Fixture.Api(DemoUsers.Caseworker);
        var id = (await api.GetAsync<IReadOnlyList<ActivitySeriesSummary>>("/api/activity-series", cancellation: TestContext.Current.CancellationToken))
            .Result.Single(s => s.Name == Series).Id;
        var view = (await api.GetAsync<ActivitySeriesView>($"/api/activity-series/{id}", cancellation: TestContext.Current.CancellationToken)).Result;
        view.Occurrences.Count(o => o.TotalAttendance is not null).ShouldBeGreaterThanOrEqualTo(5, "the demo world holds several years of returner days");

        await SignInAsync(DemoUsers.Caseworker, "/activities");
        await Page.Locator("#series-list").GetByRole(AriaRole.Link, new() { Name = Series }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Level = 1, Name = Series }).WaitForAsync();
        new Uri(Page.Url).AbsolutePath.ShouldBe($"/activity-series/{id}");

        var rows = await TableAsync(Table);
        rows.Select(r => r[0]).ShouldBe(view.Occurrences.Select(o => o.Year.ToString(CultureInfo.InvariantCulture)));
        rows.Select(r => r[1]).ShouldBe(view.Occurrences.Select(o => o.Title));
        var headings = (await Page.GetByRole(AriaRole.Table, new() { Name = Table }).Locator("thead th").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();
        int Column(string heading) => headings.IndexOf(heading);
        rows.Select(r => r[Column("Teilnehmende")]).ShouldBe(view.Occurrences.Select(o => Shown(o.TotalAttendance)));
        rows.Select(r => r[Column("Berufsrückkehrende")]).ShouldBe(view.Occurrences.Select(o => Shown(o.TotalAttendance is null ? null : o.Attendance.GetValueOrDefault(AttendeeGroup.ReturnersToWork))));
        rows.Select(r => r[Column("Kontakte")]).ShouldBe(view.Occurrences.Select(o => Shown(o.ContactsMade)));
        rows.Select(r => r[Column("Vermittlungen")]).ShouldBe(view.Occurrences.Select(o => Shown(o.Placements)));
        rows.Single(r => r[1] == "Rückkehrertag 2020")[Column("Stand")].ShouldContain("Abgesagt");
        var held = view.Occurrences.Where(o => o.TotalAttendance is not null).ToList();
        (await ChartDescriptionAsync("Teilnehmende je Jahr")).ShouldBe(string.Join("; ", held.Select(o => $"{o.Year}: {Shown(o.TotalAttendance)}")));
        (await ChartDescriptionAsync("Vermittlungen je Jahr")).ShouldBe(string.Join("; ", held.Select(o => $"{o.Year}: {Shown(o.Placements)}")));
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("activity-series");

        // The CSV: the page's headings, and the API's numbers written plainly.
        var (name, csv) = await CsvAsync(Table);
        name.ShouldMatch(@"^veranstaltungsreihe-\d{4}-\d{2}-\d{2}\.csv$");
        csv[0].ShouldBe(headings);
        csv.Skip(1).Select(r => (r[0], r[1], r[Column("Teilnehmende")], r[Column("Vermittlungen")])).ShouldBe(view.Occurrences.Select(o =>
            (o.Year.ToString(CultureInfo.InvariantCulture), o.Title, Plain(o.TotalAttendance), Plain(o.Placements))));

        // Each activity of the series links to it.
        var occurrence = view.Occurrences.First(o => o.TotalAttendance is not null);
        await Page.GotoAsync($"/activities/{occurrence.ActivityId}");
        (await Page.Locator("section[aria-labelledby='plan-heading']").GetByRole(AriaRole.Link, new() { Name = Series }).GetAttributeAsync("href"))
            .ShouldBe($"/activity-series/{id}");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task The_coordinator_starts_a_series_from_the_activity_list_and_lands_on_its_page()
    {
        const string name = "Dialogforum Fachkräfte Mansfelder Land – im Browser begonnen";
        await SignInAsync(DemoUsers.AllianceCoordinator, "/activities");
        var start = Page.GetByRole(AriaRole.Region, new() { Name = "Neue Veranstaltungsreihe" });
        await start.GetByLabel("Name der Reihe").FillAsync(name);
        await start.GetByLabel("Art", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Forum" });
        await start.GetByLabel("Rhythmus").SelectOptionAsync(new SelectOptionValue { Label = "halbjährlich" });
        await start.GetByRole(AriaRole.Button, new() { Name = "Reihe beginnen" }).ClickAsync();
        await DoneAsync("Veranstaltungsreihe begonnen");
        (await Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).InnerTextAsync()).ShouldBe(name);
        (await Page.Locator(".page-header__meta").InnerTextAsync()).ShouldContain("halbjährlich");
        (await Page.Locator("#no-occurrences").InnerTextAsync()).ShouldBe("Noch keine Veranstaltungen in dieser Reihe.");
        await ExpectAccessibleAsync();

        var started = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<IReadOnlyList<ActivitySeriesSummary>>("/api/activity-series",
            cancellation: TestContext.Current.CancellationToken)).Result.Single(s => s.Name == name);
        new Uri(Page.Url).AbsolutePath.ShouldBe($"/activity-series/{started.Id}");
        started.Recurrence.ShouldBe(Recurrence.HalfYearly);
    }

    /// <summary>A count as the page writes it, "–" when there is none (not held).</summary>
    private static string Shown(int? count) => count is { } n ? n.ToString("N0", German) : "–";

    private static string Plain(int? count) => count?.ToString(CultureInfo.InvariantCulture) ?? "";
}
