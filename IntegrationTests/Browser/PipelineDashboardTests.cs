using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Microsoft.Playwright;

namespace Fachwerk.IntegrationTests.Browser;

/// <summary>
/// An alliance's pipeline dashboard: its region's applications by status and by programme as charts drawn on the server, the same
/// numbers in tables beside them, each table downloaded as CSV and XLSX; the dashboard reader sees it and nothing of a case.
/// </summary>
public class PipelineDashboardTests(BrowserFixture fixture) : DashboardTest(fixture)
{
    private const string Alliance = "Fachkräfteallianz Sachsen-Anhalt Süd";
    private const string StatusTable = "Anträge und Beträge je Status";
    private const string ProgrammeTable = "Anträge und Beträge je Förderprogramm";
    private const string StatusChart = "Anzahl der Anträge je Status";
    private const string MonthsTable = "Eingereicht und bewilligt je Monat";
    private const string MonthsChart = "Eingereichte und bewilligte Anträge je Monat";
    private const string ProgrammeChart = "Beantragt (Umriss) und bewilligt (gefüllt) je Förderprogramm, in Euro";

    [Fact]
    public async Task Staff_open_an_alliances_pipeline_from_the_dashboards_see_the_charts_told_as_in_the_tables_and_download_them()
    {
        var submitted = await SubmittedApplicationAsync("Pipeline zählt mit");
        var pipeline = await PipelineAsync(DemoUsers.Caseworker);
        pipeline.Stages.ShouldContain(s => s.Status == ApplicationStatus.Submitted && s.Applications > 0);

        await SignInAsync(DemoUsers.Caseworker, "/dashboards");
        await Page.GetByRole(AriaRole.Link, new() { Name = Alliance, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Heading, new() { Name = $"Pipeline-Dashboard {Alliance}", Level = 1 }).WaitForAsync();
        (await Page.TitleAsync()).ShouldBe($"Pipeline-Dashboard {Alliance} – Fachwerk");

        var statuses = await TableAsync(StatusTable);
        statuses.Select(r => Words(r[0])).ShouldBe(pipeline.Stages.Select(s => StatusLabel(s.Status)));
        statuses.Select(r => int.Parse(r[1], System.Globalization.NumberStyles.Number, German)).ShouldBe(pipeline.Stages.Select(s => s.Applications));
        statuses.Select(r => Amount(r[2])).ShouldBe(pipeline.Stages.Select(s => (decimal?)s.Requested));
        statuses.Select(r => Amount(r[3])).ShouldBe(pipeline.Stages.Select(s => (decimal?)s.Approved));
        // The chart tells in words what the table beside it shows.
        (await ChartDescriptionAsync(StatusChart)).ShouldBe(string.Join("; ", statuses.Select(r => $"{Words(r[0])}: {r[1]}")));

        var programmes = await TableAsync(ProgrammeTable);
        programmes.Select(r => r[0]).ShouldBe(pipeline.Programmes.Select(p => p.Programme));
        programmes.Select(r => Amount(r[2])).ShouldBe(pipeline.Programmes.Select(p => (decimal?)p.Requested));
        programmes.Select(r => Amount(r[3])).ShouldBe(pipeline.Programmes.Select(p => (decimal?)p.Approved));
        (await ChartDescriptionAsync(ProgrammeChart)).ShouldBe(string.Join("; ", programmes.Select(r => $"{r[0]}: Beantragt {r[2]}, Bewilligt {r[3]}")));
        (await Page.ContentAsync()).ShouldNotContain(submitted.Plan.Title);

        // Over time: the months the API counts, told by the chart as the table shows them.
        var overTime = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<AlliancePipelineOverTime>($"/api/alliances/{pipeline.AllianceId}/pipeline/months",
            cancellation: TestContext.Current.CancellationToken)).Result;
        var months = await TableAsync(MonthsTable);
        months.Select(r => int.Parse(r[1], System.Globalization.NumberStyles.Number, German)).ShouldBe(overTime.Months.Select(m => m.Submitted));
        months.Select(r => Amount(r[2])).ShouldBe(overTime.Months.Select(m => (decimal?)m.Requested));
        months.Select(r => int.Parse(r[3], System.Globalization.NumberStyles.Number, German)).ShouldBe(overTime.Months.Select(m => m.Approved));
        (await ChartDescriptionAsync(MonthsChart)).ShouldBe(
            $"Eingereicht: {string.Join(", ", months.Select(r => $"{r[0]} {r[1]}"))}; Bewilligte Anträge: {string.Join(", ", months.Select(r => $"{r[0]} {r[3]}"))}");
        var (_, monthsCsv) = await CsvAsync(MonthsTable);
        monthsCsv[0].ShouldBe(["Monat", "Eingereicht", "Beantragt", "Bewilligte Anträge", "Bewilligt"]);
        monthsCsv.Skip(1).Select(r => r[0]).ShouldBe(overTime.Months.Select(m => m.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
        monthsCsv.Skip(1).Select(r => r[2]).ShouldBe(months.Select(r => Plain(Amount(r[2]))));
        await ExpectAccessibleAsync();
        await ScreenshotForDocsAsync("pipeline-dashboard");

        var (statusCsvName, statusCsv) = await CsvAsync(StatusTable);
        statusCsvName.ShouldMatch(@"^pipeline-status-\d{4}-\d{2}-\d{2}\.csv$");
        statusCsv.ShouldBe([["Status", "Anträge", "Beantragt", "Bewilligt", "Ausgezahlt"],
            .. statuses.Select(r => new[] { Words(r[0]), r[1].Replace(".", "", StringComparison.Ordinal), Plain(Amount(r[2])), Plain(Amount(r[3])), Plain(Amount(r[4])) })]);
        var (programmeXlsxName, programmeXlsx) = await XlsxAsync(ProgrammeTable);
        programmeXlsxName.ShouldMatch(@"^pipeline-programme-\d{4}-\d{2}-\d{2}\.xlsx$");
        programmeXlsx[0].ShouldBe(["Förderprogramm", "Anträge", "Beantragt", "Bewilligt", "Ausgezahlt", "Begutachtet", "Gutachten (Ø)"]);
        programmeXlsx.Skip(1).Select(r => r[0] as string).ShouldBe(programmes.Select(r => r[0]));
        programmeXlsx.Skip(1).Select(r => (decimal)r[2]!).ShouldBe(programmes.Select(r => Amount(r[2])!.Value));
    }

    [Fact]
    public async Task The_programme_table_shows_how_many_applications_were_reviewed_and_their_mean_score_as_the_csv_does()
    {
        // The demo's Lower Saxony grant "Wiedereinstieg in den Beruf" was scored by three reviewers of the Leine-Weser alliance.
        const string leineWeser = "Regionales Fachkräftebündnis Leine-Weser";
        var pipeline = await PipelineAsync(DemoUsers.DashboardReader, leineWeser);
        var reviewed = pipeline.Programmes.Single(p => p.Programme == "ESF+ Regionale Fachkräftebündnisse Niedersachsen");
        reviewed.Reviewed.ShouldBeGreaterThanOrEqualTo(1);
        reviewed.ReviewAverage.ShouldNotBeNull();

        await SignInAsync(DemoUsers.DashboardReader, $"/dashboards/alliances/{pipeline.AllianceId}");
        var row = (await TableAsync(ProgrammeTable)).Single(r => r[0] == reviewed.Programme);
        (row[5], row[6]).ShouldBe((reviewed.Reviewed.ToString(German), reviewed.ReviewAverage.Value.ToString("#,##0.##", German)));
        var (_, csv) = await CsvAsync(ProgrammeTable);
        csv[0][5..].ShouldBe(["Begutachtet", "Gutachten (Ø)"]);
        csv.Single(r => r[0] == reviewed.Programme)[5..].ShouldBe(
            [reviewed.Reviewed.ToString(System.Globalization.CultureInfo.InvariantCulture), reviewed.ReviewAverage.Value.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)]);
        // A programme without reviews has no mean (the CSV is one read, whatever other tests add to this alliance meanwhile).
        csv.Skip(1).Where(r => r[5] == "0").ShouldAllBe(r => r[6] == "");
        await ExpectAccessibleAsync();
    }

    [Fact]
    public async Task A_dashboard_reader_reads_an_alliances_pipeline_and_its_csv_but_cannot_open_an_application_of_it()
    {
        var application = await SubmittedApplicationAsync("Pipeline ohne Personen");
        var pipeline = await PipelineAsync(DemoUsers.DashboardReader);
        await SignInAsync(DemoUsers.DashboardReader, "/dashboards");
        await Page.GetByRole(AriaRole.Link, new() { Name = Alliance, Exact = true }).ClickAsync();
        await Page.GetByRole(AriaRole.Img, new() { Name = StatusChart }).WaitForAsync();
        var statuses = await TableAsync(StatusTable);
        statuses.Select(r => Words(r[0])).ShouldBe(pipeline.Stages.Select(s => StatusLabel(s.Status)));
        var (_, csv) = await CsvAsync(StatusTable);
        csv.Skip(1).Select(r => r[1]).ShouldBe(pipeline.Stages.Select(s => s.Applications.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await ExpectAccessibleAsync();

        await Page.GotoAsync($"/applications/{application.Id}");
        (await Page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldContain("Das dürfen Sie nicht einsehen.");
        (await Page.ContentAsync()).ShouldNotContain(application.Plan.Title);
    }

    [Fact]
    public async Task District_staff_find_the_alliances_of_their_district_and_open_their_pipeline_filtered_to_it()
    {
        await SubmittedApplicationAsync("Pipeline des Landkreises");
        var all = await PipelineAsync(DemoUsers.DashboardReader);
        var inHalle = (await Fixture.Api(DemoUsers.DashboardReader).GetAsync<AlliancePipeline>(
            $"/api/alliances/{all.AllianceId}/pipeline?district={Uri.EscapeDataString("Halle (Saale)")}", cancellation: TestContext.Current.CancellationToken)).Result;

        await SignInAsync(DemoUsers.DashboardReader, "/dashboards");
        await Page.GetByLabel("Bundesland").SelectOptionAsync(new SelectOptionValue { Label = "Sachsen-Anhalt" });
        // Typed as a person types it: the case does not matter.
        await Page.GetByLabel("Landkreis / Region").FillAsync("halle (saale)");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Bündnisse finden" }).ClickAsync();
        await Page.WaitForURLAsync("**/dashboards?*district=halle*");
        await Page.GetByText("Gefundene Bündnisse:").WaitForAsync();
        var pipelines = Page.GetByRole(AriaRole.Region, new() { Name = "Antrags-Pipelines der Bündnisse" });
        (await pipelines.GetByRole(AriaRole.Link, new() { Name = Alliance, Exact = true }).CountAsync()).ShouldBe(1);
        (await pipelines.GetByRole(AriaRole.Link, new() { Name = "Regionales Fachkräftebündnis Leine-Weser" }).CountAsync()).ShouldBe(0);
        (await Page.GetByLabel("Landkreis / Region").InputValueAsync()).ShouldBe("halle (saale)");
        await ExpectAccessibleAsync();

        await pipelines.GetByRole(AriaRole.Link, new() { Name = Alliance, Exact = true }).ClickAsync();
        await Page.WaitForURLAsync($"**/dashboards/alliances/{all.AllianceId}?district=*");
        await Page.GetByText("Gefiltert:").WaitForAsync();
        (await TableAsync(StatusTable)).Sum(r => int.Parse(r[1], System.Globalization.NumberStyles.Number, German)).ShouldBe(inHalle.Applications);
        inHalle.Applications.ShouldBeLessThan(all.Applications, "the alliance's other districts are left out");

        await Page.GotoAsync("/dashboards?district=Nirgendwo");
        (await Page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Kein Bündnis" }).InnerTextAsync()).ShouldBe("Kein Bündnis deckt diese Region ab.");
        await Page.GetByRole(AriaRole.Link, new() { Name = "Alle Bündnisse zeigen" }).ClickAsync();
        await pipelines.GetByRole(AriaRole.Link, new() { Name = Alliance, Exact = true }).WaitForAsync();
    }

    [Fact]
    public async Task Filters_kept_in_the_address_change_the_numbers_and_the_downloads_count_the_same()
    {
        await SubmittedApplicationAsync("Pipeline gefiltert");
        var all = await PipelineAsync(DemoUsers.Caseworker);
        var programme = all.Programmes.First(p => p.Applications > 0);
        var filtered = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<AlliancePipeline>(
            $"/api/alliances/{all.AllianceId}/pipeline?programmeId={programme.ProgrammeId}", cancellation: TestContext.Current.CancellationToken)).Result;

        await SignInAsync(DemoUsers.Caseworker, $"/dashboards/alliances/{all.AllianceId}");
        await Page.GetByLabel("Förderprogramm", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = programme.Programme });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Page.WaitForURLAsync($"**/dashboards/alliances/{all.AllianceId}?programmeId={programme.ProgrammeId}*");
        await Page.GetByText("Gefiltert:").WaitForAsync();

        (await TableAsync(ProgrammeTable)).Select(r => r[0]).ShouldBe([programme.Programme]);
        var statuses = await TableAsync(StatusTable);
        statuses.Sum(r => int.Parse(r[1], System.Globalization.NumberStyles.Number, German)).ShouldBe(filtered.Applications);
        (await Page.GetByLabel("Förderprogramm", new() { Exact = true }).InputValueAsync()).ShouldBe(programme.ProgrammeId.ToString());
        var (_, csv) = await CsvAsync(StatusTable);
        csv.Skip(1).Select(r => r[1]).ShouldBe(statuses.Select(r => r[1].Replace(".", "", StringComparison.Ordinal)));
        await ExpectAccessibleAsync();

        // One district of the alliance's region: the numbers and the downloads count its projects only.
        var inHalle = (await Fixture.Api(DemoUsers.Caseworker).GetAsync<AlliancePipeline>(
            $"/api/alliances/{all.AllianceId}/pipeline?district={Uri.EscapeDataString("Halle (Saale)")}", cancellation: TestContext.Current.CancellationToken)).Result;
        await Page.GotoAsync($"/dashboards/alliances/{all.AllianceId}");
        await Page.GetByLabel("Landkreis / Region", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Halle (Saale)" });
        await Page.GetByRole(AriaRole.Button, new() { Name = "Anzeigen" }).ClickAsync();
        await Page.WaitForURLAsync($"**/dashboards/alliances/{all.AllianceId}?*district=Halle*");
        await Page.GetByText("Gefiltert:").WaitForAsync();
        var districtStatuses = await TableAsync(StatusTable);
        districtStatuses.Sum(r => int.Parse(r[1], System.Globalization.NumberStyles.Number, German)).ShouldBe(inHalle.Applications);
        inHalle.Applications.ShouldBeGreaterThan(0, "the test submitted an application in Halle (Saale)");
        var (_, districtCsv) = await CsvAsync(StatusTable);
        districtCsv.Skip(1).Select(r => r[1]).ShouldBe(districtStatuses.Select(r => r[1].Replace(".", "", StringComparison.Ordinal)));
        await ExpectAccessibleAsync();

        // A period that ends before it begins: the API's refusal in words, and a way back.
        await Page.GotoAsync($"/dashboards/alliances/{all.AllianceId}?from=2027-02-01&to=2027-01-01");
        (await Page.GetByRole(AriaRole.Alert).InnerTextAsync()).ShouldNotBeEmpty();
        await Page.GetByRole(AriaRole.Link, new() { Name = "Alle Anträge des Bündnisses zeigen" }).ClickAsync();
        await Page.GetByRole(AriaRole.Img, new() { Name = StatusChart }).WaitForAsync();
    }

    private async Task<AlliancePipeline> PipelineAsync(DemoUser user, string name = Alliance)
    {
        var api = Fixture.Api(user);
        var alliance = (await api.GetAsync<Page<AllianceSummary>>("/api/alliances?name=" + Uri.EscapeDataString(name))).Result.Items.Single();
        return (await api.GetAsync<AlliancePipeline>($"/api/alliances/{alliance.Id}/pipeline")).Result;
    }

    private static string StatusLabel(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Draft => "Entwurf",
        ApplicationStatus.Submitted => "Eingereicht – Vollständigkeitsprüfung",
        ApplicationStatus.DocumentsRequested => "Unterlagen nachgefordert",
        ApplicationStatus.FormallyComplete => "Formal vollständig",
        ApplicationStatus.AllianceVoted => "Votum des Bündnisses liegt vor",
        ApplicationStatus.DecisionProposed => "Entscheidung vorgeschlagen",
        ApplicationStatus.AwaitingCommitment => "Bewilligt – Mittelbindung läuft",
        ApplicationStatus.Approved => "Bewilligt",
        ApplicationStatus.ApprovalBlocked => "Bewilligung blockiert – Mittel reichen nicht",
        ApplicationStatus.Rejected => "Abgelehnt",
        ApplicationStatus.Withdrawn => "Zurückgezogen",
        ApplicationStatus.Lapsed => "Verfallen – Frist versäumt",
        ApplicationStatus.ReclaimDemanded => "Rückforderung offen",
        _ => "Abgeschlossen",
    };
}
