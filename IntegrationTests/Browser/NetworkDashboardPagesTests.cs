using System.Globalization;
using System.Text.RegularExpressions;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Dashboards;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// The network dashboards of an alliance, a federal state and a district (on the demo world's network work in Saxony-Anhalt): each
/// chart tells in words what the table beside it shows, the tables show the API's numbers, every table downloads as CSV and XLSX
/// with the page's numbers, a district without its state is refused in words, and each page passes an axe scan.
/// </summary>
public partial class NetworkDashboardPagesTests(BrowserFixture fixture) : DashboardTest(fixture)
{
    private const string ActivitiesTable = "Veranstaltungen je Jahr";
    private const string AttendanceTable = "Teilnehmende nach Zielgruppe je Jahr";
    private const string InstrumentYearsTable = "Einsätze und Berufswahlsiegel je Jahr";
    private const string InstrumentsTable = "Eingesetzte Instrumente";
    private const string IdeasTable = "Projektideen je Jahr";
    private const string HeldChart = "Durchgeführte Veranstaltungen je Jahr (Balkendiagramm)";
    private const string IdeasChart = "Projektideen je Jahr: erfasst, umgesetzt, gefördert (Liniendiagramm)";
    private const string District = "Mansfeld-Südharz";

    [Fact]
    public async Task A_dashboard_reader_opens_a_states_and_a_districts_network_dashboard_sees_the_apis_numbers_and_downloads_them()
    {
        var state = await DashboardAsync(DemoUsers.DashboardReader, "/api/network-dashboards/regions?federalState=SachsenAnhalt");
        state.Totals.ActivitiesHeld.ShouldBeGreaterThan(0, "the demo world held activities in Saxony-Anhalt");

        await SignInAsync(DemoUsers.DashboardReader, "/dashboards");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Sachsen-Anhalt", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Netzwerkarbeit: Sachsen-Anhalt", Level = 1 }).WaitForAsync();
        new Uri(Page.Url).PathAndQuery.ShouldBe("/network-dashboards/regions?federalState=SachsenAnhalt");
        await ExpectPageShowsAsync(state);
        await ExpectAccessibleAsync();
        await ExpectDownloadsMatchAsync(ActivitiesTable, "veranstaltungen");
        await ExpectDownloadsMatchAsync(IdeasTable, "projektideen");

        // A district of the state, chosen in the form: the address keeps it, the numbers and the downloads are the district's.
        var district = await DashboardAsync(DemoUsers.DashboardReader,
            $"/api/network-dashboards/regions?federalState=SachsenAnhalt&district={Uri.EscapeDataString(District)}");
        district.Totals.ActivitiesHeld.ShouldBeGreaterThan(0, "the returner days took place in Mansfeld-Südharz");
        district.Totals.ActivitiesHeld.ShouldBeLessThanOrEqualTo(state.Totals.ActivitiesHeld);
        await Page.GetByLabel("Landkreis oder kreisfreie Stadt").FillAsync(District);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = $"Netzwerkarbeit: {District} (Sachsen-Anhalt)", Level = 1 }).WaitForAsync();
        new Uri(Page.Url).Query.ShouldContain("district=");
        (await Page.GetByLabel("Bundesland").InputValueAsync()).ShouldBe("SachsenAnhalt");
        await ExpectPageShowsAsync(district);
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("network-region-dashboard");
        await ExpectDownloadsMatchAsync(AttendanceTable, "teilnehmende");
        await ExpectDownloadsMatchAsync(InstrumentYearsTable, "instrumente-je-jahr");
        if (district.Instruments.Count > 0) await ExpectDownloadsMatchAsync(InstrumentsTable, "instrumente");
    }

    [Fact]
    public async Task Without_a_state_the_whole_country_is_shown_and_a_district_without_its_state_is_refused_in_words_next_to_the_form()
    {
        var country = await DashboardAsync(DemoUsers.DashboardReader, "/api/network-dashboards/regions");
        await SignInAsync(DemoUsers.DashboardReader, "/network-dashboards/regions");
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Netzwerkarbeit: Bundesweit", Level = 1 }).WaitForAsync();
        await ExpectPageShowsAsync(country);
        await ExpectAccessibleAsync();

        await Page.GetByLabel("Bundesland").SelectOptionAsync(new SelectOptionValue { Label = "Bundesweit" });
        await Page.GetByLabel("Landkreis oder kreisfreie Stadt").FillAsync(District);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        var alert = Page.GetByRole(AriaRole.Alert);
        (await alert.InnerTextAsync()).ShouldContain("Ein Landkreis wird mit seinem Bundesland gewählt");
        (await alert.InnerTextAsync()).ShouldContain("Bundesland");
        (await Page.GetByRole(AriaRole.Table).CountAsync()).ShouldBe(0);
        (await Page.GetByLabel("Landkreis oder kreisfreie Stadt").InputValueAsync()).ShouldBe(District, "the form keeps what was typed");
        await ExpectAccessibleAsync();

        await Page.GetByRole(AriaRole.Link, new() { Name = "Bundesweit anzeigen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Netzwerkarbeit: Bundesweit", Level = 1 }).WaitForAsync();
    }

    [Fact]
    public async Task Every_table_of_an_alliances_network_dashboard_downloads_as_csv_and_xlsx_with_the_pages_numbers_and_the_page_leads_to_its_state()
    {
        var alliance = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<Page<AllianceSummary>>(
            "/api/alliances?name=" + Uri.EscapeDataString(DemoWorldNetworkData.SachsenAnhaltSued), cancellation: TestContext.Current.CancellationToken)).Result.Items.Single();
        var dashboard = await DashboardAsync(DemoUsers.Caseworker, $"/api/network-dashboards/alliances/{alliance.Id}");
        dashboard.Instruments.ShouldNotBeEmpty("the alliance's districts use the career-choice seal");

        await SignInAsync(DemoUsers.Caseworker, "/dashboards");
        await Page.GetByRole(AriaRole.Link, new() { Name = $"Netzwerkarbeit: {alliance.Name}", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = $"Netzwerkarbeit: {alliance.Name}", Level = 1 }).WaitForAsync();
        await ExpectPageShowsAsync(dashboard);
        (await TableAsync(InstrumentsTable)).Select(r => r[0]).ShouldBe(dashboard.Instruments.Select(i => i.Name));
        await ExpectAccessibleAsync();
        foreach (var (table, file) in new[]
                 {
                     (ActivitiesTable, "veranstaltungen"), (AttendanceTable, "teilnehmende"), (InstrumentYearsTable, "instrumente-je-jahr"),
                     (InstrumentsTable, "instrumente"), (IdeasTable, "projektideen"),
                 })
            await ExpectDownloadsMatchAsync(table, file);

        // The same figures for the alliance's state, one link away.
        await Page.GetByRole(AriaRole.Navigation, new() { Name = "Dieselben Zahlen für das Land und die Landkreise des Bündnisses" })
            .GetByRole(AriaRole.Link, new() { Name = "Sachsen-Anhalt", Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = "Netzwerkarbeit: Sachsen-Anhalt", Level = 1 }).WaitForAsync();
    }

    private async Task<NetworkDashboard> DashboardAsync(DemoUser user, string url) =>
        (await Fixture.Api(user).GetAsync<NetworkDashboard>(url, cancellation: TestContext.Current.CancellationToken)).Result;

    /// <summary>The page's tables show the API's numbers year by year, and each chart tells in words what its table shows.</summary>
    private async Task ExpectPageShowsAsync(NetworkDashboard dashboard)
    {
        var activities = await TableAsync(ActivitiesTable);
        activities.Select(r => int.Parse(r[0], CultureInfo.InvariantCulture)).ShouldBe(dashboard.Years.Select(y => y.Year));
        activities.Select(r => Count(r[1])).ShouldBe(dashboard.Years.Select(y => y.ActivitiesHeld));
        (await ChartDescriptionAsync(HeldChart)).ShouldBe(string.Join("; ", activities.Select(r => $"{r[0]}: {r[1]}")));

        (await TableAsync(AttendanceTable)).Select(r => Count(r[1])).ShouldBe(dashboard.Years.Select(y => y.Attendance));
        (await TableAsync(InstrumentYearsTable)).Select(r => Count(r[1])).ShouldBe(dashboard.Years.Select(y => y.InstrumentUses));

        var ideas = await TableAsync(IdeasTable);
        ideas.Select(r => (Count(r[1]), Count(r[2]), Count(r[3]))).ShouldBe(dashboard.Years.Select(y => (y.IdeasRecorded, y.IdeasRealised, y.IdeasFunded)));
        (await ChartDescriptionAsync(IdeasChart)).ShouldBe(string.Join("; ",
            new[] { "Erfasst", "Durch einen Antrag umgesetzt", "Gefördert" }.Select((series, column) =>
                $"{series}: {string.Join(", ", ideas.Select(r => $"{r[0]} {r[column + 1]}"))}")));
    }

    /// <summary>The table's CSV and XLSX hold its headings and rows as the page shows them, written plainly (numbers without separators, ISO days).</summary>
    private async Task ExpectDownloadsMatchAsync(string table, string file)
    {
        var headings = (await Page.GetByRole(AriaRole.Table, new() { Name = table }).Locator("thead th").AllInnerTextsAsync()).Select(t => t.Trim());
        string[][] expected = [[.. headings], .. (await TableAsync(table)).Select(r => r.Select(Exported).ToArray())];

        var (csvName, csv) = await CsvAsync(table);
        csvName.ShouldMatch($@"^netzwerkarbeit-{file}-\d{{4}}-\d{{2}}-\d{{2}}\.csv$");
        csv.ShouldBe(expected, $"the CSV of {table}");
        var (xlsxName, xlsx) = await XlsxAsync(table);
        xlsxName.ShouldMatch($@"^netzwerkarbeit-{file}-\d{{4}}-\d{{2}}-\d{{2}}\.xlsx$");
        xlsx.Select(r => r.Select(c => c is decimal d ? d.ToString(CultureInfo.InvariantCulture) : (string?)c ?? "").ToArray()).ShouldBe(expected, $"the XLSX of {table}");
    }

    private static int Count(string text) => int.Parse(text, NumberStyles.Number, German);

    /// <summary>A cell as a file writes it: a German count without its thousands' points, a German day as ISO, "–" as nothing.</summary>
    private static string Exported(string cell) =>
        cell == "–" ? ""
        : DateOnly.TryParseExact(cell, "dd.MM.yyyy", German, DateTimeStyles.None, out var day) ? day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : GermanCount().IsMatch(cell) ? cell.Replace(".", "", StringComparison.Ordinal)
        : cell;

    [GeneratedRegex(@"^\d{1,3}(\.\d{3})+$")]
    private static partial Regex GermanCount();
}
