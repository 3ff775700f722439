using Fachwerk.Domain.Common;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

public class InboxAndPipelineTests(AppFixture fixture) : ApplicationApi(fixture)
{
    [Fact]
    public async Task Each_role_sees_the_applications_waiting_for_it_with_what_to_do_and_by_when()
    {
        var programme = await LaunchProgramme();
        var draft = await Draft(programme, Plan(title: "Entwurf"));
        var submitted = await Submitted(programme, Plan(title: "Eingereicht"));
        var withDocuments = await Submitted(programme, Plan(title: "Unterlagen fehlen"));
        await Act(Caseworker, withDocuments, "document-requests", new RequestDocuments(2, ["Satzung"]));
        var (awaitingVote, _) = await ReadyForDecision(programme, vote: false, Plan(title: "Votum offen"));
        var (proposed, _) = await Proposed(programme, plan: Plan(title: "Entscheidung vorgeschlagen"));

        (await Inbox(Applicant)).Items.Select(i => (i.ApplicationId, i.Action)).ShouldBe(
            [(withDocuments, "Supply the requested documents"), (draft, "Complete and submit the application")]);
        (await Inbox(Applicant)).Items[0].DueBy.ShouldBe(Clock.GetUtcNow().AddDays(14));
        (await Inbox(Caseworker)).Items.ShouldHaveSingleItem().ApplicationId.ShouldBe(submitted);
        (await Inbox(Reviewer)).Items.ShouldHaveSingleItem().ApplicationId.ShouldBe(awaitingVote);
        var forApprover = (await Inbox(Approver)).Items.ShouldHaveSingleItem();
        forApprover.ApplicationId.ShouldBe(proposed);
        forApprover.Status.ShouldBe(ApplicationStatus.DecisionProposed);
        forApprover.Alliance.ShouldBe("Fachkräfteallianz Sachsen-Anhalt Süd");

        // A caseworker may look at another role's queue, filtered.
        (await Inbox(Caseworker, $"?role=approver&programmeId={programme}&allianceId={AllianceId}&status=DecisionProposed")).TotalItems.ShouldBe(1);
        (await Inbox(Caseworker, $"?role=approver&allianceId={Guid.NewGuid()}")).TotalItems.ShouldBe(0);
        var page = await Inbox(Applicant, "?pageSize=1&page=2");
        page.Items.ShouldHaveSingleItem().ApplicationId.ShouldBe(draft);
        page.TotalItems.ShouldBe(2);
    }

    [Fact]
    public async Task An_unknown_role_or_bad_paging_answers_400()
    {
        await ValidationProblemOf(await Host.Scenario(s =>
        {
            Authorize(s, Caseworker);
            s.Get.Url("/api/inbox?role=janitor&pageSize=0");
            s.StatusCodeShouldBe(400);
        }));
    }

    [Fact]
    public async Task The_alliance_pipeline_counts_applications_by_status_and_by_programme_with_requested_and_approved_amounts()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var other = await LaunchProgramme();
        var first = await Submitted(other, Plan(requested: 15_000m));
        await Draft(programme, Plan(requested: 10_000m));
        await Submitted(programme, Plan(requested: 20_000m));
        await Submitted(programme, Plan(requested: 30_000m));
        var (approved, version) = await Proposed(programme, amount: 35_000m, vote: false, plan: Plan(requested: 40_000m));
        await ConfirmAndWait(approved, version);
        var withdrawn = await Submitted(programme, Plan(requested: 50_000m));
        await Act(Applicant, withdrawn, "withdrawal", new WithdrawApplication(2, "Träger aufgelöst"));

        var pipeline = await Get<AlliancePipeline>(Caseworker, $"/api/alliances/{AllianceId}/pipeline");

        pipeline.Stages.ShouldBe(
        [
            new PipelineStage(ApplicationStatus.Draft, 1, 10_000m, 0m, 0m),
            new PipelineStage(ApplicationStatus.Submitted, 3, 65_000m, 0m, 0m),
            new PipelineStage(ApplicationStatus.Approved, 1, 40_000m, 35_000m, 0m),
            new PipelineStage(ApplicationStatus.Withdrawn, 1, 50_000m, 0m, 0m),
        ]);
        pipeline.Applications.ShouldBe(6);
        pipeline.Requested.ShouldBe(105_000m);
        pipeline.Approved.ShouldBe(35_000m);
        pipeline.Programmes.OrderBy(p => p.Applications).ShouldBe(
        [
            new PipelineProgramme(other, "Regionaler Arbeitsmarktkreis Mansfeld-Südharz", 1, 15_000m, 0m, 0m),
            new PipelineProgramme(programme, "Regionaler Arbeitsmarktkreis Mansfeld-Südharz", 5, 90_000m, 35_000m, 0m),
        ]);
        // Filtered to one programme, or to a period of submission (drafts, never submitted, are then left out).
        var filtered = await Get<AlliancePipeline>(Caseworker, $"/api/alliances/{AllianceId}/pipeline?programmeId={other}");
        filtered.Applications.ShouldBe(1);
        filtered.Programmes.Select(p => p.ProgrammeId).ShouldBe([other]);
        var firstDay = await SubmittedDay(first);
        var lastDay = await SubmittedDay(withdrawn);
        var submittedInPeriod = await Get<AlliancePipeline>(Caseworker, $"/api/alliances/{AllianceId}/pipeline?from={firstDay:yyyy-MM-dd}&to={lastDay:yyyy-MM-dd}");
        submittedInPeriod.Applications.ShouldBe(5, "the draft was never submitted");
        (await Get<AlliancePipeline>(Caseworker, $"/api/alliances/{AllianceId}/pipeline?from={lastDay.AddDays(1):yyyy-MM-dd}")).Applications.ShouldBe(0);
        await ValidationProblemOf(await Host.Scenario(s =>
        {
            Authorize(s, Caseworker);
            s.Get.Url($"/api/alliances/{AllianceId}/pipeline?from=2027-02-01&to=2027-01-01");
            s.StatusCodeShouldBe(400);
        }));

