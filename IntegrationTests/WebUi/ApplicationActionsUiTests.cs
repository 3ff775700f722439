using System.Globalization;
using System.Security.Claims;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Fachwerk.Web.Applications.Actions;
using Fachwerk.Web.Localization;
using Fachwerk.Web.Shared;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fachwerk.IntegrationTests.WebUi;

/// <summary>The application page's actions without a browser: who is offered what (four-eyes), the forms' free text, the API's refusals in German.</summary>
public partial class ApplicationActionsUiTests
{
    private static readonly CurrentUser Sabine = User("sabine.sachbearbeitung", Roles.Caseworker);
    private static readonly CurrentUser Carsten = User("carsten.sachbearbeitung", Roles.Caseworker);
    private static readonly CurrentUser Ute = User("ute.urlaubsvertretung", Roles.Caseworker, Roles.Approver);
    private static readonly CurrentUser Zoe = User("zoe.zeichnung", Roles.Approver);

    [Fact]
    public void The_approver_who_proposed_is_offered_the_return_but_not_the_confirmation()
    {
        var proposed = Application(ApplicationStatus.DecisionProposed) with
        {
            Proposals = [Proposal(1, "carsten.sachbearbeitung", ProposalOutcome.Returned), Proposal(2, Ute.Id, ProposalOutcome.Pending)],
        };

        ApplicationActions.OwnPendingProposal(proposed, Ute)!.Number.ShouldBe(2);
        ApplicationActions.Offers(ApplicationActions.ConfirmDecision, proposed, Ute, 10_000m).ShouldBeFalse();
        ApplicationActions.Offers(ApplicationActions.ReturnDecision, proposed, Ute, 10_000m).ShouldBeTrue();
        ApplicationActions.Offers(ApplicationActions.ConfirmDecision, proposed, Zoe, 10_000m).ShouldBeTrue();
        ApplicationActions.OwnPendingProposal(proposed, Zoe).ShouldBeNull();
        ApplicationActions.Offers(ApplicationActions.ConfirmDecision, proposed, Sabine, 10_000m).ShouldBeFalse("a caseworker does not confirm");
    }

    [Fact]
    public void A_payment_above_the_threshold_is_offered_for_release_to_everyone_but_its_checker()
    {
        var approved = Application(ApplicationStatus.Approved) with
        {
            Funding = new FundingRecord(0.8m, 0, 0, 0,
                [Payment(1, 12_000m, PaymentRequestStatus.Checked, Sabine.Id), Payment(2, 8_000m, PaymentRequestStatus.Checked, Sabine.Id),
                 Payment(3, 10_000m, PaymentRequestStatus.Checked, Sabine.Id), Payment(4, 500m, PaymentRequestStatus.Requested, null)],
                [], [], []),
        };

        ApplicationActions.Releasable(approved, Sabine, 10_000m).Select(p => p.Number).ShouldBe([2, 3]);
        ApplicationActions.HeldForSecondPerson(approved, Sabine, 10_000m).Select(p => p.Number).ShouldBe([1]);
        ApplicationActions.Releasable(approved, Carsten, 10_000m).Select(p => p.Number).ShouldBe([1, 2, 3]);
        ApplicationActions.HeldForSecondPerson(approved, Carsten, 10_000m).ShouldBeEmpty();
        ApplicationActions.Checkable(approved).Select(p => p.Number).ShouldBe([4]);
        ApplicationActions.Offers(ApplicationActions.CheckPayment, approved, Zoe, 10_000m).ShouldBeFalse("an approver does not check payments");
    }

