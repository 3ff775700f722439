using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>Change notices (Änderungsbescheide) after approval: proposed, confirmed by a second person, in force from their date (ADR 0121).</summary>
public class AmendmentRulesTests
{
    private static readonly Fachwerk.Domain.Alliances.Alliance Region = Alliance(true, Chamber);
    private static readonly Stamp OtherApprover = new("carsten", Now);
    private static readonly DateOnly Today = AuthorityCalendar.DayOf(Now);

    /// <summary>Approved 40,000 of 50,000 EUR costs (80 %), project 2026-09-01..2027-08-31; interim proof 2027-04-30, final 2028-02-29.</summary>
    private static FundingApplication Approved(FundingProgramme programme, params object[] more) =>
        Given.History<FundingApplication>([
            Drafted(Region, programme), Submitted(), Completed, Voted(Region), ProposedApproval(), ConfirmedApproval(),
            new ApplicationApproved(AppId, programme.Id, 40_000m, ["Report by 30 April"], 0.8m, 0,
                BudgetCommitment.ProofsOfUse(Plan().Duration, null), "system", Now),
            .. more,
        ]);

    private static readonly AmendmentTerms Raise = new(Amount: 48_000m, CostPlan: new CostPlan(60_000m, 12_000m, 0m));

    private static AmendmentProposed Propose(FundingApplication application, FundingProgramme programme, AmendmentTerms terms, DateOnly? from = null,
        Stamp? by = null) =>
        AmendmentDecider.Propose(application, programme, terms, " More participants ", from ?? Today, 7, by ?? Caseworker);

    private static FundingApplication Then(FundingApplication application, IEnumerable<object> events) =>
        events.Aggregate(application, FundingApplication.Evolve);

    [Fact]
    public void A_caseworker_proposes_and_a_second_person_confirms_a_longer_project_which_becomes_version_2()
    {
        var programme = Programme();
        var approved = Approved(programme);

        var proposed = Propose(approved, programme, new AmendmentTerms(ProjectEnd: new DateOnly(2027, 11, 30), Conditions: ["Report by 31 May "]));

        proposed.AmendmentNumber.ShouldBe(1);
        proposed.Reason.ShouldBe("More participants");
        proposed.Changes.ShouldBe([AmendmentChange.ProjectEnd, AmendmentChange.ProofDueDates, AmendmentChange.Conditions]);
        var events = AmendmentDecider.Confirm(FundingApplication.Evolve(approved, proposed), Approver);
        events[0].ShouldBeOfType<AmendmentConfirmed>().Raise.ShouldBe(0);
        var amended = events[1].ShouldBeOfType<DecisionAmended>();
        amended.Version.ShouldBe(2);
        amended.Conditions.ShouldBe(["Report by 31 May"]);
        amended.ProofsOfUse.Single(p => p.Kind == ProofKind.Final).DueBy.ShouldBe(new DateOnly(2028, 5, 30), "six months after the new end");
        (amended.ProposedBy, amended.ConfirmedBy).ShouldBe(("sabine", "zoe"));

        var after = Then(approved, [proposed, .. events]);
        after.Decisions.Select(d => d.Version).ShouldBe([1, 2], "every version is kept");
        after.PendingAmendment.ShouldBeNull();
        after.Plan.Duration.To.ShouldBe(new DateOnly(2027, 11, 30));
        after.Funding!.FinalProof!.DueBy.ShouldBe(new DateOnly(2028, 5, 30));
        after.Status.ShouldBe(ApplicationStatus.Approved);
    }

    [Fact]
    public void The_proposer_cannot_confirm_and_a_returned_amendment_leaves_the_decision_as_it_was()
    {
        var programme = Programme();
        var pending = Then(Approved(programme), [Propose(Approved(programme), programme, new AmendmentTerms(Conditions: ["New condition"]))]);

        Given.Refusal(() => AmendmentDecider.Confirm(pending, Caseworker)).Code.ShouldBe(Duties.DecisionFourEyes);
        var returned = AmendmentDecider.Return(pending, " Condition unclear ", Approver);
        returned.Reason.ShouldBe("Condition unclear");
        var after = FundingApplication.Evolve(pending, returned);
        after.PendingAmendment.ShouldBeNull();
        after.Decisions.ShouldHaveSingleItem().Conditions.ShouldBe(["Report by 30 April"]);
        Given.Refusal(() => AmendmentDecider.Confirm(after, Approver)).Code.ShouldBe("amendment.none-pending");
        Given.Refusal(() => AmendmentDecider.Return(after, "x", Approver)).Code.ShouldBe("amendment.none-pending");
    }

