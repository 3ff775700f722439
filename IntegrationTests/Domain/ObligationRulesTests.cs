using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>A grant's obligations (ADR 0123): imposed on an approved grant, evidence by due days, overdue by timer, pro-rata reclaim on breach.</summary>
public class ObligationRulesTests
{
    private static readonly Fachwerk.Domain.Alliances.Alliance Region = Alliance(true, Chamber);
    private static readonly FundingProgramme Guideline = Programme();
    private static readonly Stamp OtherCaseworker = new("carsten", Now);
    private static readonly DateOnly Start = new(2027, 10, 1);

    /// <summary>Approved 40,000 EUR, 30,000 paid (checked by sabine, released by carsten).</summary>
    private static FundingApplication Granted(params object[] more) =>
        Given.History<FundingApplication>([
            Drafted(Region, Guideline), Submitted(), Completed, Voted(Region), ProposedApproval(), ConfirmedApproval(),
            new ApplicationApproved(AppId, Guideline.Id, 40_000m, [], 0.8m, 0m, [], "system", Now),
            new PaymentRequested(AppId, 1, 30_000m, new DateOnly(2026, 4, 1), 0m, "anna", Now),
            new PaymentRequestChecked(AppId, 1, "sabine", Now),
            new PaymentReleased(AppId, Guideline.Id, 1, 30_000m, new DateOnly(2026, 3, 10), "carsten", Now),
            .. more,
        ]);

    /// <summary>Practise in the district for five years (60 months) from 2027-10-01, evidence yearly.</summary>
    private static ObligationImposed Practice => ObligationDecider.Impose(Granted(), ObligationKind.PractiseInDistrict,
        " Praxistätigkeit im Landkreis Mansfeld-Südharz ", Start, 60, "Bestätigung der Kassenärztlichen Vereinigung",
        [new DateOnly(2028, 10, 31), new DateOnly(2029, 10, 31), new DateOnly(2028, 10, 31)], Caseworker);

