using Fachwerk.Domain.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

public class ApplicationRulesTests
{
    private static readonly Fachwerk.Domain.Alliances.Alliance Region = Alliance(true, Chamber, HausSteinstrasse);
    private static readonly FundingProgramme Arbeitsmarktkreis = Programme();

    private static FundingApplication History(params object[] events) =>
        Given.History<FundingApplication>([Drafted(Region, Arbeitsmarktkreis), .. events]);

    private static ApplicationSubmitted Submit(FundingApplication application, FundingProgramme programme, Fachwerk.Domain.Common.Stamp stamp) =>
        ApplicationDecider.Submit(application, programme, Region, AuthorityCalendar.DayOf(stamp.At), stamp);

    [Fact]
    public void A_draft_belongs_to_a_district_the_alliance_covers()
    {
        ApplicationDecider.Draft(AppId, HausSteinstrasse, Arbeitsmarktkreis, Region, "saalekreis", Plan(), Applicant).District.ShouldBe("Saalekreis");
        Given.Refusal(() => ApplicationDecider.Draft(AppId, HausSteinstrasse, Arbeitsmarktkreis, Region, "Leipzig", Plan(), Applicant))
            .Code.ShouldBe("application.district-not-covered");
    }

    [Fact]
    public void The_financing_plan_balances()
    {
        Given.Refusal(() => ApplicationDecider.Draft(AppId, HausSteinstrasse, Arbeitsmarktkreis, Region, "Saalekreis",
            Plan(total: 50_000m, requested: 40_000m, own: 5_000m), Applicant)).Code.ShouldBe("application.financing-unbalanced");
    }

    [Fact]
    public void Submission_records_the_programme_terms_the_application_is_decided_under()
    {
        var submitted = Submit(History(), Arbeitsmarktkreis, Applicant);

        submitted.Terms.ShouldBe(new SubmissionTerms(AllianceVoteRequired: true, DocumentDeadlineDays: 14, DecisionReminderDays: 30, DeMinimis: false));
    }

    [Fact]
    public void Submission_refuses_a_funding_rate_above_the_programme_maximum_and_shows_the_computation()
    {
        var application = Given.History<FundingApplication>(Drafted(Region, Arbeitsmarktkreis, Plan(total: 50_000m, requested: 45_000m, own: 5_000m)));

        var refusal = Given.Refusal(() => Submit(application, Arbeitsmarktkreis, Applicant));

        refusal.Code.ShouldBe("application.funding-rate-exceeded");
        refusal.Message.ShouldContain("45,000.00 EUR requested of 50,000.00 EUR");
        refusal.Message.ShouldContain("90 %");
        refusal.Message.ShouldContain("at most 80 %");
    }

    [Fact]
    public void The_own_contribution_is_at_least_100_percent_minus_the_funding_rate()
    {
        // Third-party money keeps the funding rate at 70 %, but the applicant's own share is only 10 % (minimum 20 %).
        var application = Given.History<FundingApplication>(Drafted(Region, Arbeitsmarktkreis,
            Plan(total: 50_000m, requested: 35_000m, own: 5_000m, thirdParty: 10_000m)));

        var refusal = Given.Refusal(() => Submit(application, Arbeitsmarktkreis, Applicant));

        refusal.Code.ShouldBe("application.own-share-too-low");
        refusal.Message.ShouldContain("minimum of 10,000.00 EUR");
    }

    [Fact]
    public void The_amount_stays_within_the_programme_cap()
    {
        var application = Given.History<FundingApplication>(Drafted(Region, Arbeitsmarktkreis, Plan(total: 200_000m, requested: 150_000m, own: 50_000m)));

        Given.Refusal(() => Submit(application, Arbeitsmarktkreis, Applicant)).Code.ShouldBe("application.cap-exceeded");
    }