    [Fact]
    public void Only_an_approved_open_grant_is_amended_one_amendment_at_a_time_and_only_by_the_authority_side()
    {
        var programme = Programme();
        var awaiting = Given.History<FundingApplication>(Drafted(Region, programme), Submitted(), Completed, Voted(Region), ProposedApproval(),
            ConfirmedApproval());
        Given.Refusal(() => Propose(awaiting, programme, new AmendmentTerms(Conditions: ["x"]))).Code.ShouldBe("amendment.illegal-transition");

        var approved = Approved(programme);
        var pending = FundingApplication.Evolve(approved, Propose(approved, programme, new AmendmentTerms(Conditions: ["x"])));
        Given.Refusal(() => Propose(pending, programme, new AmendmentTerms(Conditions: ["y"]))).Code.ShouldBe("amendment.pending");
        Given.Refusal(() => Propose(approved, programme, new AmendmentTerms(Conditions: ["x"]), by: Applicant)).Code
            .ShouldBe(SeparationOfDuties.Code, "anna drafted it for the applicant");
        Given.Refusal(() => Propose(approved, programme, new AmendmentTerms(Amount: 40_000m, Conditions: ["Report by 30 April"]))).Code
            .ShouldBe("amendment.no-change");
    }

    [Fact]
    public void The_effective_date_lies_between_the_version_it_amends_and_the_projects_end()
    {
        var programme = Programme();
        var approved = Approved(programme);
        var terms = new AmendmentTerms(Conditions: ["x"]);

        Given.Refusal(() => Propose(approved, programme, terms, Today.AddDays(-1))).Code.ShouldBe("amendment.effective-date-out-of-range");
        Given.Refusal(() => Propose(approved, programme, terms, new DateOnly(2027, 9, 1))).Code.ShouldBe("amendment.effective-date-out-of-range");
        Propose(approved, programme, terms, new DateOnly(2027, 8, 31)).EffectiveFrom.ShouldBe(new DateOnly(2027, 8, 31));
    }

    [Fact]
    public void An_amended_amount_comes_with_a_balanced_financing_within_the_programmes_rules_and_never_below_what_is_paid_or_requested()
    {
        var programme = Programme();
        var approved = Approved(programme);

        Given.Refusal(() => Propose(approved, programme, new AmendmentTerms(Amount: 45_000m))).Code.ShouldBe("amendment.financing-unbalanced");
        Given.Refusal(() => Propose(approved, programme, new AmendmentTerms(Amount: 45_000m, CostPlan: new CostPlan(50_000m, 5_000m, 0m)))).Code
            .ShouldBe("application.funding-rate-exceeded", "90 % of the costs; the programme funds at most 80 %");
        Given.Refusal(() => Propose(approved, programme, new AmendmentTerms(ProjectEnd: new DateOnly(2028, 3, 31)))).Code
            .ShouldBe("application.duration-beyond-programme");
        Given.Refusal(() => Propose(approved, programme, new AmendmentTerms(Amount: 120_000m, CostPlan: new CostPlan(150_000m, 30_000m, 0m)))).Code
            .ShouldBe("application.cap-exceeded");

        var paid = Approved(programme, new PaymentRequested(AppId, 1, 20_000m, Today.AddDays(10), 5_000m, "anna", Now));
        Given.Refusal(() => Propose(paid, programme, new AmendmentTerms(Amount: 16_000m, CostPlan: new CostPlan(20_000m, 4_000m, 0m)))).Code
            .ShouldBe("amendment.amount-below-payments");
    }

