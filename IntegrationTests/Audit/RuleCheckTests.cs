using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;

namespace Fachwerk.IntegrationTests.Audit;

public class RuleCheckTests(AppFixture fixture) : AuditApi(fixture)
{
    /// <summary>
    /// A history the workflow would refuse today, recorded straight into the store (as an older version of the rules, a bug or a
    /// migration could have recorded it): the application's events are appended without the domain's checks.
    /// </summary>
    private async Task<Guid> Recorded(Guid programme, params Func<Guid, object>[] events)
    {
        var id = Guid.CreateVersion7();
        await using var session = Store.LightweightSession();
        session.Events.StartStream<FundingApplication>(id, [.. events.Select(e => e(id))]);
        await session.SaveChangesAsync(Cancellation);
        return id;
    }

    private ApplicationDrafted Drafted(Guid id, Guid programme, ProjectPlan plan) =>
        new(id, ApplicantId, "Haus Steinstraße e.V.", programme, "Regionaler Arbeitsmarktkreis Mansfeld-Südharz", AllianceId,
            "Fachkräfteallianz Sachsen-Anhalt Süd", "Halle (Saale)", plan, Applicant.Id, Clock.GetUtcNow());

    private static ProjectPlan Financing(decimal total, decimal requested, decimal own) => Plan(requested, own) with { TotalCosts = total };

    private Task<Page<ApplicationRuleCheck>> Findings(string query = "") => Get<Page<ApplicationRuleCheck>>(Auditor, "/api/audit/rule-findings" + query);

    [Fact]
    public async Task Applications_that_went_through_the_workflow_have_no_findings()
    {
        await Approved();
        await CatchUpProjections();

        (await Findings()).Items.ShouldBeEmpty();
        var all = await Findings("?all=true");
        var check = all.Items.ShouldHaveSingleItem();
        check.FindingCount.ShouldBe(0);
        check.Terms!.MaxFundingRate.ShouldBe(0.8m);
        check.Checkpoints.Select(c => c.Kind).ShouldBe([PlanCheckpointKind.Submission, PlanCheckpointKind.Approval]);
        check.Confirmations.ShouldHaveSingleItem().ConfirmedBy.ShouldBe(Approver.Id);
        check.Version.ShouldBe(8, "seven events to the approval, then the decision letter");
    }