    [Fact]
    public void A_programme_takes_applications_only_within_its_funding_period()
    {
        var application = History();

        Given.Refusal(() => Submit(application, Arbeitsmarktkreis, Applicant with { At = new DateTimeOffset(2028, 1, 3, 0, 0, 0, TimeSpan.Zero) }))
            .Code.ShouldBe("application.programme-closed");
        Given.Refusal(() => Submit(
                Given.History<FundingApplication>(Drafted(Region, Arbeitsmarktkreis, Plan() with { Duration = new(new DateOnly(2027, 1, 1), new DateOnly(2028, 6, 30)) })),
                Arbeitsmarktkreis, Applicant))
            .Code.ShouldBe("application.duration-beyond-programme");
    }

    [Fact]
    public void The_plan_may_be_amended_until_formal_completeness_and_then_not()
    {
        ApplicationDecider.Amend(History(), Arbeitsmarktkreis, Plan(requested: 30_000m, own: 20_000m), Applicant).Plan.RequestedAmount.ShouldBe(30_000m);
        ApplicationDecider.Amend(History(Submitted()), Arbeitsmarktkreis, Plan(requested: 30_000m, own: 20_000m), Applicant).ShouldNotBeNull();
        Given.Refusal(() => ApplicationDecider.Amend(History(Submitted()), Arbeitsmarktkreis, Plan(requested: 45_000m, own: 5_000m), Applicant))
            .Code.ShouldBe("application.funding-rate-exceeded");
        Given.Refusal(() => ApplicationDecider.Amend(History(Submitted(), Completed), Arbeitsmarktkreis, Plan(), Applicant))
            .Code.ShouldBe("application.illegal-transition");
    }

    [Fact]
    public void Requested_documents_are_due_after_the_programme_deadline_and_the_request_is_numbered()
    {
        var requested = ApplicationDecider.RequestDocuments(History(Submitted()), ["Kosten- und Finanzierungsplan"], Caseworker);

        requested.RequestNumber.ShouldBe(1);
        requested.DueBy.ShouldBe(Now.AddDays(14));
        Given.Refusal(() => ApplicationDecider.RequestDocuments(History(), ["X"], Caseworker)).Code.ShouldBe("application.illegal-transition");
    }

    [Fact]
    public void Documents_count_only_until_the_deadline()
    {
        var requested = new DocumentsRequested(AppId, 1, ["Satzung"], Now.AddDays(14), "sabine", Now);
        var application = History(Submitted(), requested);

        ApplicationDecider.SupplyDocuments(application, ["dms://4711"], Applicant with { At = Now.AddDays(14) }).RequestNumber.ShouldBe(1);
        Given.Refusal(() => ApplicationDecider.SupplyDocuments(application, ["dms://4711"], Applicant with { At = Now.AddDays(14).AddSeconds(1) }))
            .Code.ShouldBe("application.document-deadline-passed");
    }

    [Fact]
    public void The_deadline_lapses_the_application_only_if_that_request_is_still_open_and_overdue()
    {
        var requested = new DocumentsRequested(AppId, 1, ["Satzung"], Now.AddDays(14), "sabine", Now);
        var open = History(Submitted(), requested);
        var due = Given.Stamp with { At = Now.AddDays(14) };

        ApplicationDecider.LapseIfDocumentsMissing(open, 1, due).ShouldHaveSingleItem().ShouldBeOfType<ApplicationLapsed>();
        ApplicationDecider.LapseIfDocumentsMissing(open, 1, due with { At = Now.AddDays(13) }).ShouldBeEmpty("too early");
        ApplicationDecider.LapseIfDocumentsMissing(open, 2, due).ShouldBeEmpty("another request");
        var supplied = History(Submitted(), requested, new DocumentsSupplied(AppId, 1, ["dms://1"], "anna", Now));
        ApplicationDecider.LapseIfDocumentsMissing(supplied, 1, due).ShouldBeEmpty("documents supplied");
        var lapsed = History(Submitted(), requested, new ApplicationLapsed(AppId, 1, Now.AddDays(14), "system", Now.AddDays(14)));
        ApplicationDecider.LapseIfDocumentsMissing(lapsed, 1, due).ShouldBeEmpty("already lapsed");
    }