        // The dashboard reader reads the same aggregates (ADR 0113).
        var read = await Get<AlliancePipeline>(DemoUsers.DashboardReader, $"/api/alliances/{AllianceId}/pipeline");
        read.Stages.ShouldBe(pipeline.Stages);
        read.Programmes.ShouldBe(pipeline.Programmes);
        pipeline.Members.ShouldBe(2);
        pipeline.MembersByKind[OrganisationKind.ChamberOfCommerce].ShouldBe(1);
    }

    [Fact]
    public async Task The_pipeline_over_time_counts_submissions_and_approvals_by_month_without_gaps()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        await Draft(programme, Plan(requested: 10_000m));
        await Submitted(programme, Plan(requested: 20_000m));
        var (approved, version) = await Proposed(programme, amount: 35_000m, vote: false, plan: Plan(requested: 40_000m));
        await ConfirmAndWait(approved, version);

        var overTime = await Get<AlliancePipelineOverTime>(Caseworker, $"/api/alliances/{AllianceId}/pipeline/months");

        overTime.AllianceId.ShouldBe(AllianceId);
        overTime.Months.Sum(m => m.Submitted).ShouldBe(2, "the draft is not submitted");
        overTime.Months.Sum(m => m.Requested).ShouldBe(60_000m);
        overTime.Months.Sum(m => m.Approved).ShouldBe(1);
        overTime.Months.Sum(m => m.ApprovedAmount).ShouldBe(35_000m);
        overTime.Months.Select(m => m.Month.Day).ShouldAllBe(day => day == 1);
        overTime.Months.Zip(overTime.Months.Skip(1)).ShouldAllBe(pair => pair.Second.Month == pair.First.Month.AddMonths(1));
        // The month is the submission's in German time, as the application list shows its moment.
        var summary = await Get<ApplicationDetails>(Caseworker, $"/api/applications/{approved}");
        var berlin = TimeZoneInfo.ConvertTime(summary.SubmittedAt!.Value, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"));
        overTime.Months.ShouldContain(m => m.Month == new DateOnly(berlin.Year, berlin.Month, 1) && m.Submitted > 0);

        var read = await Get<AlliancePipelineOverTime>(DemoUsers.DashboardReader, $"/api/alliances/{AllianceId}/pipeline/months");
        read.Months.ShouldBe(overTime.Months);

        // Summaries written before the month was kept beside the moment count in the same month.
        await using (var connection = new Npgsql.NpgsqlConnection(ConnectionString))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var forget = new Npgsql.NpgsqlCommand(
                $"update {Fachwerk.Application.FachwerkApplication.SchemaName}.mt_doc_applicationsummary set submitted_month = null, approved_month = null where alliance_id = @alliance",
                connection);
            forget.Parameters.AddWithValue("alliance", AllianceId);
            (await forget.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBeGreaterThan(0);
        }

        var older = await Get<AlliancePipelineOverTime>(Caseworker, $"/api/alliances/{AllianceId}/pipeline/months");
        older.Months.ShouldBe(overTime.Months);
    }

    /// <summary>The day (German time) the application was submitted, as the API says.</summary>
    [Fact]
    public async Task The_pipeline_filtered_to_a_district_counts_only_the_projects_in_it_whatever_its_case()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        await Submitted(programme, Plan(requested: 20_000m));                       // Halle (Saale)
        var inSaalekreis = (await Post<StreamCreated>(Applicant, "/api/applications",
            new DraftApplication(ApplicantId, programme, AllianceId, "saalekreis", Plan(requested: 25_000m)), 201)).Id;
        await Act(Applicant, inSaalekreis, "submission", new SubmitApplication(1));
        await CatchUpProjections();

        var saalekreis = await Get<AlliancePipeline>(Caseworker, $"/api/alliances/{AllianceId}/pipeline?district=SAALEKREIS&programmeId={programme}");
        saalekreis.Stages.ShouldBe([new PipelineStage(ApplicationStatus.Submitted, 1, 25_000m, 0m, 0m)]);
        var halle = await Get<AlliancePipeline>(Caseworker, $"/api/alliances/{AllianceId}/pipeline?district={Uri.EscapeDataString("Halle (Saale)")}&programmeId={programme}");
        halle.Requested.ShouldBe(20_000m);
        var months = await Get<AlliancePipelineOverTime>(Caseworker, $"/api/alliances/{AllianceId}/pipeline/months?district=Saalekreis&programmeId={programme}");
        months.Months.Sum(m => m.Requested).ShouldBe(25_000m);
        (await Get<AlliancePipeline>(Caseworker, $"/api/alliances/{AllianceId}/pipeline?district=Goslar")).Applications.ShouldBe(0);
        (await ValidationProblemOf(await GetExpecting(Caseworker, $"/api/alliances/{AllianceId}/pipeline?district={new string('x', 600)}", 400)))
            .Errors.Keys.ShouldContain("district");
    }

    private async Task<DateOnly> SubmittedDay(Guid application)
    {
        var details = await Get<ApplicationDetails>(Caseworker, $"/api/applications/{application}");
        return AuthorityCalendar.DayOf(details.SubmittedAt!.Value);
    }
}