    [Fact]
    public void Proof_of_use_dates_move_only_for_proofs_not_yet_submitted_and_stay_within_the_project()
    {
        var programme = Programme();
        var approved = Approved(programme);

        var moved = Propose(approved, programme, new AmendmentTerms(ProofDueDates: [new ProofDueDate("interim-2026", new DateOnly(2027, 5, 31))]));
        moved.Changes.ShouldBe([AmendmentChange.ProofDueDates]);
        Given.Refusal(() => Propose(approved, programme, new AmendmentTerms(ProofDueDates: [new ProofDueDate("interim-2030", new DateOnly(2027, 5, 31))])))
            .Code.ShouldBe("proof.unknown");
        Given.Refusal(() => Propose(approved, programme, new AmendmentTerms(ProofDueDates: [new ProofDueDate("interim-2026", new DateOnly(2026, 8, 1))])))
            .Code.ShouldBe("amendment.proof-date-out-of-range");
        Given.Refusal(() => Propose(approved, programme, new AmendmentTerms(ProofDueDates: [new ProofDueDate("final", new DateOnly(2027, 8, 1))])))
            .Code.ShouldBe("amendment.proof-date-out-of-range");
        var submitted = Approved(programme, new ProofOfUseSubmitted(AppId, "interim-2026", ProofKind.Interim, "Bericht",
            new Dictionary<string, decimal>(), 0m, 0m, [], "anna", Now));
        Given.Refusal(() => Propose(submitted, programme, new AmendmentTerms(ProofDueDates: [new ProofDueDate("interim-2026", new DateOnly(2027, 5, 31))])))
            .Code.ShouldBe("proof.already-submitted");

        var after = Then(approved, [moved, .. AmendmentDecider.Confirm(FundingApplication.Evolve(approved, moved), Approver)]);
        after.Funding!.Proofs.Single(p => p.Proof == "interim-2026").DueBy.ShouldBe(new DateOnly(2027, 5, 31), "proofs follow the amendment");
    }

    [Fact]
    public void A_confirmed_raise_waits_for_the_budget_workflow_which_commits_the_extra_money_and_puts_the_amendment_in_force()
    {
        var programme = Programme(budget: 100_000m);
        var held = FundingProgramme.Evolve(programme, new FundsCommitted(programme.Id, AppId, Region.Id, 40_000m, 10_000m, null, "system", Now));
        var commitment = new Commitment(AppId, programme.Id, Region.Id, 40_000m, 10_000m);
        var approved = Approved(programme);
        var proposed = Propose(approved, programme, Raise);

        var confirmed = AmendmentDecider.Confirm(FundingApplication.Evolve(approved, proposed), Approver).ShouldHaveSingleItem()
            .ShouldBeOfType<AmendmentConfirmed>();
        confirmed.Raise.ShouldBe(8_000m);
        var awaiting = Then(approved, [proposed, confirmed]);
        awaiting.ApprovedAmount.ShouldBe(40_000m, "not in force before the money is committed");
        awaiting.Status.ShouldBe(ApplicationStatus.Approved);
        Given.Refusal(() => AmendmentDecider.Return(awaiting, "x", Approver)).Code.ShouldBe("amendment.none-pending");

        var step = BudgetCommitment.CommitAmendment(held, commitment, awaiting, HausSteinstrasse, 1, Now);

        step.ProgrammeEvents.Count.ShouldBe(2);
        var committed = step.ProgrammeEvents[0].ShouldBeOfType<FundsCommitted>();
        (committed.Amount, committed.Raise, committed.OwnContribution).ShouldBe((8_000m, true, 0m));
        step.ProgrammeEvents[1].ShouldBeOfType<CommitmentAdjusted>().OwnContributionChange.ShouldBe(2_000m, "the amended financing's own contribution, 12,000");
        FundingProgramme.Evolve(held, committed).Committed.ShouldBe(48_000m);
        Commitment.Evolve(commitment, committed)!.Amount.ShouldBe(48_000m);
        var amended = step.ApplicationEvents.ShouldHaveSingleItem().ShouldBeOfType<DecisionAmended>();
        (amended.PreviousAmount, amended.Amount, amended.FundingRate).ShouldBe((40_000m, 48_000m, 0.8m));
        var after = Then(awaiting, step.ApplicationEvents);
        after.ApprovedAmount.ShouldBe(48_000m);
        after.Decisions.Select(d => d.Amount).ShouldBe([40_000m, 48_000m]);
        BudgetCommitment.CommitAmendment(FundingProgramme.Evolve(held, committed), Commitment.Evolve(commitment, committed), after, HausSteinstrasse, 1, Now)
            .ShouldBe(CommitmentStep.Nothing, "redelivered");
    }