    [Fact]
    public void Formal_completeness_needs_all_requested_documents_and_sets_the_decision_due_date()
    {
        ApplicationDecider.CompleteFormally(History(Submitted()), Caseworker).DecisionDueBy.ShouldBe(Now.AddDays(30));
        Given.Refusal(() => ApplicationDecider.CompleteFormally(
                History(Submitted(), new DocumentsRequested(AppId, 1, ["Satzung"], Now.AddDays(14), "sabine", Now)), Caseworker))
            .Message.ShouldContain("while requested documents are missing");
    }

    [Fact]
    public void Only_the_recognized_alliance_of_the_region_votes_on_behalf_of_a_member()
    {
        var application = History(Submitted(), Completed);

        ApplicationDecider.CastVote(application, Region, new Votum(Chamber.Id, true, "Good", new Dictionary<string, int> { ["Innovation"] = 8 }, true), 4, Caseworker)
            .BasedOnVersion.ShouldBe(4);
        Given.Refusal(() => ApplicationDecider.CastVote(application, Alliance(true, Chamber), new Votum(Chamber.Id, true, "Good", new Dictionary<string, int>(), true), 4, Caseworker))
            .Code.ShouldBe("application.wrong-alliance");
        var unrecognized = Alliance(false, Chamber);
        var ofUnrecognized = Given.History<FundingApplication>(Drafted(unrecognized, Arbeitsmarktkreis), Submitted(), Completed);
        Given.Refusal(() => ApplicationDecider.CastVote(ofUnrecognized, unrecognized, new Votum(Chamber.Id, true, "Good", new Dictionary<string, int>(), true), 4, Caseworker))
            .Code.ShouldBe("application.alliance-not-recognized");
        Given.Refusal(() => ApplicationDecider.CastVote(application, Region, new Votum(Guid.NewGuid(), true, "Good", new Dictionary<string, int>(), true), 4, Caseworker))
            .Code.ShouldBe("application.voter-not-a-member");
    }

    [Fact]
    public void A_member_that_is_itself_the_applicant_may_not_vote()
    {
        var refusal = Given.Refusal(() => ApplicationDecider.CastVote(History(Submitted(), Completed), Region, new Votum(HausSteinstrasse.Id, true, "Good", new Dictionary<string, int>(), true), 4, Caseworker));

        refusal.Code.ShouldBe("application.conflict-of-interest");
        refusal.Message.ShouldContain("Haus Steinstraße e.V.");
    }

    [Fact]
    public void A_decision_is_proposed_only_after_the_required_vote_and_never_above_the_requested_amount()
    {
        Given.Refusal(() => ApplicationDecider.ProposeApproval(History(Submitted(), Completed), new ApprovalTerms(40_000m, []), 4, Caseworker))
            .Code.ShouldBe("application.vote-missing");
        ApplicationDecider.ProposeApproval(History(Submitted(voteRequired: false), Completed), new ApprovalTerms(40_000m, []), 4, Caseworker).Amount.ShouldBe(40_000m);
        var voted = History(Submitted(), Completed, Voted(Region));
        Given.Refusal(() => ApplicationDecider.ProposeApproval(voted, new ApprovalTerms(40_000.01m, []), 5, Caseworker)).Code.ShouldBe("application.amount-out-of-range");
        ApplicationDecider.ProposeRejection(voted, "Not eligible", 5, Caseworker).Kind.ShouldBe(DecisionKind.Reject);
    }

