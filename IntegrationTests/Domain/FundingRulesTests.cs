using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using Fachwerk.Domain.Sampling;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>The rules after approval: payments, proofs of use, checks, reclaims, closure, the de-minimis ceiling, sampling.</summary>
public class FundingRulesTests
{
    private static readonly Fachwerk.Domain.Alliances.Alliance Region = Alliance(true, Chamber);
    private static readonly FundingProgramme Arbeitsmarktkreis = Programme();
    private static readonly Stamp Recipient = Applicant;
    private static readonly Stamp OtherCaseworker = new("carsten", Now);

    /// <summary>Approved 40,000 of 50,000 EUR costs (80 %), project 2026-09-01..2027-08-31, optionally retaining a final instalment.</summary>
    private static FundingApplication Approved(decimal retained = 0, params object[] more) => ApprovedWithoutPayee(retained, [.. PayeeConfirmed, .. more]);

    /// <summary>Approved as <see cref="Approved"/>, but no payee account confirmed unless <paramref name="more"/> confirms one.</summary>
    private static FundingApplication ApprovedWithoutPayee(decimal retained = 0, params object[] more) =>
        Given.History<FundingApplication>([
            Drafted(Region, Arbeitsmarktkreis), Submitted(), Completed, Voted(Region), ProposedApproval(), ConfirmedApproval(),
            new ApplicationApproved(AppId, Arbeitsmarktkreis.Id, 40_000m, [], 0.8m, retained,
                BudgetCommitment.ProofsOfUse(Plan().Duration, null), "system", Now),
            .. more,
        ]);

    private static PaymentRequested Requested(int number, decimal amount, decimal spent) =>
        new(AppId, number, amount, AuthorityCalendar.DayOf(Now).AddDays(14), spent, "anna", Now);

    private static PaymentRequestChecked Checked(int number, string by = "sabine") => new(AppId, number, by, Now);

    private static PaymentReleased Released(int number, decimal amount, string by = "carsten") =>
        new(AppId, Arbeitsmarktkreis.Id, number, amount, new DateOnly(2026, 3, 10), by, Now);

    private static ProofOfUseSubmitted Proof(string proof, ProofKind kind) =>
        new(AppId, proof, kind, "Bericht", new Dictionary<string, decimal> { ["Personal"] = 50_000m }, 10_000m, 0m, [], "anna", Now);

    /// <summary>The interim proof the approval asks for (the project runs into a second calendar year).</summary>
    private static ProofOfUseSubmitted InterimSubmitted => Proof("interim-2026", ProofKind.Interim);

    private static ProofOfUseFirstCheckCompleted FirstCheck(string proof, params Finding[] findings) => new(AppId, proof, findings, "sabine", Now);

    private static readonly DateOnly InTwoWeeks = AuthorityCalendar.DayOf(Now).AddDays(14);

