using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// Obligations proposed with the approval terms (ADR 0126): confirmed under four eyes and imposed with the approval, dropped with a returned
/// proposal, bad input answered with field errors and nothing appended; the later POST .../obligations still works.
/// </summary>
public class ObligationTermsApiTests(AppFixture fixture) : FundingApi(fixture)
{
    private DateOnly Start => Today.AddMonths(3);

    private ObligationTerms Practice => new(ObligationKind.PractiseInDistrict, "Hausärztliche Tätigkeit im Landkreis Mansfeld-Südharz", Start, 60,
        "Bestätigung der Kassenärztlichen Vereinigung", [Start.AddYears(1), Start.AddYears(2)]);

    private ObligationTerms Report => new(ObligationKind.Other, "Jährlicher Tätigkeitsbericht", Start, 12, "Bericht", [Start.AddMonths(12)]);

    private async Task<(Guid Id, long Version)> Ready() =>
        await ReadyForDecision(await LaunchProgramme(rules: Rules(voteRequired: false)), vote: false, Plan());

    [Fact]
    public async Task Obligations_proposed_with_the_approval_are_confirmed_by_a_second_person_and_imposed_with_the_approval_with_their_timers()
    {
        var (id, version) = await Ready();
        version = await Act(DemoUsers.Deputy, id, "decision-proposal",
            new ProposeDecision(version, DecisionKind.Approve, 40_000m, ["Öffentlichkeitsarbeit mit Förderhinweis"], Obligations: [Practice, Report]));

        // Pending: the approver reads them on the proposal; the grant has none yet.
        var pending = (await Details(id)).Proposals[^1];
        pending.Obligations.Select(o => o.Description).ShouldBe([Practice.Description, Report.Description]);
        (await Get<ObligationsView>(Caseworker, $"/api/applications/{id}/obligations")).Obligations.ShouldBeEmpty();

        // Four eyes: the proposer cannot confirm them (also when holding the approver's role), a caseworker has no right to.
        var before = await EventCount();
        (await ProblemOf(await Post(DemoUsers.Deputy, $"/api/applications/{id}/decision-confirmation", new ConfirmDecision(version), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:application.four-eyes");
        await Post(Caseworker, $"/api/applications/{id}/decision-confirmation", new ConfirmDecision(version), 403);
        (await EventCount()).ShouldBe(before);

        var tracked = await ConfirmAndWait(id, version);
        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.Approved);
        var read = await Get<ObligationsView>(Reviewer, $"/api/applications/{id}/obligations");
        read.Obligations.Select(o => (o.Number, o.Kind, o.Months, o.RequiredEvidence))
            .ShouldBe([(1, ObligationKind.PractiseInDistrict, 60, Practice.RequiredEvidence), (2, ObligationKind.Other, 12, "Bericht")]);
        read.Obligations[0].Dues.Select(d => d.DueBy).ShouldBe(Practice.EvidenceDueDates);
        tracked.Scheduled.MessagesOf<ObligationEvidenceDeadlineReached>().Select(t => (t.Number, t.DueBy))
            .ShouldBe([(1, Practice.EvidenceDueDates[0]), (1, Practice.EvidenceDueDates[1]), (2, Report.EvidenceDueDates[0])], ignoreOrder: true);

        // Imposed in the approval's transaction, by the budget workflow, naming the confirmed proposal.
        await using (var session = Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken);
            var approved = events.Single(e => e.Data is ApplicationApproved);
            var imposed = events.Where(e => e.Data is ObligationImposed).ToList();
            imposed.Count.ShouldBe(2);
            imposed.ShouldAllBe(e => e.Version > approved.Version && e.Version <= approved.Version + 2);
            imposed.Select(e => ((ObligationImposed)e.Data).ProposalNumber).ShouldBe([1, 1]);
        }

        // An obligation added later on the grant still goes through POST .../obligations (one caseworker) and is numbered after them.
        version = (await Details(id)).Version;
        await Act(Caseworker, id, "obligations",
            new ImposeObligation(version, ObligationKind.Other, "Nachträglicher Bericht", Start, 6, "Bericht", [Start.AddMonths(6)]));
        (await Get<ObligationsView>(Caseworker, $"/api/applications/{id}/obligations")).Obligations.Select(o => o.Number).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task A_returned_proposal_drops_its_obligations_and_the_next_proposal_states_its_own()
    {
        var (id, version) = await Ready();
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 40_000m, Obligations: [Practice, Report]));
        version = await Act(Approver, id, "decision-return", new ReturnDecision(version, "Der Bericht ist keine Auflage mit Nachweis."));
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 40_000m, Obligations: [Practice]));
        await ConfirmAndWait(id, version);

        var details = await Details(id);
        (details.Status, details.Proposals.Count, details.Proposals[0].Outcome).ShouldBe((ApplicationStatus.Approved, 2, ProposalOutcome.Returned));
        details.Proposals[0].Obligations.Count.ShouldBe(2, "the returned proposal keeps what it said, for the record");
        (await Get<ObligationsView>(Caseworker, $"/api/applications/{id}/obligations")).Obligations.ShouldHaveSingleItem().Description.ShouldBe(Practice.Description);
    }

    [Fact]
    public async Task Bad_obligations_in_a_proposal_are_answered_with_field_errors_and_nothing_is_appended()
    {
        var (id, version) = await Ready();
        var before = await EventCount();

        var invalid = await ValidationProblemOf(await Post(Caseworker, $"/api/applications/{id}/decision-proposal",
            new ProposeDecision(version, DecisionKind.Approve, 40_000m, Obligations:
            [
                Practice with { Description = "", Months = 0 },
                Report with { RequiredEvidence = " ", EvidenceDueDates = [Start.AddDays(-1), Start.AddYears(3)] },
                Report with { EvidenceDueDates = [] },
            ]), 400));
        invalid.Errors.Keys.ShouldBe([
            "obligations[0].description", "obligations[0].months", "obligations[1].requiredEvidence", "obligations[1].evidenceDueDates[0]",
            "obligations[1].evidenceDueDates[1]", "obligations[2].evidenceDueDates",
        ], ignoreOrder: true);
        invalid.Errors["obligations[1].evidenceDueDates[0]"].ShouldBe(["Evidence cannot be due before the obligation starts."]);
        invalid.Errors["obligations[1].evidenceDueDates[1]"].ShouldBe(["Evidence is due at the latest a year after the obligation ends."]);

        var tooMany = await ValidationProblemOf(await Post(Caseworker, $"/api/applications/{id}/decision-proposal",
            new ProposeDecision(version, DecisionKind.Approve, 40_000m, Obligations: [.. Enumerable.Repeat(Report, ObligationDecider.MaxPerApproval + 1)]), 400));
        tooMany.Errors.Keys.ShouldBe(["obligations"]);
        var rejection = await ValidationProblemOf(await Post(Caseworker, $"/api/applications/{id}/decision-proposal",
            new ProposeDecision(version, DecisionKind.Reject, RejectionReason: "Nicht förderfähig", Obligations: [Report]), 400));
        rejection.Errors.Keys.ShouldBe(["obligations"]);

        (await EventCount()).ShouldBe(before);
        (await Details(id)).Proposals.ShouldBeEmpty();
    }
}