    private static Stamp On(DateOnly day) => new("system", new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));

    [Fact]
    public void An_approved_grant_takes_an_obligation_with_its_period_and_each_due_day_once()
    {
        var imposed = Practice;

        (imposed.Number, imposed.Description, imposed.Months).ShouldBe((1, "Praxistätigkeit im Landkreis Mansfeld-Südharz", 60));
        imposed.EvidenceDueDates.ShouldBe([new DateOnly(2028, 10, 31), new DateOnly(2029, 10, 31)]);
        var obligation = Granted(imposed).Obligations.ShouldHaveSingleItem();
        obligation.EndsOn.ShouldBe(new DateOnly(2032, 9, 30));
        obligation.Dues.ShouldAllBe(d => d.Evidence == null && !d.Overdue);
    }

    [Fact]
    public void An_obligation_needs_an_approved_grant_a_period_and_due_days_within_it()
    {
        var draft = Given.History<FundingApplication>(Drafted(Region, Guideline));
        Given.Refusal(() => ObligationDecider.Impose(draft, ObligationKind.Other, "x", Start, 12, "y", [Start], Caseworker))
            .Code.ShouldBe("obligation.grant-not-approved");
        Given.Refusal(() => ObligationDecider.Impose(Granted(), ObligationKind.Other, "x", Start, 0, "y", [Start], Caseworker))
            .Code.ShouldBe("obligation.period-out-of-range");
        Given.Refusal(() => ObligationDecider.Impose(Granted(), ObligationKind.Other, "x", Start, 12, "y", [], Caseworker))
            .Code.ShouldBe("obligation.no-evidence-due");
        Given.Refusal(() => ObligationDecider.Impose(Granted(), ObligationKind.Other, "x", Start, 12, "y", [Start.AddDays(-1)], Caseworker))
            .Code.ShouldBe("obligation.evidence-before-start");
        Given.Refusal(() => ObligationDecider.Impose(Granted(), ObligationKind.Other, "x", Start, 12, "y", [Start.AddYears(2)], Caseworker))
            .Code.ShouldBe("obligation.evidence-too-late");
    }

    [Fact]
    public void A_due_day_without_evidence_becomes_overdue_once_and_evidence_clears_it()
    {
        var due = new DateOnly(2028, 10, 31);
        var application = Granted(Practice);

        ObligationDecider.EvidenceDeadlineReached(application, 1, due, On(due)).ShouldBeEmpty("the day itself has not passed");
        var overdue = ObligationDecider.EvidenceDeadlineReached(application, 1, due, On(due.AddDays(1))).ShouldHaveSingleItem()
            .ShouldBeOfType<ObligationEvidenceOverdue>();
        application = FundingApplication.Evolve(application, overdue);
        application.Obligations[0].Dues[0].Overdue.ShouldBeTrue();
        ObligationDecider.EvidenceDeadlineReached(application, 1, due, On(due.AddDays(2))).ShouldBeEmpty("a redelivered timer changes nothing");

        var evidence = ObligationDecider.RecordEvidence(application, 1, due, " KV-Bestätigung vom 2028-11-03 ", Caseworker);
        application = FundingApplication.Evolve(application, evidence);
        application.Obligations[0].Dues[0].ShouldBe(new EvidenceDue(due, "KV-Bestätigung vom 2028-11-03"));
        Given.Refusal(() => ObligationDecider.RecordEvidence(application, 1, due, "again", Caseworker)).Code.ShouldBe("obligation.evidence-recorded");
        Given.Refusal(() => ObligationDecider.RecordEvidence(application, 1, new DateOnly(2030, 1, 1), "x", Caseworker))
            .Code.ShouldBe("obligation.unknown-due-date");
        ObligationDecider.EvidenceDeadlineReached(Granted(Practice, evidence), 1, due, On(due.AddDays(1))).ShouldBeEmpty("evidence came in time");
    }

    [Theory]
    [InlineData(30_000, 60, 27, 16_500)]      // 33/60 of 30,000
    [InlineData(30_000, 60, 0, 30_000)]       // nothing fulfilled: all of it
    [InlineData(10_000, 36, 1, 9_722.22)]     // 35/36 = 9,722.2222… rounds down
    [InlineData(10_000, 36, 35, 277.78)]      // 1/36 = 277.7777… rounds up
    [InlineData(0.05, 2, 1, 0.03)]            // 0.025 rounds half away from zero
    public void A_breach_reclaims_the_unfulfilled_share_of_what_was_paid_rounded_to_cents(decimal paid, int months, int fulfilled, decimal reclaim) =>
        ObligationDecider.ProRataReclaim(paid, months, fulfilled).ShouldBe(reclaim);

    [Fact]
    public void A_recorded_breach_demands_the_pro_rata_reclaim_through_the_reclaim_and_settles_the_obligation()
    {
        var application = Granted(Practice);

        var events = ObligationDecider.RecordBreach(application, 1, 27, new DateOnly(2030, 3, 31), OtherCaseworker);

        var breached = events[0].ShouldBeOfType<ObligationBreached>();
        (breached.FulfilledMonths, breached.Reclaimed).ShouldBe((27, 16_500m));
        var reclaim = events[1].ShouldBeOfType<ReclaimDemanded>();
        (reclaim.Amount, reclaim.ApprovedAmount, reclaim.RepaymentDue).ShouldBe((16_500m, 23_500m, 6_500m));
        reclaim.Reason.ShouldContain("33/60 of 30000.00 EUR");
        var after = events.Aggregate(application, FundingApplication.Evolve);
        after.Status.ShouldBe(ApplicationStatus.ReclaimDemanded);
        after.Obligations[0].Breach!.Reclaimed.ShouldBe(16_500m);
        Given.Refusal(() => ObligationDecider.RecordBreach(after, 1, 30, new DateOnly(2030, 3, 31), OtherCaseworker)).Code.ShouldBe("obligation.breached");
        Given.Refusal(() => ObligationDecider.RecordEvidence(after, 1, new DateOnly(2029, 10, 31), "x", OtherCaseworker)).Code.ShouldBe("obligation.breached");
    }

    [Fact]
    public void A_breach_lies_within_the_period_and_needs_money_paid()
    {
        Given.Refusal(() => ObligationDecider.RecordBreach(Granted(Practice), 1, 60, new DateOnly(2030, 3, 31), OtherCaseworker))
            .Code.ShouldBe("obligation.fulfilled-out-of-range");
        Should.Throw<UnknownEntity>(() => ObligationDecider.RecordBreach(Granted(Practice), 2, 1, new DateOnly(2030, 3, 31), OtherCaseworker));
        var unpaid = Given.History<FundingApplication>(
            Drafted(Region, Guideline), Submitted(), Completed, Voted(Region), ProposedApproval(), ConfirmedApproval(),
            new ApplicationApproved(AppId, Guideline.Id, 40_000m, [], 0.8m, 0m, [], "system", Now));
        var imposed = ObligationDecider.Impose(unpaid, ObligationKind.Other, "x", Start, 12, "y", [Start], Caseworker);
        Given.Refusal(() => ObligationDecider.RecordBreach(FundingApplication.Evolve(unpaid, imposed), 1, 3, new DateOnly(2030, 3, 31), OtherCaseworker))
            .Code.ShouldBe("obligation.nothing-paid");
    }
}