    [Fact]
    public void Each_state_offers_the_caseworker_the_steps_the_API_takes_in_it()
    {
        // The payee account is proposed in every state from submission until the case is closed.
        const string payee = ApplicationActions.ProposePayeeAccount;
        Offered(Application(ApplicationStatus.Submitted)).ShouldBe([ApplicationActions.RequestDocuments, ApplicationActions.CompleteFormally, payee]);
        Offered(Application(ApplicationStatus.DocumentsRequested)).ShouldBe([payee]);
        Offered(Application(ApplicationStatus.FormallyComplete)).ShouldBe([ApplicationActions.ProposeDecision, payee], "no vote required");
        Offered(Application(ApplicationStatus.FormallyComplete) with { Terms = new SubmissionTerms(true, 14, 28) }).ShouldBe([payee], "the vote comes first");
        Offered(Application(ApplicationStatus.ApprovalBlocked)).ShouldBe([ApplicationActions.ProposeDecision, payee]);
        // Obligations are imposed on an approved grant, also while a reclaim runs; evidence and breaches the page offers only for an open
        // one, a breach only once money was paid (it reclaims a share of it).
        string[] obligations = [ApplicationActions.ImposeObligation, ApplicationActions.RecordObligationEvidence];
        Offered(Application(ApplicationStatus.Approved) with { Funding = new FundingRecord(0.8m, 0, 0, 0, [], [], [], []) })
            .ShouldBe([ApplicationActions.ReduceAmount, ApplicationActions.DemandReclaim, payee, .. obligations]);
        Offered(Application(ApplicationStatus.ReclaimDemanded)).ShouldBe([ApplicationActions.RecordRepayment, payee, .. obligations]);
        Offered(Application(ApplicationStatus.ReclaimDemanded) with { Funding = new FundingRecord(0.8m, 5_000m, 1_000m, 0, [], [], [], []) })
            .ShouldBe([ApplicationActions.RecordRepayment, payee, .. obligations, ApplicationActions.RecordObligationBreach]);
        Offered(Application(ApplicationStatus.Closed)).ShouldBeEmpty();
        // A natural person's case: a hold, its lifting once placed, and the erasure while the data stand (the API says why not yet).
        var person = Application(ApplicationStatus.Closed) with { ApplicantPerson = new ApplicantPersonFacts(Fachwerk.Domain.Programmes.PersonApplicantKind.Doctor, false) };
        Offered(person).ShouldBe([ApplicationActions.PlaceLegalHold, ApplicationActions.EraseApplicantPerson]);
        Offered(person with { LegalHoldUntil = new DateOnly(2040, 12, 31) })
            .ShouldBe([ApplicationActions.PlaceLegalHold, ApplicationActions.LiftLegalHold, ApplicationActions.EraseApplicantPerson]);
        Offered(person with { ApplicantPerson = person.ApplicantPerson! with { Erased = true } }).ShouldBe([ApplicationActions.PlaceLegalHold]);
        Offered(Application(ApplicationStatus.Draft)).ShouldBeEmpty();
    }

    [Fact]
    public void A_proposed_payee_account_is_offered_for_confirmation_to_caseworkers_but_its_proposer()
    {
        var proposed = Application(ApplicationStatus.Approved) with
        {
            ProposedPayeeAccount = new PayeeAccountRecord(1, "DE89 3704 0044 0532 0130 00", false, null, "Haus Steinstraße e.V.", null, Sabine.Id,
                DateTimeOffset.UnixEpoch),
        };

        ApplicationActions.Offers(ApplicationActions.ConfirmPayeeAccount, proposed, Sabine, 10_000m).ShouldBeFalse("she proposed it");
        ApplicationActions.Offers(ApplicationActions.ConfirmPayeeAccount, proposed, Carsten, 10_000m).ShouldBeTrue();
        ApplicationActions.Offers(ApplicationActions.ConfirmPayeeAccount, proposed, Zoe, 10_000m).ShouldBeFalse("an approver does not release payments");
        ApplicationActions.Offers(ApplicationActions.ProposePayeeAccount, proposed, User("anna.antrag", Roles.Applicant), 10_000m).ShouldBeTrue();
        ApplicationActions.Offers(ApplicationActions.ProposePayeeAccount, proposed, Zoe, 10_000m).ShouldBeFalse();
    }

    [Fact]
    public void Dates_and_findings_are_read_in_the_users_culture_and_the_first_unreadable_line_is_named()
    {
        InGerman(() =>
        {
            var (dates, none) = ActionValues.Dates("30.04.2027\n\n 2028-04-30 ");
            dates.ShouldBe([new DateOnly(2027, 4, 30), new DateOnly(2028, 4, 30)]);
            none.ShouldBeNull();
            ActionValues.Dates("30.04.2027\nirgendwann").Unreadable.ShouldBe("irgendwann");
            var (findings, unreadable) = ActionValues.Findings("Beleg fehlt | 1.200,50 €\nTeilnehmendenliste unvollständig");
            unreadable.ShouldBeNull();
            findings.ShouldBe([new Finding("Beleg fehlt", 1_200.50m), new Finding("Teilnehmendenliste unvollständig", null)]);
            ActionValues.Findings("Beleg fehlt | viel").Unreadable.ShouldBe("Beleg fehlt | viel");
        });
    }

