using System.Globalization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// A pilot's demand dashboard: participants, companies, placements and services per month as a line chart drawn on the server with
/// the same numbers in a table, the stable-demand indicator with its computation in words, each table as CSV; the dashboard reader
/// sees it and no participant.
/// </summary>
public class PilotDemandDashboardTests(BrowserFixture fixture) : DashboardTest(fixture)
{
    private const string MonthsTable = "Nachfrage je Monat";
    private const string WindowTable = "Nachfrage in den betrachteten Monaten";
    private const string MonthsChart = "Aufgenommene Teilnehmende und Unternehmen, Vermittlungen und erbrachte Leistungen je Monat";
    private static readonly string Pilot = DemoWorldPilotData.Relocation.Name;

    [Fact]
    public async Task Staff_open_a_pilots_demand_from_the_dashboards_see_the_months_as_chart_and_table_and_the_indicator_in_words()
    {
        var demand = await DemandAsync(DemoUsers.Caseworker);
        demand.Indicator.Verdict.ShouldBe(DemandVerdict.Stable);

        await SignInAsync(DemoUsers.Caseworker, "/dashboards");
        await Page.GetByRole(AriaRole.Link, new() { Name = Pilot, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = $"Nachfrage-Dashboard {Pilot}", Level = 1 }).WaitForAsync();
        Page.Url.ShouldEndWith($"/dashboards/pilots/{demand.PilotId}");

        var months = await TableAsync(MonthsTable);
        months.Count.ShouldBe(demand.Months.Count);
        months.Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).ShouldBe(demand.Months.Select(m => m.NewParticipants));
        months.Select(r => int.Parse(r[2], CultureInfo.InvariantCulture)).ShouldBe(demand.Months.Select(m => m.NewCompanies));
        months.Select(r => int.Parse(r[3], CultureInfo.InvariantCulture)).ShouldBe(demand.Months.Select(m => m.Placements));
        months.Select(r => int.Parse(r[4], CultureInfo.InvariantCulture)).ShouldBe(demand.Months.Select(m => m.ServicesDelivered));
        months.Select(r => int.Parse(r[6], CultureInfo.InvariantCulture)).ShouldBe(demand.Months.Select(m => m.Demand));
        // The chart tells in words what the table shows: each series with its value in each month.
        (await ChartDescriptionAsync(MonthsChart)).ShouldBe(string.Join("; ",
            new[] { ("Teilnehmende", 1), ("Unternehmen", 2), ("Vermittlungen", 3), ("Erbrachte Leistungen", 4) }
                .Select(s => $"{s.Item1}: {string.Join(", ", months.Select(r => $"{r[0]} {r[s.Item2]}"))}")));

        var indicator = Page.GetByRole(AriaRole.Region, new() { Name = "Stabile Nachfrage (Indikator für die Fortführung)" });
        var words = await indicator.InnerTextAsync();
        words.ShouldContain("Stabile Nachfrage: ja");
        words.ShouldContain($"Jeder Monat erreicht das Minimum von 5 (niedrigster: {demand.Indicator.LowestMonthlyDemand})");
        words.ShouldContain($"Die Nachfrage fällt nicht: Die letzten 3 Monate haben im Schnitt {demand.Indicator.LaterAverage!.Value.ToString("#,##0.##", German)} " +
            $"gegen {demand.Indicator.EarlierAverage!.Value.ToString("#,##0.##", German)}");
        (await TableAsync(WindowTable)).Select(r => int.Parse(r[1], CultureInfo.InvariantCulture)).ShouldBe(demand.Indicator.Window.Select(m => m.Demand));
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("pilot-demand-dashboard");

        var (csvName, csv) = await CsvAsync(MonthsTable);
        csvName.ShouldMatch(@"^pilot-nachfrage-monate-\d{4}-\d{2}-\d{2}\.csv$");
        csv[0].ShouldBe(["Monat", "Teilnehmende", "Unternehmen", "Vermittlungen", "Erbrachte Leistungen", "Interkulturelle Trainings", "Nachfrage"]);
        csv.Skip(1).Select(r => r[0]).ShouldBe(demand.Months.Select(m => m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        csv.Skip(1).Select(r => r[1..]).ShouldBe(months.Select(r => r[1..]));
    }

    [Fact]
    public async Task A_dashboard_reader_reads_a_pilots_demand_and_no_participant()
    {
        var demand = await DemandAsync(DemoUsers.DashboardReader);
        await SignInAsync(DemoUsers.DashboardReader, "/dashboards");
        await Page.GetByRole(AriaRole.Link, new() { Name = Pilot, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Img, new() { Name = MonthsChart }).WaitForAsync();
        (await TableAsync(MonthsTable)).Select(r => int.Parse(r[6], CultureInfo.InvariantCulture)).ShouldBe(demand.Months.Select(m => m.Demand));
        var content = await Page.ContentAsync();
        foreach (var participant in DemoWorldPilotData.Relocation.Participants)
            content.ShouldNotContain(participant.FamilyName);
        await ExpectAccessibleAsync();

        var participants = await Fixture.Api(DemoUsers.DashboardReader).GetAsync<Page<object>>($"/api/pilots/{demand.PilotId}/participants", cancellation: TestContext.Current.CancellationToken);
        participants.Status.ShouldBe(403);
    }

    [Fact]
    public async Task A_period_kept_in_the_address_narrows_the_months_and_their_download()
    {
        var demand = await DemandAsync(DemoUsers.Caseworker);
        var from = demand.Months[2].Month;
        var to = demand.Months[4].Month.AddDays(10);
        await SignInAsync(DemoUsers.Caseworker, $"/dashboards/pilots/{demand.PilotId}");
        (await TableAsync(MonthsTable)).Count.ShouldBe(demand.Months.Count);

        await Page.GetByLabel("von", new() { Exact = true }).FillAsync(from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByLabel("bis", new() { Exact = true }).FillAsync(to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Page.WaitForURLAsync($"**/dashboards/pilots/{demand.PilotId}?from=*");
        await Page.GetByText("Der Indikator beurteilt immer die ganze Pilotphase").WaitForAsync();

        var months = await TableAsync(MonthsTable);
        months.Select(r => int.Parse(r[6], CultureInfo.InvariantCulture)).ShouldBe(demand.Months.Skip(2).Take(3).Select(m => m.Demand));
        (await ChartDescriptionAsync(MonthsChart)).ShouldStartWith($"Teilnehmende: {months[0][0]} {months[0][1]}, ");
        var (_, csv) = await CsvAsync(MonthsTable);
        csv.Skip(1).Select(r => r[0]).ShouldBe(demand.Months.Skip(2).Take(3).Select(m => m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)));
        await ExpectAccessibleAsync();

        // A period that ends before it begins is said in words, and all months are shown.
        await Page.GotoAsync($"/dashboards/pilots/{demand.PilotId}?from=2015-02-01&to=2014-03-01");
        await Page.GetByText("Der Zeitraum ist nicht lesbar oder endet vor seinem Beginn").WaitForAsync();
        (await TableAsync(MonthsTable)).Count.ShouldBe(demand.Months.Count);
    }

    private async Task<PilotDemandReport> DemandAsync(DemoUser user)
    {
        var api = Fixture.Api(user);
        var pilot = (await api.GetAsync<Page<PilotSummary>>("/api/pilots?name=" + Uri.EscapeDataString(Pilot))).Result.Items.Single();
        return (await api.GetAsync<PilotDemandReport>($"/api/pilots/{pilot.Id}/demand")).Result;
    }
}