    [Fact]
    public void A_raise_beyond_what_the_programme_has_left_is_blocked_with_the_computation_and_nothing_is_committed()
    {
        var programme = Programme(budget: 45_000m);
        var held = FundingProgramme.Evolve(programme, new FundsCommitted(programme.Id, AppId, Region.Id, 40_000m, 10_000m, null, "system", Now));
        var approved = Approved(programme);
        var proposed = Propose(approved, programme, Raise);
        var awaiting = Then(approved, [proposed, .. AmendmentDecider.Confirm(FundingApplication.Evolve(approved, proposed), Approver)]);

        var step = BudgetCommitment.CommitAmendment(held, new Commitment(AppId, programme.Id, Region.Id, 40_000m, 10_000m), awaiting, HausSteinstrasse, 1, Now);

        step.ProgrammeEvents.ShouldBeEmpty();
        var blocked = step.ApplicationEvents.ShouldHaveSingleItem().ShouldBeOfType<AmendmentBlocked>();
        blocked.Code.ShouldBe("programme.insufficient-funds");
        blocked.Reason.ShouldContain("5,000.00 EUR available");
        blocked.Reason.ShouldContain("needs 8,000.00 EUR");
        var after = Then(awaiting, step.ApplicationEvents);
        (after.ApprovedAmount, after.PendingAmendment, after.Decisions.Count).ShouldBe((40_000m, null, 1));
    }

    [Fact]
    public void A_lower_amount_is_in_force_on_confirmation_and_its_money_goes_back_to_the_programme()
    {
        var programme = Programme();
        var committed = FundingProgramme.Evolve(programme, new FundsCommitted(programme.Id, AppId, Region.Id, 40_000m, 10_000m, null, "system", Now));
        var approved = Approved(programme);
        var proposed = Propose(approved, programme, new AmendmentTerms(Amount: 32_000m, CostPlan: new CostPlan(40_000m, 8_000m, 0m)));

        var after = Then(approved, [proposed, .. AmendmentDecider.Confirm(FundingApplication.Evolve(approved, proposed), Approver)]);

        after.ApprovedAmount.ShouldBe(32_000m);
        BudgetCommitment.Release(committed, new Commitment(AppId, programme.Id, Region.Id, 40_000m, 10_000m), after, HausSteinstrasse, "amended", Now)
            .ProgrammeEvents.ShouldHaveSingleItem().ShouldBeOfType<FundsReleased>().Amount.ShouldBe(8_000m);
    }

    [Fact]
    public void Payments_follow_the_amended_amount_from_its_effective_date()
    {
        var programme = Programme();
        var approved = Approved(programme);
        var later = new DateOnly(2026, 6, 1);
        var proposed = Propose(approved, programme, Raise, later);
        var awaiting = Then(approved, [proposed, .. AmendmentDecider.Confirm(FundingApplication.Evolve(approved, proposed), Approver)]);
        var raised = Then(awaiting, BudgetCommitment.CommitAmendment(programme, new Commitment(AppId, programme.Id, Region.Id, 40_000m, 10_000m), awaiting,
            HausSteinstrasse, 1, Now).ApplicationEvents);

        raised.PayableOn(Today).ShouldBe(40_000m);
        raised.PayableOn(later).ShouldBe(48_000m);
        var refusal = Given.Refusal(() => FundingDecider.RequestPayment(raised, new PaymentRequest(44_000m, Today.AddDays(10), 11_000m), Applicant));
        refusal.Code.ShouldBe("payment.exceeds-approval");
        refusal.Message.ShouldContain("48,000.00 EUR from a later effective date");
        FundingDecider.RequestPayment(raised, new PaymentRequest(44_000m, later.AddDays(10), 11_000m), Applicant with { At = new DateTimeOffset(2026, 6, 2, 9, 0, 0, TimeSpan.Zero) })
            .Amount.ShouldBe(44_000m);
    }