    [Fact]
    public async Task Past_applications_are_re_checked_against_funding_rate_own_share_cap_and_four_eyes()
    {
        // Rules: at most 80 % funding, so at least 20 % own share; at most 100,000 EUR per application.
        var programme = await LaunchProgramme();
        var stamp = Clock.GetUtcNow();
        var tooGenerous = await Recorded(programme,
            id => Drafted(id, programme, Financing(total: 50_000m, requested: 45_000m, own: 5_000m)),
            id => new ApplicationSubmitted(id, new SubmissionTerms(true, 14, 30), Applicant.Id, stamp));
        var overTheCap = await Recorded(programme,
            id => Drafted(id, programme, Financing(total: 200_000m, requested: 150_000m, own: 50_000m)),
            id => new ApplicationSubmitted(id, new SubmissionTerms(true, 14, 30), Applicant.Id, stamp),
            id => new DecisionProposed(id, 1, DecisionKind.Approve, 150_000m, [], null, null, 2, Caseworker.Id, stamp),
            id => new DecisionConfirmed(id, 1, DecisionKind.Approve, 150_000m, Caseworker.Id, Caseworker.Id, stamp),
            id => new ApplicationApproved(id, programme, 150_000m, [], 0.75m, 7_500m, [], BudgetCommitment.Actor, stamp));
        await Approved();

        await CatchUpProjections();

        var findings = await Findings();
        findings.Items.Select(c => c.Id).ShouldBe([tooGenerous, overTheCap], ignoreOrder: true);

        var generous = findings.Items.Single(c => c.Id == tooGenerous).Findings;
        generous.Select(f => (f.Rule, f.Version)).ShouldBe([("funding-rate-cap", 2L), ("own-share-minimum", 2L)]);
        generous[0].Detail.En.ShouldBe("Submission: funding rate 45,000.00 EUR / 50,000.00 EUR = 90 % above the maximum of 80 %.");
        generous[1].Detail.De.ShouldBe("Einreichung: Eigenanteil 5.000,00 EUR unter dem Mindestbetrag von 10.000,00 EUR (20 % von 50.000,00 EUR).");

        var capped = findings.Items.Single(c => c.Id == overTheCap).Findings;
        capped.Select(f => (f.Rule, f.Version)).ShouldBe([("amount-cap", 2L), ("four-eyes", 4L), ("amount-cap", 5L)]);
        capped[1].RuleLabel.De.ShouldBe("Vier-Augen-Prinzip");
        capped[1].Detail.En.ShouldBe($"Proposal 1 was proposed and confirmed by the same person: {Caseworker.Id}.");

        (await Findings("?rule=four-eyes")).Items.ShouldHaveSingleItem().Id.ShouldBe(overTheCap);
        (await Findings($"?applicationId={tooGenerous}")).Items.ShouldHaveSingleItem().FindingCount.ShouldBe(2);
        (await Findings($"?programmeId={Guid.NewGuid()}")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task Approvals_in_de_minimis_programmes_are_re_checked_against_the_ledger_and_the_ceiling()
    {
        var programme = await LaunchProgramme(budget: 2_000_000m, rules: Rules(voteRequired: false, maxRate: 0.8m, cap: null) with { DeMinimis = true });
        var (throughTheWorkflow, _) = await Approved(programme, 280_000m, title: "Großprojekt");
        var stamp = Clock.GetUtcNow();
        // Approved past the workflow: not entered in the ledger, and 280,000 + 30,000 EUR in three years is over the ceiling.
        var pastTheWorkflow = await Recorded(programme,
            id => Drafted(id, programme, Financing(total: 50_000m, requested: 30_000m, own: 20_000m)),
            id => new ApplicationSubmitted(id, new SubmissionTerms(false, 14, 30), Applicant.Id, stamp),
            id => new DecisionProposed(id, 1, DecisionKind.Approve, 30_000m, [], null, null, 2, Caseworker.Id, stamp),
            id => new DecisionConfirmed(id, 1, DecisionKind.Approve, 30_000m, Caseworker.Id, Approver.Id, stamp),
            id => new ApplicationApproved(id, programme, 30_000m, [], 0.6m, 0m, [], BudgetCommitment.Actor, stamp));

        await CatchUpProjections();

        var all = await Findings("?all=true");
        all.Items.Single(c => c.Id == throughTheWorkflow).DeMinimisGrants.ShouldHaveSingleItem().EnteredInLedger.ShouldBeTrue();
        var findings = (await Findings("?rule=de-minimis-ceiling")).Items.ShouldHaveSingleItem();
        findings.Id.ShouldBe(pastTheWorkflow);
        findings.Findings.Select(f => (f.Rule, f.Version)).ShouldBe([("de-minimis-ceiling", 5L), ("de-minimis-ceiling", 5L)]);
        findings.Findings[0].Detail.En.ShouldBe("Approval of 30,000.00 EUR in a de-minimis programme, but not entered in the de-minimis ledger of Haus Steinstraße e.V..");
        findings.Findings[1].Detail.En.ShouldContain("280,000.00 EUR before, 310,000.00 EUR with this grant of 30,000.00 EUR; ceiling 300,000.00 EUR exceeded.");
        findings.Findings[1].Detail.De.ShouldContain("Höchstbetrag 300.000,00 EUR überschritten");
    }

    [Fact]
    public async Task An_application_of_an_unknown_programme_cannot_be_re_checked_and_says_so()
    {
        var missingProgramme = Guid.NewGuid();
        var id = await Recorded(missingProgramme, id => Drafted(id, missingProgramme, Plan()));

        await CatchUpProjections();

        (await Findings()).Items.ShouldHaveSingleItem().Findings.ShouldHaveSingleItem().Rule.ShouldBe("programme-rules-known");
        id.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Unknown_rules_and_bad_paging_answer_400_and_non_auditors_403()
    {
        var problem = await ValidationProblemOf(await GetExpecting(Auditor, "/api/audit/rule-findings?rule=de-minimis&pageSize=0", 400));

        problem.Errors.Keys.ShouldBe(["rule", "pageSize"], ignoreOrder: true);
        await GetExpecting(Caseworker, "/api/audit/rule-findings", 403);
    }
}
