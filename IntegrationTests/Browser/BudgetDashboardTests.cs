using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// A programme's budget dashboard: charts drawn on the server with the same numbers in tables beside them, each table downloaded
/// as CSV and XLSX with the page's numbers; the dashboard reader sees it and nothing of a case.
/// </summary>
public class BudgetDashboardTests(BrowserFixture fixture) : DashboardTest(fixture)
{
    private const string Programme = "ESF+ Regionale Fachkräftebündnisse Niedersachsen";
    private const string FiguresTable = "Kennzahlen des Budgets";
    private const string SourcesTable = "Budget je Finanzierungsquelle";
    private const string AlliancesTable = "Planungsbudget, gebunden und verbleibend je Bündnis";
    private const string MovementsTable = "Bewegungen je Monat";
    private const string MonthEndsTable = "Stand am Monatsende";
    private const string RegionsTable = "Geld je Bündnis und Landkreis";
    private const string RegionFiguresTable = "Kennzahlen der Region";
    private const string RegionMonthsTable = "Bewegungen der Region je Monat";

    [Fact]
    public async Task Staff_open_the_budget_dashboard_from_the_programme_and_download_each_table_with_the_pages_numbers_as_csv_and_xlsx()
    {
        var budget = await BudgetAsync(DemoUsers.Caseworker);
        await SignInAsync(DemoUsers.Caseworker, $"/programmes/{budget.ProgrammeId}");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Budget-Dashboard öffnen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = $"Budget-Dashboard {Programme}", Level = 1 }).WaitForAsync();
        (await Page.TitleAsync()).ShouldBe($"Budget-Dashboard {Programme} – Fachwerk");

        var chart = Page.GetByRole(AriaRole.Img, new() { Name = "Budget, gebunden, wieder freigegeben, ausgezahlt, zurückgefordert, zurückgezahlt und noch verfügbar, in Euro" });
        var figures = await TableAsync(FiguresTable);
        // The chart tells in words what the table beside it shows.
        (await chart.Locator("desc").TextContentAsync() ?? "").ShouldBe(string.Join("; ", figures.Select(r => $"{r[0]}: {r[1]}")));
        figures.Select(r => r[0]).ShouldBe(["Budget jetzt", "Gebunden", "Wieder freigegeben", "Ausgezahlt", "Zurückgefordert", "Zurückgezahlt", "Noch verfügbar"]);
        figures.Select(r => Amount(r[1])).ShouldBe([budget.TotalBudget, budget.Committed, budget.Released, budget.Paid, budget.Reclaimed, budget.Repaid, budget.Remaining]);
        var alliances = await TableAsync(AlliancesTable);
        alliances.Select(r => r[0]).ShouldBe(budget.Alliances.Select(a => a.AllianceName!));
        alliances.Select(r => Amount(r[1])).ShouldBe(budget.Alliances.Select(a => a.Planned));
        (await Page.GetByRole(AriaRole.Img, new() { Name = "Planungsbudget (Umriss) und gebunden (gefüllt) je Bündnis, in Euro" }).Locator("desc").TextContentAsync() ?? "")
            .ShouldContain(alliances.Where(r => r[0] == "Regionales Fachkräftebündnis Leine-Weser").Select(r => $"{r[0]}: Planungsbudget {r[1]}, Gebunden {r[2]}").Single());
        // By funding source, with its kind: each source's share of every euro, the parts adding up to the programme's figures.
        var bySource = await TableAsync(SourcesTable);
        bySource.Select(r => r[0]).ShouldBe(["ESF+ (Europäischer Sozialfonds)"]);
        bySource.Select(r => Amount(r[2])).ShouldBe(budget.Sources.Select(s => (decimal?)s.Budget));
        bySource.Select(r => Amount(r[3])).ShouldBe(budget.Sources.Select(s => (decimal?)s.Committed));
        bySource.Sum(r => Amount(r[3])).ShouldBe(budget.Committed);
        (await ChartDescriptionAsync("Budget (Umriss), gebunden und ausgezahlt (gefüllt) je Finanzierungsquelle, in Euro"))
            .ShouldBe(string.Join("; ", bySource.Select(r => $"{r[0]} ({r[1]}): Budget jetzt {r[2]}, Gebunden {r[3]}, Ausgezahlt {r[4]}")));
        var (sourcesCsvName, sourcesCsv) = await CsvAsync(SourcesTable);
        sourcesCsvName.ShouldMatch(@"^programmbudget-quellen-\d{4}-\d{2}-\d{2}\.csv$");
        sourcesCsv.Skip(1).Select(r => r[2]).ShouldBe(bySource.Select(r => Plain(Amount(r[2]))));
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("budget-dashboard");

        var (figuresCsvName, figuresCsv) = await CsvAsync(FiguresTable);
        figuresCsvName.ShouldMatch(@"^programmbudget-kennzahlen-\d{4}-\d{2}-\d{2}\.csv$");
        figuresCsv.ShouldBe([["Kennzahl", "Betrag"], .. figures.Select(r => new[] { r[0], Plain(Amount(r[1])) })]);
        var (alliancesXlsxName, alliancesXlsx) = await XlsxAsync(AlliancesTable);
        alliancesXlsxName.ShouldMatch(@"^programmbudget-buendnisse-\d{4}-\d{2}-\d{2}\.xlsx$");
        alliancesXlsx[0].ShouldBe(["Bündnis", "Planungsbudget", "Gebunden", "Verbleibend"]);
        alliancesXlsx.Skip(1).Select(r => r[0] as string).ShouldBe(alliances.Select(r => r[0]));
        alliancesXlsx.Skip(1).Select(r => r[1] as decimal?).ShouldBe(alliances.Select(r => Amount(r[1])));
        alliancesXlsx.Skip(1).Select(r => (decimal)r[2]!).ShouldBe(alliances.Select(r => Amount(r[2])!.Value));
        var (_, figuresXlsx) = await XlsxAsync(FiguresTable);
        figuresXlsx.Skip(1).Select(r => (decimal)r[1]!).ShouldBe(figures.Select(r => Amount(r[1])!.Value));
    }

    [Fact]
    public async Task A_dashboard_reader_sees_only_the_dashboards_reads_the_budget_chart_and_table_exports_csv_and_cannot_open_a_case()
    {
        var application = await SubmittedApplicationAsync("Kennzahlen ohne Personen");
        var budget = await BudgetAsync(DemoUsers.DashboardReader);
        await SignInAsync(DemoUsers.DashboardReader, "/dashboards");
        (await Page.GetByRole(AriaRole.Navigation, new() { Name = "Hauptnavigation" }).GetByRole(AriaRole.Link).AllInnerTextsAsync())
            .Select(t => t.Trim()).ShouldBe(["Dashboards"]);
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = Programme, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = $"Budget-Dashboard {Programme}", Level = 1 }).WaitForAsync();
        await Page.GetByRole(AriaRole.Img, new() { Name = "Budget, gebunden, wieder freigegeben, ausgezahlt, zurückgefordert, zurückgezahlt und noch verfügbar, in Euro" }).WaitForAsync();
        var figures = await TableAsync(FiguresTable);
        Amount(figures[0][1]).ShouldBe(budget.TotalBudget);
        var (_, csv) = await CsvAsync(FiguresTable);
        csv.Skip(1).Select(r => r[1]).ShouldBe(figures.Select(r => Plain(Amount(r[1]))));

        await Page.GotoAsync($"/applications/{application.Id}");
        (await Page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Das dürfen Sie nicht einsehen.");
        (await Page.ContentAsync()).ShouldNotContain(application.Plan.Title);
        await ExpectAccessibleAsync();
        await Page.GotoAsync("/applications");
        (await Page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Das dürfen Sie nicht einsehen.");
    }

    [Fact]
    public async Task Staff_read_the_budget_month_by_month_choose_a_period_kept_in_the_address_and_download_its_months()
    {
        var budget = await BudgetAsync(DemoUsers.Caseworker);
        var months = await MonthsAsync(budget.ProgrammeId, "");
        months.Count.ShouldBeGreaterThan(0, "the demo world committed and paid money");
        await SignInAsync(DemoUsers.Caseworker, $"/dashboards/programmes/{budget.ProgrammeId}");

        var movements = await TableAsync(MovementsTable);
        movements.Select(r => Amount(r[2])).ShouldBe(months.Select(m => (decimal?)m.Committed));
        movements.Select(r => Amount(r[4])).ShouldBe(months.Select(m => (decimal?)m.Paid));
        var monthEnds = await TableAsync(MonthEndsTable);
        monthEnds.Select(r => Amount(r[4])).ShouldBe(months.Select(m => (decimal?)m.RemainingAtEnd));
        Amount(monthEnds[^1][4]).ShouldBe(budget.Remaining, "the last month's end is where the budget stands");
        (await ChartDescriptionAsync("Budget, gebunden, ausgezahlt und noch verfügbar am Ende jedes Monats, in Euro"))
            .ShouldStartWith($"Budget: {monthEnds[0][0]} {monthEnds[0][1]}");
        await ExpectAccessibleAsync();

        // The last month only: the form keeps the period in the address, the tables and downloads show that month.
        var last = months[^1].Month;
        await Page.Locator("#filter-from").FillAsync(last.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.Locator("#filter-to").FillAsync(last.AddMonths(1).AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await Page.GetByRole(AriaRole.Form, new() { Name = "Zeitraum" }).GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Page.WaitForURLAsync($"**/dashboards/programmes/{budget.ProgrammeId}?from=*");
        await Page.GetByText("Gefiltert:").WaitForAsync();
        var filtered = await TableAsync(MonthEndsTable);
        filtered.Select(r => r[0]).ShouldBe([monthEnds[^1][0]]);
        var (csvName, csv) = await CsvAsync(MonthEndsTable);
        csvName.ShouldMatch(@"^programmbudget-monatsende-\d{4}-\d{2}-\d{2}\.csv$");
        csv.ShouldBe([["Monat", "Budget", "Gebunden", "Ausgezahlt", "Noch verfügbar"],
            [last.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), Plain(months[^1].BudgetAtEnd), Plain(months[^1].CommittedAtEnd),
             Plain(months[^1].PaidAtEnd), Plain(months[^1].RemainingAtEnd)]]);
        await ExpectAccessibleAsync();

        // A period before the first movement has no months; one that ends before it begins is refused in words, the rest of the page stands.
        await Page.GotoAsync($"/dashboards/programmes/{budget.ProgrammeId}?from=2001-01-01&to=2001-12-31");
        (await Page.Locator("section[aria-labelledby='months-heading']").InnerTextAsync()).ShouldContain("In diesem Zeitraum wurde kein Geld bewegt.");
        await Page.GotoAsync($"/dashboards/programmes/{budget.ProgrammeId}?from=2027-02-01&to=2027-01-01");
        (await Page.Locator("section[aria-labelledby='months-heading']").GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldNotBeEmpty();
        (await TableAsync(FiguresTable)).Count.ShouldBe(7);
        await Page.GetByRole(AriaRole.Link, new() { Name = "Alle Monate zeigen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Img, new() { Name = "Budget, gebunden, ausgezahlt und noch verfügbar am Ende jedes Monats, in Euro" }).WaitForAsync();
    }

    [Fact]
    public async Task A_dashboard_reader_chooses_an_alliance_and_a_district_kept_in_the_address_and_downloads_that_regions_money()
    {
        var budget = await BudgetAsync(DemoUsers.DashboardReader);
        var every = await RegionsAsync(budget.ProgrammeId, "");
        var region = every.Regions.Where(r => r.District.Length > 0).MaxBy(r => r.Committed + r.Paid)
            ?? throw new InvalidOperationException("The demo world committed money of this programme in a district.");
        await SignInAsync(DemoUsers.DashboardReader, $"/dashboards/programmes/{budget.ProgrammeId}");

        // Every region: the same money as the programme's figures, one row per alliance and district.
        var regions = await TableAsync(RegionsTable);
        regions.Select(r => (r[0], r[1], Amount(r[2]))).ShouldBe(every.Regions.Select(r => (r.AllianceName!, r.District, (decimal?)r.Committed)));
        regions.Sum(r => Amount(r[2])).ShouldBe(budget.Committed);
        await ExpectAccessibleAsync();

        // The alliance and the district: the figures, months and downloads of the section are that region's.
        var form = Page.GetByRole(AriaRole.Form, new() { Name = "Bündnis oder Landkreis wählen" });
        await form.GetByLabel("Bündnis").SelectOptionAsync(region.AllianceId.ToString());
        await form.GetByLabel("Landkreis / Region").SelectOptionAsync(region.District);
        await form.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Page.WaitForURLAsync($"**/dashboards/programmes/{budget.ProgrammeId}?allianceId=*");
        (await Page.Locator("section[aria-labelledby='regions-heading'] [role=status]").InnerTextAsync())
            .ShouldStartWith($"Gefiltert: {region.AllianceName}, {region.District}.");
        var chosen = await RegionsAsync(budget.ProgrammeId, $"?allianceId={region.AllianceId}&district={Uri.EscapeDataString(region.District)}");
        var figures = await TableAsync(RegionFiguresTable);
        Amount(figures.Single(r => r[0] == "Gebunden")[1]).ShouldBe(region.Committed);
        Amount(figures.Single(r => r[0] == "Ausgezahlt")[1]).ShouldBe(region.Paid);
        (await TableAsync(RegionsTable)).ShouldHaveSingleItem()[1].ShouldBe(region.District);
        var months = await TableAsync(RegionMonthsTable);
        months.Select(r => Amount(r[1])).ShouldBe(chosen.Months.Select(m => (decimal?)m.Committed));
        (await ChartDescriptionAsync("Gebunden, wieder freigegeben, ausgezahlt, zurückgefordert und zurückgezahlt in der Region, in Euro"))
            .ShouldBe(string.Join("; ", figures.Select(r => $"{r[0]}: {r[1]}")));
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("budget-dashboard-region");

        var (csvName, csv) = await CsvAsync(RegionFiguresTable);
        csvName.ShouldMatch(@"^programmbudget-region-kennzahlen-\d{4}-\d{2}-\d{2}\.csv$");
        csv.Skip(1).Select(r => r[1]).ShouldBe(figures.Select(r => Plain(Amount(r[1]))));
        var (_, monthsXlsx) = await XlsxAsync(RegionMonthsTable);
        monthsXlsx.Skip(1).Select(r => (decimal)r[1]!).ShouldBe(chosen.Months.Select(m => m.Committed));

        // Back to every region, the period and the rest of the page as they were.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Alle Regionen zeigen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Alle Regionen zeigen" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
        Page.Url.ShouldEndWith($"/dashboards/programmes/{budget.ProgrammeId}#regions-heading");
        (await TableAsync(RegionsTable)).Count.ShouldBe(every.Regions.Count);
    }

    private async Task<RegionalBudgetView> RegionsAsync(Guid programme, string query) =>
        (await Fixture.Api(DemoUsers.DashboardReader).GetAsync<RegionalBudgetView>($"/api/programmes/{programme}/budget/regions{query}",
            cancellation: TestContext.Current.CancellationToken)).Result;

    private async Task<IReadOnlyList<BudgetMonth>> MonthsAsync(Guid programme, string query) =>
        (await Fixture.Api(DemoUsers.Caseworker).GetAsync<ProgrammeBudgetOverTime>($"/api/programmes/{programme}/budget/months{query}",
            cancellation: TestContext.Current.CancellationToken)).Result.Months;

    private async Task<ProgrammeBudgetView> BudgetAsync(DemoUser user)
    {
        var api = Fixture.Api(user);
        var programme = (await api.GetAsync<Page<ProgrammeDetails>>("/api/programmes?name=" + Uri.EscapeDataString(Programme))).Result.Items.Single();
        return (await api.GetAsync<ProgrammeBudgetView>($"/api/programmes/{programme.Id}/budget")).Result;
    }
}