    [Fact]
    public void A_refusal_with_its_computation_reads_in_German_with_its_amounts_dates_and_states_in_German()
    {
        var messages = Messages();
        InGerman(() =>
        {
            messages.Translate("Payments above 10,000.00 EUR are released by someone other than the person who checked them.", "payment.four-eyes")
                .ShouldBe(("Zahlungen über 10.000,00\u00a0€ gibt eine andere Person frei als die, die sie geprüft hat (Vier-Augen-Prinzip).", null));
            messages.Translate("Proof of use 'final' is due by 2028-01-31; an extension moves it later.").Text
                .ShouldBe("Der Nachweis „final“ ist am 31.01.2028 fällig; eine Verlängerung verschiebt die Frist nach hinten.");
            messages.Translate("An application cannot be marked formally complete only after submission; this one is DecisionProposed.", "application.illegal-transition").Text
                .ShouldBe("Dieser Schritt passt nicht zum aktuellen Stand des Antrags. Er ist jetzt: Entscheidung vorgeschlagen.");
            messages.Translate("De-minimis aid to Haus Steinstraße e.V. from 2024-01-02 to 2027-01-01: 250,000.00 EUR (2025-06-01); with this grant of " +
                               "60,000.00 EUR the total is 310,000.00 EUR, ceiling 300,000.00 EUR, exceeded by 10,000.00 EUR.").Text
                .ShouldBe("De-minimis-Beihilfen an Haus Steinstraße e.V. vom 02.01.2024 bis 01.01.2027: 250.000,00\u00a0€ (01.06.2025); mit dieser Zuwendung " +
                          "von 60.000,00\u00a0€ beträgt die Summe 310.000,00\u00a0€, Höchstbetrag 300.000,00\u00a0€, überschritten um 10.000,00\u00a0€.");
            messages.Translate("Something the UI does not know yet.").ShouldBe(("Something the UI does not know yet.", "en"));
        });
    }

    [Fact]
    public void Every_template_of_the_API_messages_reads_back_its_own_values()
    {
        var templates = XDocument.Load(Path.Combine(Repository.Root, "Web", "Resources", "Shared", "ApiMessages.de.resx")).Root!.Elements("data")
            .Select(d => d.Attribute("name")!.Value).Where(n => n.StartsWith("template:", StringComparison.Ordinal)).ToList();
        templates.Count.ShouldBeGreaterThan(20);
        var messages = Messages();
        InGerman(() =>
        {
            foreach (var template in templates)
            {
                var sample = Placeholder().Replace(template["template:".Length..], m => $"wert{m.Groups[1].Value}");
                var (text, language) = messages.Translate(sample);
                language.ShouldBeNull(template);
                text.ShouldNotContain("{", customMessage: template);
            }
        });
    }

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    private static string[] Offered(ApplicationDetails application) =>
        [.. ApplicationActions.All.Where(a => ApplicationActions.Offers(a, application, Sabine, 10_000m))];

    private static ApiMessages Messages()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return new ApiMessages(new StringLocalizer<ApiMessages>(factory));
    }

    private static void InGerman(Action action) => WebFoundationTests.InCulture(Cultures.German, action);

    private static CurrentUser User(string id, params string[] roles) =>
        new(new ClaimsPrincipal(new ClaimsIdentity([new Claim(UserClaims.Subject, id), .. roles.Select(r => new Claim("role", r))], "test", UserClaims.Name, "role")));

    private static ApplicationDetails Application(ApplicationStatus status) => new()
    {
        Id = Guid.NewGuid(), Version = 5, Status = status, Terms = new SubmissionTerms(false, 14, 28),
        Applicant = new NamedReference(Guid.NewGuid(), "Haus Steinstraße e.V."), Programme = new NamedReference(Guid.NewGuid(), "Programm"),
        Alliance = new NamedReference(Guid.NewGuid(), "Bündnis"),
    };

    private static ProposalRecord Proposal(int number, string by, ProposalOutcome outcome) =>
        new(number, DecisionKind.Approve, 40_000m, [], null, null, 4, by, DateTimeOffset.UnixEpoch, outcome, null, null, null);

    private static PaymentRecord Payment(int number, decimal amount, PaymentRequestStatus status, string? checkedBy) =>
        new(number, amount, new DateOnly(2027, 1, 15), 10_000m, status, DateTimeOffset.UnixEpoch, checkedBy, null, null, null);
}