    [Fact]
    public void A_reduction_and_a_reclaim_are_versions_numbered_before_the_next_amendment_and_payments_follow_them_as_before()
    {
        var programme = Programme();
        var later = new DateOnly(2026, 6, 1);
        var proposed = Propose(Approved(programme), programme, Raise, later);
        var awaiting = Then(Approved(programme), [proposed, .. AmendmentDecider.Confirm(FundingApplication.Evolve(Approved(programme), proposed), Approver)]);
        var raised = Then(awaiting, BudgetCommitment.CommitAmendment(programme, new Commitment(AppId, programme.Id, Region.Id, 40_000m, 10_000m), awaiting,
            HausSteinstrasse, 1, Now).ApplicationEvents);

        // Lowered to 44,000 today, while the raise to 48,000 is in force only from a later day.
        var reduced = FundingApplication.Evolve(raised, ApplicationDecider.ReduceApprovedAmount(raised, 44_000m, "Lower costs", Caseworker));

        reduced.Decisions.Select(d => (d.Version, d.Amount)).ShouldBe([(1, 40_000m), (2, 48_000m), (3, 44_000m)]);
        reduced.Decisions[2].EffectiveFrom.ShouldBe(later, "never in force before the version it follows");
        reduced.Decisions[2].ProjectEnd.ShouldBe(reduced.Decisions[1].ProjectEnd);
        (reduced.PayableOn(Today), reduced.PayableOn(later)).ShouldBe((40_000m, 44_000m), "as the approved amount capped them before");

        var next = Propose(reduced, programme, new AmendmentTerms(Conditions: ["Report by 31 May"]), later);
        var amended = AmendmentDecider.Confirm(FundingApplication.Evolve(reduced, next), Approver).OfType<DecisionAmended>().Single();
        (amended.Version, amended.PreviousAmount, amended.Amount).ShouldBe((4, 44_000m, 44_000m));
        Given.Refusal(() => Propose(reduced, programme, new AmendmentTerms(Conditions: ["Report by 31 May"]), Today)).Code
            .ShouldBe("amendment.effective-date-out-of-range", "an amendment amends the version in force, the reduced one");

        var reclaimed = Then(reduced, FundingDecider.DemandReclaim(reduced, 4_000m, "A module was dropped", later.AddDays(30), Caseworker));
        reclaimed.Decisions.Select(d => (d.Version, d.Amount)).ShouldBe([(1, 40_000m), (2, 48_000m), (3, 44_000m), (4, 40_000m)]);
        reclaimed.ApprovedAmount.ShouldBe(40_000m);
    }

    [Fact]
    public void A_change_notice_is_attached_once_per_amended_version_and_never_to_the_approval()
    {
        var programme = Programme();
        var approved = Approved(programme);
        var proposed = Propose(approved, programme, new AmendmentTerms(Conditions: ["Report by 31 May"]));
        var amended = Then(approved, [proposed, .. AmendmentDecider.Confirm(FundingApplication.Evolve(approved, proposed), Approver)]);
        var notice = new StoredDocument(Guid.NewGuid(), "Aenderungsbescheid.pdf", "application/pdf", 100, new string('a', 64));
        var system = new Stamp("system:change-notice", Now);

        var attached = AmendmentDecider.AttachChangeNotice(amended, 2, notice, system).ShouldHaveSingleItem().ShouldBeOfType<DocumentAttached>();
        attached.Kind.ShouldBe(DocumentKind.ChangeNotice);
        SeparationOfDuties.SideOf(attached).ShouldBe(CaseSide.None, "the letter is nobody's act on the case");
        AmendmentDecider.AttachChangeNotice(FundingApplication.Evolve(amended, attached), 2, notice, system).ShouldBeEmpty();
        AmendmentDecider.AttachChangeNotice(amended, 1, notice, system).ShouldBeEmpty();
        AmendmentDecider.AttachChangeNotice(amended, 3, notice, system).ShouldBeEmpty();
    }
}
