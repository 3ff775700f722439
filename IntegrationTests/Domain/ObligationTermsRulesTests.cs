using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>
/// Obligations as part of the approval terms (ADR 0126): proposed with the approval under the obligation rules, confirmed as proposed by a
/// second person, imposed with the approval in the commitment's transaction, dropped when the proposal is returned or blocked.
/// </summary>
public class ObligationTermsRulesTests
{
    private static readonly Fachwerk.Domain.Alliances.Alliance Region = Alliance(true, Chamber);
    private static readonly FundingProgramme Guideline = Programme(budget: 100_000m);
    private static readonly DateOnly Start = new(2027, 10, 1);

    /// <summary>Practise in the district for five years from 2027-10-01, evidence each October.</summary>
    private static readonly ObligationTerms Practice = new(ObligationKind.PractiseInDistrict, " Hausärztliche Tätigkeit im Landkreis ", Start, 60,
        " Bestätigung der Kassenärztlichen Vereinigung ", [new DateOnly(2029, 10, 31), new DateOnly(2028, 10, 31), new DateOnly(2028, 10, 31)]);

    private static readonly ObligationTerms Report = new(ObligationKind.Other, "Jährlicher Tätigkeitsbericht", Start, 24, "Bericht", [new DateOnly(2028, 9, 30)]);

    private static FundingApplication Ready(params object[] more) =>
        Given.History<FundingApplication>([Drafted(Region, Guideline), Submitted(), Completed, Voted(Region), .. more]);

    private static DecisionProposed Proposed(params ObligationTerms[] obligations) =>
        ApplicationDecider.ProposeApproval(Ready(), new ApprovalTerms(40_000m, [], Obligations: obligations), 5, Caseworker);

    [Fact]
    public void An_approval_proposes_its_obligations_checked_trimmed_and_with_each_due_day_once_in_order()
    {
        var proposed = Proposed(Practice, Report);

        proposed.Obligations!.Count.ShouldBe(2);
        var practice = proposed.Obligations[0];
        (practice.Description, practice.RequiredEvidence).ShouldBe(("Hausärztliche Tätigkeit im Landkreis", "Bestätigung der Kassenärztlichen Vereinigung"));
        practice.EvidenceDueDates.ShouldBe([new DateOnly(2028, 10, 31), new DateOnly(2029, 10, 31)]);
        var pending = FundingApplication.Evolve(Ready(), proposed);
        pending.Proposal!.Obligations.Count.ShouldBe(2);
        pending.Obligations.ShouldBeEmpty("proposed obligations are terms, not yet obligations of a grant");
        ApplicationDecider.ProposeApproval(Ready(), new ApprovalTerms(40_000m, []), 5, Caseworker).Obligations.ShouldBeNull();
    }

    [Fact]
    public void A_proposed_obligation_keeps_the_obligation_rules_and_an_approval_takes_at_most_ten()
    {
        Given.Refusal(() => Proposed(Practice with { Months = 0 })).Code.ShouldBe("obligation.period-out-of-range");
        Given.Refusal(() => Proposed(Practice with { EvidenceDueDates = [] })).Code.ShouldBe("obligation.no-evidence-due");
        Given.Refusal(() => Proposed(Practice with { EvidenceDueDates = [Start.AddDays(-1)] })).Code.ShouldBe("obligation.evidence-before-start");
        Given.Refusal(() => Proposed(Practice with { EvidenceDueDates = [new DateOnly(2033, 10, 1)] })).Code.ShouldBe("obligation.evidence-too-late");
        Given.Refusal(() => Proposed([.. Enumerable.Repeat(Report, ObligationDecider.MaxPerApproval + 1)])).Code.ShouldBe("obligation.too-many");
        Proposed([.. Enumerable.Repeat(Report, ObligationDecider.MaxPerApproval)]).Obligations!.Count.ShouldBe(ObligationDecider.MaxPerApproval);
    }

