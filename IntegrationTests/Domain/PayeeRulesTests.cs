using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>The account a grant is paid into: proposed by one person, counted once a second one confirms it (PayeeDecider).</summary>
public class PayeeRulesTests
{
    private const string Giro = "DE89370400440532013000";
    private const string Sparkasse = "DE02120300000000202051";
    private static readonly Stamp ByCarsten = new("carsten", Now);
    private static readonly PayeeAccount Account = PayeeAccount.Of("de89 3704 0044 0532 0130 00", "cobadeffxxx", " Haus Steinstraße e.V. ");

    private static FundingApplication Case(params object[] events) =>
        Given.History<FundingApplication>([Drafted(Alliance(true, Chamber, HausSteinstrasse), Programme()), Submitted(), .. events]);

    private static PayeeAccountProposed Proposed(int number = 1, string iban = Giro, string by = "anna", CaseSide side = CaseSide.Applicant) =>
        new(AppId, number, iban, "COBADEFFXXX", "Haus Steinstraße e.V.", null, side, by, Now);

    [Fact]
    public void The_applicant_proposes_an_account_which_waits_for_confirmation_and_the_status_stays()
    {
        var proposed = PayeeDecider.Propose(Case(), Account, " Neues Vereinskonto ", CaseSide.Applicant, Applicant);

        proposed.ShouldBe(new PayeeAccountProposed(AppId, 1, Giro, "COBADEFFXXX", "Haus Steinstraße e.V.", "Neues Vereinskonto",
            CaseSide.Applicant, "anna", Now));
        var application = FundingApplication.Evolve(Case(), proposed);
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.Payee.ShouldBeNull();
        application.PendingPayee.ShouldBe(new PayeeProposal(1, Account, "anna"));
        application.ApplicantSide.ShouldContain("anna");
    }

    [Fact]
    public void A_caseworker_confirms_and_only_then_the_account_is_the_payee_account()
    {
        var confirmed = PayeeDecider.Confirm(Case(Proposed()), Caseworker);

        confirmed.ShouldBe(new PayeeAccountConfirmed(AppId, 1, "sabine", Now));
        var application = FundingApplication.Evolve(Case(Proposed()), confirmed);
        application.Payee.ShouldBe(Account);
        application.PendingPayee.ShouldBeNull();
        application.AuthoritySide.ShouldContain("sabine");
    }

    [Fact]
    public void A_new_proposal_replaces_the_pending_one_and_the_confirmed_account_stays_until_the_new_one_is_confirmed()
    {
        var history = Case(Proposed(), new PayeeAccountConfirmed(AppId, 1, "sabine", Now));
        var other = PayeeAccount.Of(Sparkasse, null, "Haus Steinstraße e.V.");

        var second = PayeeDecider.Propose(history, other, null, CaseSide.Authority, ByCarsten);
        second.ProposalNumber.ShouldBe(2);
        var replacing = PayeeDecider.Propose(FundingApplication.Evolve(history, second), Account, "Doch das alte Konto", CaseSide.Applicant, Applicant);
        replacing.ProposalNumber.ShouldBe(3);

        var pending = FundingApplication.Evolve(FundingApplication.Evolve(history, second), replacing);
        pending.Payee.ShouldBe(Account);
        pending.PendingPayee!.Number.ShouldBe(3);
        var afterSecond = FundingApplication.Evolve(history, second);
        FundingApplication.Evolve(afterSecond, PayeeDecider.Confirm(afterSecond, Caseworker)).Payee.ShouldBe(other);
    }

    [Fact]
    public void The_proposer_does_not_confirm_their_own_proposal()
    {
        var refusal = Given.Refusal(() => PayeeDecider.Confirm(Case(Proposed(by: "carsten", side: CaseSide.Authority)), ByCarsten with { By = "CARSTEN" }));

        refusal.Code.ShouldBe("payee.four-eyes");
        Duties.Guards(refusal).ShouldBeTrue();
    }

    [Fact]
    public void Whoever_acted_for_the_applicant_does_not_confirm_nor_propose_for_the_authority()
    {
        Given.Refusal(() => PayeeDecider.Confirm(Case(Proposed(by: "carsten", side: CaseSide.Authority)), Applicant))
            .Code.ShouldBe(Duties.SeparationOfDuties);
        Given.Refusal(() => PayeeDecider.Propose(Case(), Account, null, CaseSide.Authority, Applicant)).Code.ShouldBe(Duties.SeparationOfDuties);
        Given.Refusal(() => PayeeDecider.Propose(Case(Proposed(by: "sabine", side: CaseSide.Authority)), PayeeAccount.Of(Sparkasse, null, "X"), null,
            CaseSide.Applicant, Caseworker)).Code.ShouldBe(Duties.SeparationOfDuties);
    }

    [Fact]
    public void Nothing_to_confirm_the_same_account_again_a_draft_or_a_closed_case_are_refused()
    {
        Given.Refusal(() => PayeeDecider.Confirm(Case(), Caseworker)).Code.ShouldBe("payee.nothing-to-confirm");
        Given.Refusal(() => PayeeDecider.Propose(Case(Proposed()), Account, null, CaseSide.Applicant, Applicant)).Code.ShouldBe("payee.already-proposed");
        Given.Refusal(() => PayeeDecider.Propose(Case(Proposed(), new PayeeAccountConfirmed(AppId, 1, "sabine", Now)), Account, null, CaseSide.Applicant,
            Applicant)).Code.ShouldBe("payee.unchanged");
        var draft = Given.History<FundingApplication>(Drafted(Alliance(true, Chamber, HausSteinstrasse), Programme()));
        Given.Refusal(() => PayeeDecider.Propose(draft, Account, null, CaseSide.Applicant, Applicant)).Code.ShouldBe("payee.draft");
        var withdrawn = Case(new ApplicationWithdrawn(AppId, ApplicationStatus.Submitted, "Projekt fällt aus", "anna", Now));
        Given.Refusal(() => PayeeDecider.Propose(withdrawn, Account, null, CaseSide.Applicant, Applicant)).Code.ShouldBe("payee.case-closed");
    }

    [Theory]
    [InlineData(Giro, "COBADEFF", "Haus Steinstraße e.V.", null)]
    [InlineData(Giro, "", "Haus Steinstraße e.V.", null)]
    [InlineData(Giro, "COBADEFFXX", "Haus Steinstraße e.V.", "payee.invalid-bic")]
    [InlineData(Giro, "CO1ADEFFXXX", "Haus Steinstraße e.V.", "payee.invalid-bic")]
    [InlineData("DE89370400440532013001", "COBADEFF", "Haus Steinstraße e.V.", "payee.invalid-iban")]
    [InlineData(Giro, null, "  ", "payee.holder-required")]
    public void An_account_needs_a_valid_IBAN_a_well_formed_BIC_if_any_and_a_holder(string iban, string? bic, string holder, string? refused)
    {
        if (refused is null) PayeeAccount.Of(iban, bic, holder).Iban.Value.ShouldBe(Giro);
        else Given.Refusal(() => PayeeAccount.Of(iban, bic, holder)).Code.ShouldBe(refused);
    }

    [Fact]
    public void A_holder_name_longer_than_a_SEPA_transfer_carries_is_refused() =>
        Given.Refusal(() => PayeeAccount.Of(Giro, null, new string('x', 71))).Code.ShouldBe("payee.holder-too-long");
}