    [Fact]
    public void The_approval_fixes_the_proofs_of_use_interim_on_30_April_after_each_year_and_the_final_six_months_after_the_end()
    {
        BudgetCommitment.ProofsOfUse(new Period(new DateOnly(2026, 9, 1), new DateOnly(2028, 8, 31)), null).ShouldBe(
        [
            new ProofOfUseDue("interim-2026", ProofKind.Interim, new DateOnly(2027, 4, 30)),
            new ProofOfUseDue("interim-2027", ProofKind.Interim, new DateOnly(2028, 4, 30)),
            new ProofOfUseDue("final", ProofKind.Final, new DateOnly(2029, 2, 28)),
        ]);
        BudgetCommitment.ProofsOfUse(new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), [new DateOnly(2027, 7, 15)])
            .Select(p => p.DueBy).ShouldBe([new DateOnly(2027, 7, 15), new DateOnly(2028, 6, 30)]);
    }

    [Fact]
    public void A_payment_request_stays_within_the_approved_amount_not_yet_paid_or_requested()
    {
        var application = Approved(0, Requested(1, 15_000m, 10_000m), Checked(1), Released(1, 15_000m), Requested(2, 10_000m, 20_000m));

        var refusal = Given.Refusal(() => FundingDecider.RequestPayment(application, new PaymentRequest(15_000.01m, InTwoWeeks, 100_000m), Recipient));

        refusal.Code.ShouldBe("payment.exceeds-approval");
        refusal.Message.ShouldContain("Approved 40,000.00 EUR, paid 15,000.00 EUR, requested and not yet paid 10,000.00 EUR: at most 15,000.00 EUR");
        FundingDecider.RequestPayment(application, new PaymentRequest(15_000m, InTwoWeeks, 100_000m), Recipient).RequestNumber.ShouldBe(3);
    }

    [Fact]
    public void Money_is_requested_only_for_needs_within_two_months()
    {
        var application = Approved();

        Given.Refusal(() => FundingDecider.RequestPayment(application, new PaymentRequest(1_000m, AuthorityCalendar.DayOf(Now).AddMonths(2).AddDays(1), 10_000m), Recipient))
            .Code.ShouldBe("payment.not-due-soon");
        Given.Refusal(() => FundingDecider.RequestPayment(application, new PaymentRequest(1_000m, AuthorityCalendar.DayOf(Now).AddDays(-1), 10_000m), Recipient))
            .Code.ShouldBe("payment.not-due-soon");
    }

    [Fact]
    public void Public_money_never_runs_ahead_of_the_agreed_funding_rate()
    {
        // 80 % funding: each euro of own money spent allows four euros of public money.
        var application = Approved();

        FundingDecider.RequestPayment(application, new PaymentRequest(8_000m, InTwoWeeks, 2_000m), Recipient).Amount.ShouldBe(8_000m);
        var refusal = Given.Refusal(() => FundingDecider.RequestPayment(application, new PaymentRequest(8_000.01m, InTwoWeeks, 2_000m), Recipient));
        refusal.Code.ShouldBe("payment.ahead-of-funding-rate");
        refusal.Message.ShouldContain("With 2,000.00 EUR of own and third-party money spent, the agreed funding rate of 80 % allows 8,000.00 EUR");
        Given.Refusal(() => FundingDecider.RequestPayment(Approved(0, Requested(1, 8_000m, 2_000m)), new PaymentRequest(1_000m, InTwoWeeks, 1_500m), Recipient))
            .Code.ShouldBe("payment.spent-decreased");
    }

    [Fact]
    public void The_retained_final_instalment_is_paid_only_after_the_final_proof_is_checked()
    {
        var application = Approved(retained: 4_000m, Requested(1, 36_000m, 9_000m), Checked(1), Released(1, 36_000m));

        Given.Refusal(() => FundingDecider.RequestPayment(application, new PaymentRequest(4_000m, InTwoWeeks, 10_000m), Recipient)).Code.ShouldBe("payment.final-instalment-retained");

        var settled = Approved(retained: 4_000m, Requested(1, 36_000m, 9_000m), Checked(1), Released(1, 36_000m), Proof("final", ProofKind.Final),
            FirstCheck("final"));
        FundingDecider.RequestPayment(settled, new PaymentRequest(4_000m, InTwoWeeks, 10_000m), Recipient).Amount.ShouldBe(4_000m);
    }

    [Fact]
    public void Above_the_threshold_a_payment_is_released_by_someone_other_than_its_checker()
    {
        var application = Approved(0, Requested(1, 12_000m, 3_000m), Checked(1, by: "sabine"));

        Given.Refusal(() => FundingDecider.ReleasePayment(application, 1, new DateOnly(2026, 3, 10), 10_000m, Caseworker)).Code.ShouldBe("payment.four-eyes");
        FundingDecider.ReleasePayment(application, 1, new DateOnly(2026, 3, 10), 10_000m, OtherCaseworker).ShouldHaveSingleItem()
            .ShouldBeOfType<PaymentReleased>().BookedOn.ShouldBe(new DateOnly(2026, 3, 10));
        FundingDecider.ReleasePayment(application, 1, new DateOnly(2026, 3, 10), 20_000m, Caseworker).ShouldHaveSingleItem("below the threshold one person suffices");
        Given.Refusal(() => FundingDecider.ReleasePayment(Approved(0, Requested(1, 1_000m, 250m)), 1, new DateOnly(2026, 3, 10), 10_000m, OtherCaseworker))
            .Code.ShouldBe("payment.illegal-transition");
    }

    [Fact]
    public void A_payment_is_released_only_into_a_confirmed_payee_account()
    {
        // Given a checked payment request and no confirmed account the grant is paid into
        var withoutAccount = ApprovedWithoutPayee(0, Requested(1, 5_000m, 1_250m), Checked(1));

        // When it is released: refused, also while an account only waits for its confirmation
        var refusal = Given.Refusal(() => FundingDecider.ReleasePayment(withoutAccount, 1, new DateOnly(2026, 3, 10), 10_000m, OtherCaseworker));
        refusal.Code.ShouldBe("payment.no-payee-account");
        refusal.Message.ShouldContain("No payee account is confirmed");
        var onlyProposed = FundingApplication.Evolve(withoutAccount, PayeeProposed);
        Given.Refusal(() => FundingDecider.ReleasePayment(onlyProposed, 1, new DateOnly(2026, 3, 10), 10_000m, OtherCaseworker))
            .Code.ShouldBe("payment.no-payee-account");

        // Then, once a second person confirmed the account, it is released
        var confirmed = FundingApplication.Evolve(onlyProposed, new PayeeAccountConfirmed(AppId, 1, "zoe", Now));
        FundingDecider.ReleasePayment(confirmed, 1, new DateOnly(2026, 3, 10), 10_000m, OtherCaseworker).ShouldHaveSingleItem()
            .ShouldBeOfType<PaymentReleased>().Amount.ShouldBe(5_000m);
    }

    [Fact]
    public void Splitting_a_sum_into_payments_under_the_threshold_does_not_let_one_person_pay_it_alone()
    {
        // Given two payments of 6,000 EUR that sabine checked and released alone, and a third she checked
        var application = Approved(0,
            Requested(1, 6_000m, 1_500m), Checked(1), Released(1, 6_000m, by: "sabine"),
            Requested(2, 6_000m, 3_000m), Checked(2), Released(2, 6_000m, by: "sabine"),
            Requested(3, 6_000m, 4_500m), Checked(3));

        // When she releases the third, then 18,000 EUR would have passed through her hands alone: refused
        var refusal = Given.Refusal(() => FundingDecider.ReleasePayment(application, 3, new DateOnly(2026, 3, 10), 10_000m, Caseworker));
        refusal.Code.ShouldBe("payment.four-eyes");
        refusal.Message.ShouldContain("you released 12,000.00 EUR alone before, with this one 18,000.00 EUR");

        // Then a second person releases it
        FundingDecider.ReleasePayment(application, 3, new DateOnly(2026, 3, 10), 10_000m, OtherCaseworker).ShouldHaveSingleItem()
            .ShouldBeOfType<PaymentReleased>().RecordedBy.ShouldBe("carsten");
    }

    [Fact]
    public void What_one_person_pays_alone_counts_up_to_the_threshold_and_payments_released_by_a_second_person_do_not_count()
    {
        // Given 4,000 EUR that sabine checked and released alone, and 30,000 EUR she checked and carsten released
        var application = Approved(0,
            Requested(1, 4_000m, 1_000m), Checked(1), Released(1, 4_000m, by: "sabine"),
            Requested(2, 30_000m, 9_000m), Checked(2), Released(2, 30_000m, by: "carsten"),
            Requested(3, 6_000m, 10_000m), Checked(3));

        PaymentFourEyes.PaidAlone(application.Funding!, "SABINE").ShouldBe(4_000m, "user ids are compared regardless of case");
        PaymentFourEyes.PaidAlone(application.Funding!, "carsten").ShouldBe(0m, "carsten released but did not check");

        // When she releases 6,000 EUR more, she reaches exactly the threshold: allowed
        FundingDecider.ReleasePayment(application, 3, new DateOnly(2026, 3, 10), 10_000m, Caseworker).ShouldHaveSingleItem();
        // ... and one cent more is not
        Given.Refusal(() => FundingDecider.ReleasePayment(application, 3, new DateOnly(2026, 3, 10), 9_999.99m, Caseworker))
            .Code.ShouldBe("payment.four-eyes");
    }

    [Fact]
    public void A_proof_is_submitted_once_and_its_deadline_only_moves_later()
    {
        var application = Approved(0, Proof("interim-2026", ProofKind.Interim));

        Given.Refusal(() => FundingDecider.SubmitProof(application, "interim-2026", new ProofOfUseReport("x", new Dictionary<string, decimal>(), 0, 0, []), Recipient))
            .Code.ShouldBe("proof.already-submitted");
        Given.Refusal(() => FundingDecider.SubmitProof(application, "interim-2030", new ProofOfUseReport("x", new Dictionary<string, decimal>(), 0, 0, []), Recipient))
            .Code.ShouldBe("proof.unknown");
        Given.Refusal(() => FundingDecider.ExtendProofDeadline(Approved(), "final", new DateOnly(2028, 2, 1), "x", Caseworker)).Code.ShouldBe("proof.not-an-extension");
        FundingDecider.ExtendProofDeadline(Approved(), "final", new DateOnly(2028, 5, 31), "Krankheit", Caseworker).PreviousDueBy.ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Fact]
    public void A_missing_proof_is_flagged_overdue_once_after_its_due_date()
    {
        var application = Approved();
        var dayAfter = Caseworker with { At = new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero) };

        FundingDecider.FlagOverdueProof(application, "interim-2026", Caseworker with { At = new DateTimeOffset(2027, 4, 30, 12, 0, 0, TimeSpan.Zero) })
            .ShouldBeEmpty("due that day");
        var overdue = FundingDecider.FlagOverdueProof(application, "interim-2026", dayAfter).ShouldHaveSingleItem().ShouldBeOfType<ProofOfUseOverdue>();
        FundingDecider.FlagOverdueProof(FundingApplication.Evolve(application, overdue), "interim-2026", dayAfter).ShouldBeEmpty("flagged already");
        FundingDecider.FlagOverdueProof(Approved(0, Proof("interim-2026", ProofKind.Interim)), "interim-2026", dayAfter).ShouldBeEmpty("submitted");
    }

    [Fact]
    public void The_case_closes_when_the_final_proof_passes_its_checks_and_the_grant_is_paid()
    {
        var paidInFull = Approved(0, Requested(1, 40_000m, 10_000m), Checked(1), Released(1, 40_000m), InterimSubmitted, Proof("final", ProofKind.Final));

        var events = FundingDecider.CompleteFirstCheck(paidInFull, "final", [], Caseworker);

        events.Count.ShouldBe(2);
        events[1].ShouldBeOfType<ApplicationClosed>().Unpaid.ShouldBe(0m);
        FundingDecider.CompleteFirstCheck(paidInFull, "final", [new Finding("Beleg fehlt", 500m)], Caseworker).ShouldHaveSingleItem("findings keep it open");
    }

    [Fact]
    public void The_final_proof_of_use_is_submitted_only_after_the_project_has_ended()
    {
        // Given an approved project running from 2026-09-01 to 2027-08-31
        var application = Approved();
        var report = new ProofOfUseReport("Bericht", new Dictionary<string, decimal> { ["Personal"] = 50_000m }, 10_000m, 0m, []);

        // When the final proof comes on the project's last day: refused, naming the end and the due date
        var refusal = Given.Refusal(() => FundingDecider.SubmitProof(application, "final", report,
            Recipient with { At = new DateTimeOffset(2027, 8, 31, 18, 0, 0, TimeSpan.Zero) }));
        refusal.Code.ShouldBe("proof.final-before-end");
        refusal.Message.ShouldContain("after its last day, 2027-08-31 (due by 2028-02-29)");

        // Then it is accepted the day after the end; an interim proof is accepted while the project runs
        FundingDecider.SubmitProof(application, "final", report, Recipient with { At = new DateTimeOffset(2027, 9, 1, 8, 0, 0, TimeSpan.Zero) })
            .Kind.ShouldBe(ProofKind.Final);
        FundingDecider.SubmitProof(application, "interim-2026", report, Recipient).Kind.ShouldBe(ProofKind.Interim);
    }

    [Fact]
    public void A_case_does_not_close_while_an_interim_proof_is_missing()
    {
        // Given the grant paid in full and the final proof submitted, but the interim proof interim-2026 never submitted
        var withoutInterim = Approved(0, Requested(1, 40_000m, 10_000m), Checked(1), Released(1, 40_000m), Proof("final", ProofKind.Final));

        // When the final proof passes its check, the case stays open
        var check = FundingDecider.CompleteFirstCheck(withoutInterim, "final", [], Caseworker).ShouldHaveSingleItem();
        var settled = FundingApplication.Evolve(withoutInterim, check);
        settled.Status.ShouldBe(ApplicationStatus.Approved);
        // ... and a caseworker cannot close it either
        var refusal = Given.Refusal(() => FundingDecider.Close(settled, Caseworker));
        refusal.Code.ShouldBe("closure.interim-proof-missing");
        refusal.Message.ShouldContain("'interim-2026' (due by 2027-04-30)");

        // Then, once the interim proof is in, the caseworker closes it
        FundingDecider.Close(FundingApplication.Evolve(settled, InterimSubmitted), Caseworker).Paid.ShouldBe(40_000m);
    }

    [Fact]
    public void A_sampled_final_proof_closes_only_after_its_in_depth_check()
    {
        var sampled = Approved(0, Requested(1, 40_000m, 10_000m), Checked(1), Released(1, 40_000m), InterimSubmitted, Proof("final", ProofKind.Final),
            FirstCheck("final"), new ProofOfUseSelectedForInDepthCheck(AppId, "final", Guid.NewGuid(), "sabine", Now));

        sampled.Status.ShouldBe(ApplicationStatus.Approved);
        FundingDecider.CompleteInDepthCheck(sampled, "final", [], Caseworker).Last().ShouldBeOfType<ApplicationClosed>();
        Given.Refusal(() => FundingDecider.CompleteInDepthCheck(Approved(0, Proof("final", ProofKind.Final), FirstCheck("final")), "final", [], Caseworker))
            .Code.ShouldBe("proof.illegal-transition");
    }

    [Fact]
    public void A_case_with_grant_left_uncalled_is_closed_explicitly_and_the_rest_goes_back()
    {
        var partlyPaid = Approved(0, Requested(1, 30_000m, 7_500m), Checked(1), Released(1, 30_000m), InterimSubmitted, Proof("final", ProofKind.Final),
            FirstCheck("final"));

        partlyPaid.Status.ShouldBe(ApplicationStatus.Approved);
        var closed = FundingDecider.Close(partlyPaid, Caseworker);
        closed.Paid.ShouldBe(30_000m);
        closed.Unpaid.ShouldBe(10_000m);
        FundingApplication.Evolve(partlyPaid, closed).KeepsCommitted.ShouldBe(30_000m);
        Given.Refusal(() => FundingDecider.Close(Approved(0, Proof("final", ProofKind.Final)), Caseworker)).Code.ShouldBe("closure.final-proof-open");
    }

    [Fact]
    public void A_reclaim_lowers_the_grant_demands_back_what_was_overpaid_and_the_repayment_closes_the_case()
    {
        var withFindings = Approved(0, Requested(1, 40_000m, 10_000m), Checked(1), Released(1, 40_000m), InterimSubmitted, Proof("final", ProofKind.Final),
            FirstCheck("final", new Finding("Nicht förderfähige Bewirtungskosten", 6_000m)));

        var reclaim = FundingDecider.DemandReclaim(withFindings, 6_000m, "Nicht förderfähige Kosten", new DateOnly(2026, 5, 31), Caseworker)
            .ShouldHaveSingleItem().ShouldBeOfType<ReclaimDemanded>();
        reclaim.ApprovedAmount.ShouldBe(34_000m);
        reclaim.RepaymentDue.ShouldBe(6_000m);
        var demanded = FundingApplication.Evolve(withFindings, reclaim);
        demanded.Status.ShouldBe(ApplicationStatus.ReclaimDemanded);
        demanded.KeepsCommitted.ShouldBe(34_000m);

        Given.Refusal(() => FundingDecider.RecordRepayment(demanded, 6_000.01m, new DateOnly(2026, 5, 20), Caseworker)).Code.ShouldBe("reclaim.amount-out-of-range");
        var partly = FundingDecider.RecordRepayment(demanded, 2_000m, new DateOnly(2026, 5, 20), Caseworker).ShouldHaveSingleItem();
        var rest = FundingDecider.RecordRepayment(FundingApplication.Evolve(demanded, partly), 4_000m, new DateOnly(2026, 5, 30), Caseworker);
        rest.Last().ShouldBeOfType<ApplicationClosed>().Paid.ShouldBe(34_000m);
    }

    [Fact]
    public void After_payments_the_grant_is_revoked_by_reclaim_not_withdrawal_and_never_reduced_below_payments()
    {
        var paid = Approved(0, Requested(1, 20_000m, 5_000m), Checked(1), Released(1, 20_000m));

        Given.Refusal(() => ApplicationDecider.Withdraw(paid, "Verzicht", Recipient)).Code.ShouldBe("application.payments-made");
        Given.Refusal(() => ApplicationDecider.ReduceApprovedAmount(paid, 19_999m, "Weniger", Caseworker)).Code.ShouldBe("application.amount-below-payments");
        ApplicationDecider.ReduceApprovedAmount(paid, 20_000m, "Weniger", Caseworker).Amount.ShouldBe(20_000m);
    }

    [Fact]
    public void The_de_minimis_ceiling_counts_the_aid_of_the_rolling_three_years_and_shows_the_computation()
    {
        var undertaking = HausSteinstrasse with
        {
            DeMinimisAid = [new(Guid.NewGuid(), Guid.NewGuid(), 200_000m, new DateOnly(2023, 3, 3)), new(Guid.NewGuid(), Guid.NewGuid(), 90_000m, new DateOnly(2025, 6, 1))],
        };

        var refused = DeMinimis.Check(undertaking, AppId, 20_000m, new DateOnly(2026, 3, 2));
        refused.Allowed.ShouldBeFalse();
        refused.AidInWindow.ShouldBe(290_000m);
        refused.Computation.ShouldContain("from 2023-03-03 to 2026-03-02: 200,000.00 EUR (2023-03-03) + 90,000.00 EUR (2025-06-01)");
        refused.Computation.ShouldContain("total is 310,000.00 EUR, ceiling 300,000.00 EUR, exceeded by 10,000.00 EUR");
        // A day later the 2023 grant has left the window.
        DeMinimis.Check(undertaking, AppId, 20_000m, new DateOnly(2026, 3, 3)).Allowed.ShouldBeTrue();
        DeMinimis.Check(undertaking, AppId, 10_000m, new DateOnly(2026, 3, 2)).Allowed.ShouldBeTrue("exactly at the ceiling");
    }

    [Fact]
    public void In_a_de_minimis_programme_the_commitment_is_blocked_at_the_ceiling_and_otherwise_recorded_as_aid()
    {
        var programme = Programme(rules: Rules with { DeMinimis = true });
        var awaiting = Given.History<FundingApplication>(Drafted(Region, programme), new ApplicationSubmitted(AppId, new SubmissionTerms(true, 14, 30, DeMinimis: true), "anna", Now),
            Completed, Voted(Region), ProposedApproval(), ConfirmedApproval());
        var nearCeiling = HausSteinstrasse with { DeMinimisAid = [new(Guid.NewGuid(), Guid.NewGuid(), 280_000m, new DateOnly(2025, 1, 1))] };

        BudgetCommitment.Commit(programme, null, awaiting, nearCeiling, 1, Now).ApplicationEvents.ShouldHaveSingleItem().ShouldBeOfType<ApprovalBlocked>()
            .Code.ShouldBe("application.de-minimis-ceiling");
        var granted = BudgetCommitment.Commit(programme, null, awaiting, HausSteinstrasse, 1, Now).ApplicantEvents.ShouldHaveSingleItem()
            .ShouldBeOfType<DeMinimisAidGranted>();
        granted.Amount.ShouldBe(40_000m);
        granted.GrantedOn.ShouldBe(new DateOnly(2026, 3, 2));
    }

    [Fact]
    public void The_in_depth_sample_draws_at_least_ten_percent_always_the_high_risks_and_is_reproducible_from_its_seed()
    {
        var population = Enumerable.Range(0, 43)
            .Select(i => new SampleCandidate(new Guid(i + 1, 0, 0, new byte[8]), "final", i == 7 ? 150_000m : 20_000m, i == 3 ? 2 : 0))
            .ToList();

        var selected = InDepthSampling.Select(population, SampleRule.Default, seed: 4711);

        selected.Count.ShouldBe(5, "ceil(43 x 10 %)");
        selected.ShouldContain(population[3], "findings in the first check");
        selected.ShouldContain(population[7], "high amount");
        InDepthSampling.Select(population, SampleRule.Default, seed: 4711).ShouldBe(selected);
        InDepthSampling.Select(population, SampleRule.Default, seed: 4712).ShouldNotBe(selected);
        InDepthSampling.Select([.. population.AsEnumerable().Reverse()], SampleRule.Default, seed: 4711).ShouldBe(selected, "order of the population does not matter");
    }
}