    [Fact]
    public void The_approver_confirms_the_obligations_as_proposed_and_the_proposer_cannot()
    {
        var proposed = Proposed(Practice);
        var pending = Ready(proposed);

        Given.Refusal(() => ApplicationDecider.ConfirmDecision(pending, Caseworker)).Code.ShouldBe(Duties.DecisionFourEyes);
        var confirmed = ApplicationDecider.ConfirmDecision(pending, Approver).ShouldHaveSingleItem().ShouldBeOfType<DecisionConfirmed>();
        Given.History<FundingApplication>([Drafted(Region, Guideline), Submitted(), Completed, Voted(Region), proposed, confirmed])
            .Proposal!.Obligations.ShouldBe(proposed.Obligations!, "the confirmation takes no terms: the obligations stay as proposed");
    }

    [Fact]
    public void The_commitment_imposes_the_confirmed_obligations_with_the_approval_in_one_step_numbered_after_the_approval()
    {
        var proposed = Proposed(Practice, Report);
        var awaiting = Ready(proposed, ConfirmedApproval());

        var step = BudgetCommitment.Commit(Guideline, null, awaiting, HausSteinstrasse, proposed.ProposalNumber, Now);

        step.ProgrammeEvents.ShouldHaveSingleItem().ShouldBeOfType<FundsCommitted>();
        step.ApplicationEvents[0].ShouldBeOfType<ApplicationApproved>();
        var imposed = step.ApplicationEvents.Skip(1).Cast<ObligationImposed>().ToList();
        imposed.Select(o => (o.Number, o.Kind, o.ProposalNumber, o.RecordedBy))
            .ShouldBe([(1, ObligationKind.PractiseInDistrict, 1, BudgetCommitment.Actor), (2, ObligationKind.Other, 1, BudgetCommitment.Actor)]);
        imposed[0].EvidenceDueDates.ShouldBe(proposed.Obligations![0].EvidenceDueDates);

        var granted = step.ApplicationEvents.Aggregate(awaiting, FundingApplication.Evolve);
        granted.Status.ShouldBe(ApplicationStatus.Approved);
        granted.Obligations.Select(o => (o.Number, o.Months, o.EndsOn)).ShouldBe([(1, 60, new DateOnly(2032, 9, 30)), (2, 24, new DateOnly(2029, 9, 30))]);
        granted.AuthoritySide.ShouldNotContain(BudgetCommitment.Actor, "the workflow imposes them; the proposer and the approver are on record");
        // An obligation imposed later on the grant is numbered after them.
        ObligationDecider.Impose(granted, ObligationKind.Other, "Nachträgliche Auflage", Start, 12, "Bericht", [Start.AddMonths(6)], Caseworker).Number.ShouldBe(3);
    }

    [Fact]
    public void A_returned_or_blocked_proposal_drops_its_obligations_and_nothing_is_imposed()
    {
        var proposed = Proposed(Practice);
        var returned = Ready(proposed, ApplicationDecider.ReturnDecision(Ready(proposed), "Auflage zu lang", Approver));
        (returned.Proposal, returned.Obligations.Count).ShouldBe((null, 0));

        var tooSmall = Programme(budget: 10_000m);
        var step = BudgetCommitment.Commit(tooSmall, null, Ready(proposed, ConfirmedApproval()), HausSteinstrasse, 1, Now);
        step.ApplicationEvents.ShouldHaveSingleItem().ShouldBeOfType<ApprovalBlocked>();
        var blocked = step.ApplicationEvents.Aggregate(Ready(proposed, ConfirmedApproval()), FundingApplication.Evolve);
        (blocked.Proposal, blocked.Obligations.Count).ShouldBe((null, 0));
        // Proposed again without obligations, the grant has none.
        var again = ApplicationDecider.ProposeApproval(blocked, new ApprovalTerms(10_000m, []), 9, Caseworker);
        again.Obligations.ShouldBeNull();
    }

    [Fact]
    public void A_rejection_carries_no_obligations()
    {
        var rejected = ApplicationDecider.ProposeRejection(Ready(), "Nicht förderfähig", 5, Caseworker);
        rejected.Obligations.ShouldBeNull();
        FundingApplication.Evolve(Ready(), rejected).Proposal!.Obligations.ShouldBeEmpty();
    }
}
