using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>An amendment adds, changes and lifts a grant's obligations, under its four eyes, in force with its version (ADR 0129).</summary>
public class AmendmentObligationRulesTests
{
    private static readonly Fachwerk.Domain.Alliances.Alliance Region = Alliance(true, Chamber);
    private static readonly FundingProgramme Guideline = Programme(budget: 100_000m);
    private static readonly DateOnly Today = AuthorityCalendar.DayOf(Now);
    private static readonly DateOnly Start = new(2027, 10, 1);
    private static readonly DateOnly FirstDue = new(2028, 10, 31);
    private static readonly DateOnly SecondDue = new(2029, 10, 31);

    private static readonly ObligationTerms Practice = new(ObligationKind.PractiseInDistrict, "Praxistätigkeit im Landkreis", Start, 60,
        "Bestätigung der Kassenärztlichen Vereinigung", [FirstDue, SecondDue]);

    private static readonly ObligationTerms Report = new(ObligationKind.Other, " Jahresbericht an die Bewilligungsbehörde ", Start, 24,
        " Bericht ", [new DateOnly(2029, 1, 31)]);

    /// <summary>Approved 40,000 EUR (project 2026-09-01..2027-08-31) with obligations 1 (practise, 60 months) and 2 (report), 30,000 EUR paid.</summary>
    private static FundingApplication Granted(params object[] more) =>
        Given.History<FundingApplication>([
            Drafted(Region, Guideline), Submitted(), Completed, Voted(Region), ProposedApproval(), ConfirmedApproval(),
            new ApplicationApproved(AppId, Guideline.Id, 40_000m, ["Report by 30 April"], 0.8m, 0,
                BudgetCommitment.ProofsOfUse(Plan().Duration, null), "system", Now),
            Imposed(1, Practice), Imposed(2, Report),
            new PaymentRequested(AppId, 1, 30_000m, new DateOnly(2026, 4, 1), 0m, "anna", Now),
            new PaymentRequestChecked(AppId, 1, "sabine", Now),
            new PaymentReleased(AppId, Guideline.Id, 1, 30_000m, new DateOnly(2026, 3, 10), "carsten", Now),
            .. more,
        ]);

    private static ObligationImposed Imposed(int number, ObligationTerms t) =>
        new(AppId, number, t.Kind, t.Description.Trim(), t.StartsOn, t.Months, t.RequiredEvidence.Trim(), t.EvidenceDueDates, "system", Now, 1);

    private static AmendmentProposed Propose(FundingApplication application, AmendmentTerms terms) =>
        AmendmentDecider.Propose(application, Guideline, terms, "Praxis verlegt", Today, 20, Caseworker);

    private static FundingApplication Then(FundingApplication application, IEnumerable<object> events) =>
        events.Aggregate(application, FundingApplication.Evolve);

