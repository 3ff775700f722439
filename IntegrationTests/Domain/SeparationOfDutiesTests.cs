using System.Runtime.CompilerServices;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>
/// Separation of duties per case across all roles a person holds: one account never acts on both sides of a funding case.
/// "anna" drafted, submitted and requests money (the applicant's side); "sabine" and "zoe" decide (the authority's side).
/// </summary>
public class SeparationOfDutiesTests
{
    private static readonly Fachwerk.Domain.Alliances.Alliance Region = Alliance(true, Chamber);
    private static readonly FundingProgramme Arbeitsmarktkreis = Programme();
    private static readonly DateOnly Booked = new(2026, 3, 10);

    private static FundingApplication Approved(params object[] more) =>
        Given.History<FundingApplication>([
            Drafted(Region, Arbeitsmarktkreis), Submitted(), Completed, Voted(Region), ProposedApproval(), ConfirmedApproval(),
            new ApplicationApproved(AppId, Arbeitsmarktkreis.Id, 40_000m, [], 0.8m, 0m, BudgetCommitment.ProofsOfUse(Plan().Duration, null), "system", Now),
            .. PayeeConfirmed,
            .. more,
        ]);

    private static PaymentRequested Requested(int number, string by = "anna") =>
        new(AppId, number, 9_000m, AuthorityCalendar.DayOf(Now).AddDays(14), 2_250m * number, by, Now);

    [Fact]
    public void Who_requested_a_payment_never_checks_releases_or_refuses_it()
    {
        // Given anna (applicant and caseworker in one account) requested 9,000 EUR for her organisation
        var requested = Approved(Requested(1));

        // When she checks, refuses or releases it: refused, whatever the amount
        Given.Refusal(() => FundingDecider.CheckPaymentRequest(requested, 1, Applicant)).Code.ShouldBe(SeparationOfDuties.Code);
        Given.Refusal(() => FundingDecider.RefusePaymentRequest(requested, 1, "Belege fehlen", Applicant)).Code.ShouldBe(SeparationOfDuties.Code);
        var checkedBySabine = FundingApplication.Evolve(requested, new PaymentRequestChecked(AppId, 1, "sabine", Now));
        Given.Refusal(() => FundingDecider.ReleasePayment(checkedBySabine, 1, Booked, 10_000m, Applicant)).Code.ShouldBe(SeparationOfDuties.Code);

        // Then the funding authority's people do it
        FundingDecider.CheckPaymentRequest(requested, 1, Caseworker).RecordedBy.ShouldBe("sabine");
        FundingDecider.ReleasePayment(checkedBySabine, 1, Booked, 10_000m, new Stamp("carsten", Now)).ShouldHaveSingleItem();
    }

    [Fact]
    public void Who_drafted_or_submitted_an_application_never_proposes_confirms_or_returns_its_decision()
    {
        var complete = Given.History<FundingApplication>(Drafted(Region, Arbeitsmarktkreis), Submitted(), Completed, Voted(Region));
        var proposed = FundingApplication.Evolve(complete, ProposedApproval());
        var asAnna = Applicant;

        Given.Refusal(() => ApplicationDecider.ProposeApproval(complete, new ApprovalTerms(40_000m, [], null), 5, asAnna)).Code.ShouldBe(SeparationOfDuties.Code);
        Given.Refusal(() => ApplicationDecider.ProposeRejection(complete, "Nicht förderfähig", 5, asAnna)).Code.ShouldBe(SeparationOfDuties.Code);
        Given.Refusal(() => ApplicationDecider.ConfirmDecision(proposed, asAnna)).Code.ShouldBe(SeparationOfDuties.Code);
        Given.Refusal(() => ApplicationDecider.ReturnDecision(proposed, "Bitte prüfen", asAnna)).Code.ShouldBe(SeparationOfDuties.Code);
        var submitted = Given.History<FundingApplication>(Drafted(Region, Arbeitsmarktkreis), Submitted());
        Given.Refusal(() => ApplicationDecider.CompleteFormally(submitted, asAnna)).Code.ShouldBe(SeparationOfDuties.Code);
        Given.Refusal(() => ApplicationDecider.RequestDocuments(submitted, ["Satzung"], asAnna)).Code.ShouldBe(SeparationOfDuties.Code);

        ApplicationDecider.ConfirmDecision(proposed, Approver).First().ShouldBeOfType<DecisionConfirmed>();
    }

    [Fact]
    public void Who_decided_on_a_case_never_acts_for_its_applicant()
    {
        // Given sabine proposed the approval and checked a payment request
        var approved = Approved(Requested(1), new PaymentRequestChecked(AppId, 1, "sabine", Now));

        // When sabine, under an applicant role, requests money or withdraws: refused
        Given.Refusal(() => FundingDecider.RequestPayment(approved, new PaymentRequest(1_000m, AuthorityCalendar.DayOf(Now).AddDays(7), 20_000m), Caseworker))
            .Code.ShouldBe(SeparationOfDuties.Code);
        Given.Refusal(() => ApplicationDecider.Withdraw(approved, "Verzicht", Caseworker)).Code.ShouldBe(SeparationOfDuties.Code);
        Given.Refusal(() => FundingDecider.SubmitProof(approved, "interim-2026",
            new ProofOfUseReport("Bericht", new Dictionary<string, decimal> { ["Personal"] = 1m }, 0m, 0m, []), Caseworker)).Code.ShouldBe(SeparationOfDuties.Code);

        // Then the applicant's own people may, and user ids are compared regardless of case
        approved.ApplicantSide.ShouldBe(["anna"], ignoreOrder: true);
        approved.AuthoritySide.ShouldContain("SABINE");
        FundingDecider.RequestPayment(approved, new PaymentRequest(1_000m, AuthorityCalendar.DayOf(Now).AddDays(7), 20_000m), Applicant)
            .RequestNumber.ShouldBe(2);
    }

    [Fact]
    public void Every_event_of_a_funding_application_is_someones_act_on_one_side_or_a_system_step()
    {
        var systemSteps = typeof(IApplicationEvent).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IApplicationEvent)))
            .Where(t => SeparationOfDuties.SideOf(RuntimeHelpers.GetUninitializedObject(t)) == CaseSide.None)
            .Select(t => t.Name);

        // A new event is either the act of a person on one side of the case, or listed here as a step nobody takes in person.
        systemSteps.ShouldBe([nameof(ApplicationLapsed), nameof(DecisionReminderRaised), nameof(ApplicationApproved), nameof(ApprovalBlocked),
            nameof(ProofOfUseOverdue), nameof(ProofOfUseSelectedForInDepthCheck), nameof(DecisionAmended), nameof(AmendmentBlocked),
            nameof(ObligationEvidenceOverdue), nameof(ObligationAmended), nameof(ObligationLifted)], ignoreOrder: true);
    }
}