    [Fact]
    public void The_proposer_cannot_confirm_the_own_proposal()
    {
        var proposed = History(Submitted(), Completed, Voted(Region), ProposedApproval(by: "sabine"));

        Given.Refusal(() => ApplicationDecider.ConfirmDecision(proposed, Caseworker)).Code.ShouldBe("application.four-eyes");
        var confirmed = ApplicationDecider.ConfirmDecision(proposed, Approver).ShouldHaveSingleItem().ShouldBeOfType<DecisionConfirmed>();
        confirmed.ProposedBy.ShouldBe("sabine");
        confirmed.RecordedBy.ShouldBe("zoe");
        Given.History<FundingApplication>([Drafted(Region, Arbeitsmarktkreis), Submitted(), Completed, Voted(Region), ProposedApproval(), confirmed])
            .Status.ShouldBe(ApplicationStatus.AwaitingCommitment);
    }

    [Fact]
    public void A_confirmed_rejection_closes_the_application()
    {
        var proposal = new DecisionProposed(AppId, 1, DecisionKind.Reject, null, [], "Outside the programme's aims", null, 5, "sabine", Now);
        var proposed = History(Submitted(), Completed, Voted(Region), proposal);

        var events = ApplicationDecider.ConfirmDecision(proposed, Approver);

        events.Count.ShouldBe(2);
        events[1].ShouldBeOfType<ApplicationRejected>().Reason.ShouldBe("Outside the programme's aims");
        History([Submitted(), Completed, Voted(Region), proposal, .. events]).Status.ShouldBe(ApplicationStatus.Rejected);
    }

    [Fact]
    public void A_returned_proposal_goes_back_to_the_caseworker()
    {
        var returned = ApplicationDecider.ReturnDecision(History(Submitted(), Completed, Voted(Region), ProposedApproval()), "Check the conditions", Approver);

        History(Submitted(), Completed, Voted(Region), ProposedApproval(), returned).Status.ShouldBe(ApplicationStatus.AllianceVoted);
        Given.Refusal(() => ApplicationDecider.ReturnDecision(History(Submitted(), Completed), "x", Approver)).Code.ShouldBe("application.illegal-transition");
    }

    [Fact]
    public void The_applicant_withdraws_at_any_time_before_the_application_is_closed()
    {
        ApplicationDecider.Withdraw(History(Submitted()), "Project cancelled", Applicant).WithdrawnFrom.ShouldBe(ApplicationStatus.Submitted);
        var approved = History(Submitted(), Completed, Voted(Region), ProposedApproval(), ConfirmedApproval(),
            new ApplicationApproved(AppId, Arbeitsmarktkreis.Id, 40_000m, [], 0.8m, 0m, [new ProofOfUseDue("final", ProofKind.Final, new DateOnly(2028, 2, 29))], "system", Now));
        ApplicationDecider.Withdraw(approved, "Renounced", Applicant).WithdrawnFrom.ShouldBe(ApplicationStatus.Approved);
        var withdrawn = History(new ApplicationWithdrawn(AppId, ApplicationStatus.Draft, "x", "anna", Now));
        Given.Refusal(() => ApplicationDecider.Withdraw(withdrawn, "again", Applicant)).Code.ShouldBe("application.illegal-transition");
    }

    [Fact]
    public void The_decision_reminder_is_raised_once_while_the_decision_is_pending_and_overdue()
    {
        var pending = History(Submitted(), Completed);
        var due = Caseworker with { At = Now.AddDays(30) };

        ApplicationDecider.RemindOfPendingDecision(pending, due).ShouldHaveSingleItem().ShouldBeOfType<DecisionReminderRaised>();
        ApplicationDecider.RemindOfPendingDecision(pending, due with { At = Now.AddDays(29) }).ShouldBeEmpty("not yet due");
        ApplicationDecider.RemindOfPendingDecision(History(Submitted(), Completed, new DecisionReminderRaised(AppId, Now.AddDays(30), "system", Now)), due)
            .ShouldBeEmpty("raised already");
        ApplicationDecider.RemindOfPendingDecision(History(Submitted(), Completed, Voted(Region), ProposedApproval(), ConfirmedApproval()), due)
            .ShouldBeEmpty("decided");
    }
}