    private static Stamp On(DateOnly day) => new("system", new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));

    [Fact]
    public void A_confirmed_amendment_imposes_new_obligations_changes_and_lifts_others_in_the_transaction_of_its_version()
    {
        var granted = Granted(new ObligationEvidenceRecorded(AppId, 1, FirstDue, "KV-Bestätigung", "sabine", Now));
        var longer = Practice with { Months = 48, EvidenceDueDates = [FirstDue, new DateOnly(2030, 10, 31)] };

        var proposed = Propose(granted, new AmendmentTerms(NewObligations: [Report with { Months = 12 }], ChangedObligations: [new ObligationChange(1, longer)],
            LiftedObligations: [2]));

        proposed.Changes.ShouldBe([AmendmentChange.Obligations]);
        proposed.Terms.NewObligations!.ShouldHaveSingleItem().Description.ShouldBe("Jahresbericht an die Bewilligungsbehörde", "trimmed as for the approval");
        var events = AmendmentDecider.Confirm(FundingApplication.Evolve(granted, proposed), Approver);

        events.Select(e => e.GetType()).ShouldBe([typeof(AmendmentConfirmed), typeof(DecisionAmended), typeof(ObligationImposed), typeof(ObligationAmended),
            typeof(ObligationLifted)]);
        var imposed = events[2].ShouldBeOfType<ObligationImposed>();
        (imposed.Number, imposed.DecisionVersion, imposed.ProposalNumber, imposed.Months).ShouldBe((3, 2, (int?)null, 12));
        var amended = events[3].ShouldBeOfType<ObligationAmended>();
        (amended.Number, amended.Months, amended.DecisionVersion, amended.AmendmentNumber).ShouldBe((1, 48, 2, 1));
        (events[4].ShouldBeOfType<ObligationLifted>().Number, ((ObligationLifted)events[4]).DecisionVersion).ShouldBe((2, 2));
        SeparationOfDuties.SideOf(imposed).ShouldBe(CaseSide.None, "the proposer and the confirmer are on record in the amendment");

        var after = Then(granted, [proposed, .. events]);
        after.Obligations.Select(o => o.Number).ShouldBe([1, 2, 3]);
        var changed = after.Obligations[0];
        (changed.Months, changed.AmendedInVersion, changed.Lifted).ShouldBe((48, 2, false));
        changed.Dues.ShouldBe([new EvidenceDue(FirstDue, "KV-Bestätigung"), new EvidenceDue(new DateOnly(2030, 10, 31))],
            "a due day it keeps keeps its evidence");
        (after.Obligations[1].Lifted, after.Obligations[1].LiftedInVersion).ShouldBe((true, 2));
        after.Obligations[2].ImposedInVersion.ShouldBe(2);
        after.Decisions.Select(d => d.Version).ShouldBe([1, 2]);
    }

    [Fact]
    public void Changed_and_lifted_obligations_must_exist_be_open_and_be_named_once_and_new_ones_keep_the_obligation_rules()
    {
        var granted = Granted();
        Given.Refusal(() => Propose(granted, new AmendmentTerms(LiftedObligations: [7]))).Code.ShouldBe("amendment.obligation-unknown");
        Given.Refusal(() => Propose(granted, new AmendmentTerms(ChangedObligations: [new ObligationChange(9, Practice)]))).Code
            .ShouldBe("amendment.obligation-unknown");
        Given.Refusal(() => Propose(granted, new AmendmentTerms(ChangedObligations: [new ObligationChange(1, Practice with { Months = 12 })], LiftedObligations: [1])))
            .Code.ShouldBe("amendment.obligation-named-twice");
        Given.Refusal(() => Propose(granted, new AmendmentTerms(NewObligations: [Report with { Months = 0 }]))).Code.ShouldBe("obligation.period-out-of-range");
        Given.Refusal(() => Propose(granted, new AmendmentTerms(ChangedObligations: [new ObligationChange(1, Practice with { EvidenceDueDates = [] })])))
            .Code.ShouldBe("obligation.no-evidence-due");
        Given.Refusal(() => Propose(granted, new AmendmentTerms(NewObligations: [.. Enumerable.Repeat(Report, 11)]))).Code
            .ShouldBe("amendment.too-many-obligations");
        Given.Refusal(() => Propose(granted, new AmendmentTerms(ChangedObligations: [new ObligationChange(1, Practice)]))).Code
            .ShouldBe("amendment.no-change", "the same terms again change nothing");

        var breached = Granted(new ObligationBreached(AppId, 1, 27, 16_500m, "sabine", Now));
        Given.Refusal(() => Propose(breached, new AmendmentTerms(LiftedObligations: [1]))).Code.ShouldBe("amendment.obligation-breached");
        Given.Refusal(() => Propose(breached, new AmendmentTerms(ChangedObligations: [new ObligationChange(1, Practice with { Months = 12 })]))).Code
            .ShouldBe("amendment.obligation-breached");

        var lifted = Granted(new ObligationLifted(AppId, 2, 2, 1, "zoe", Now));
        Given.Refusal(() => Propose(lifted, new AmendmentTerms(LiftedObligations: [2]))).Code.ShouldBe("amendment.obligation-lifted");
    }

    [Fact]
    public void The_confirmer_confirms_the_obligations_as_proposed_and_a_returned_amendment_imposes_none()
    {
        var granted = Granted();
        var proposed = Propose(granted, new AmendmentTerms(LiftedObligations: [2]));
        var pending = FundingApplication.Evolve(granted, proposed);

        Given.Refusal(() => AmendmentDecider.Confirm(pending, Caseworker)).Code.ShouldBe(Duties.DecisionFourEyes);
        var after = Then(pending, [AmendmentDecider.Return(pending, "Auflage bleibt", Approver)]);
        after.Obligations.ShouldAllBe(o => !o.Lifted);
        Given.Refusal(() => AmendmentDecider.Confirm(Then(pending, [new ObligationBreached(AppId, 2, 3, 1_000m, "sabine", Now)]), Approver)).Code
            .ShouldBe("amendment.obligation-breached", "breached since the proposal");
    }

    [Fact]
    public void A_lifted_obligation_cannot_be_breached_asks_for_no_evidence_and_its_timer_finds_nothing_to_do()
    {
        var lifted = Granted(new ObligationLifted(AppId, 1, 2, 1, "zoe", Now));

        Given.Refusal(() => ObligationDecider.RecordBreach(lifted, 1, 27, new DateOnly(2026, 6, 30), Caseworker)).Code.ShouldBe("obligation.lifted");
        Given.Refusal(() => ObligationDecider.RecordEvidence(lifted, 1, FirstDue, "x", Caseworker)).Code.ShouldBe("obligation.lifted");
        ObligationDecider.EvidenceDeadlineReached(lifted, 1, FirstDue, On(FirstDue.AddDays(1))).ShouldBeEmpty();
        ObligationDecider.EvidenceDeadlineReached(Granted(), 1, FirstDue, On(FirstDue.AddDays(1))).ShouldHaveSingleItem()
            .ShouldBeOfType<ObligationEvidenceOverdue>();
    }

    [Fact]
    public void A_changed_obligation_is_breached_and_reclaimed_on_its_new_terms_and_a_dropped_due_day_is_not_marked_overdue()
    {
        var changed = Granted(new ObligationAmended(AppId, 1, ObligationKind.PractiseInDistrict, "Praxistätigkeit", Start, 36, "KV", [SecondDue], 2, 1, "zoe", Now));

        ObligationDecider.EvidenceDeadlineReached(changed, 1, FirstDue, On(FirstDue.AddDays(1))).ShouldBeEmpty("the day was dropped");
        ObligationDecider.EvidenceDeadlineReached(changed, 1, SecondDue, On(SecondDue.AddDays(1))).ShouldHaveSingleItem();
        var breach = ObligationDecider.RecordBreach(changed, 1, 27, new DateOnly(2026, 6, 30), Caseworker)[0].ShouldBeOfType<ObligationBreached>();
        breach.Reclaimed.ShouldBe(7_500m, "9 of 36 months unfulfilled of 30,000.00 EUR paid");
        Given.Refusal(() => ObligationDecider.RecordBreach(changed, 1, 36, new DateOnly(2026, 6, 30), Caseworker)).Code.ShouldBe("obligation.fulfilled-out-of-range");
    }

    [Fact]
    public void A_raise_imposes_its_obligations_when_the_budget_workflow_commits_the_money()
    {
        var held = FundingProgramme.Evolve(Guideline, new FundsCommitted(Guideline.Id, AppId, Region.Id, 40_000m, 10_000m, null, "system", Now));
        var commitment = new Commitment(AppId, Guideline.Id, Region.Id, 40_000m, 10_000m);
        var granted = Granted();
        var proposed = Propose(granted, new AmendmentTerms(Amount: 48_000m, CostPlan: new CostPlan(60_000m, 12_000m, 0m), NewObligations: [Report]));
        proposed.Changes.ShouldBe([AmendmentChange.Amount, AmendmentChange.CostPlan, AmendmentChange.Obligations]);
        var confirmed = AmendmentDecider.Confirm(FundingApplication.Evolve(granted, proposed), Approver).ShouldHaveSingleItem();
        var awaiting = Then(granted, [proposed, confirmed]);
        awaiting.Obligations.Count.ShouldBe(2, "not imposed before the money is committed");

        var step = BudgetCommitment.CommitAmendment(held, commitment, awaiting, HausSteinstrasse, 1, Now);

        step.ApplicationEvents.Select(e => e.GetType()).ShouldBe([typeof(DecisionAmended), typeof(ObligationImposed)]);
        var imposed = step.ApplicationEvents[1].ShouldBeOfType<ObligationImposed>();
        (imposed.Number, imposed.DecisionVersion, imposed.RecordedBy).ShouldBe((3, 2, BudgetCommitment.Actor));
    }
}
