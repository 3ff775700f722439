using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

public class FundingWorkflowTests(AppFixture fixture) : FundingApi(fixture)
{
    [Fact]
    public async Task A_payment_is_requested_checked_and_released_by_two_people_and_shows_in_the_budget()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var (id, version) = await Approved(programme, 40_000m);
        version = await PayeeConfirmed(id, version);

        var requested = await Post<CommandAccepted>(Applicant, $"/api/applications/{id}/payment-requests",
            new RequestPayment(version, 12_000m, Today.AddDays(20), 3_000m));
        requested.Created.ShouldBe(new CreatedItem("payment-request", "1"));
        version = requested.Version;
        (await Inbox(Caseworker)).Items.ShouldHaveSingleItem().Action.ShouldBe("Check payment request 1 (12,000.00 EUR)");
        version = await Act(Caseworker, id, "payment-requests/1/check", new CheckPaymentRequest(version));
        var before = await EventCount();
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/payment-requests/1/release", new ReleasePayment(version, Today), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:payment.four-eyes");
        (await EventCount()).ShouldBe(before);
        await Act(OtherCaseworker, id, "payment-requests/1/release", new ReleasePayment(version, Today.AddDays(2)));

        var payment = (await Details(id)).Funding!.Payments.ShouldHaveSingleItem();
        payment.Status.ShouldBe(PaymentRequestStatus.Released);
        payment.CheckedBy.ShouldBe(Caseworker.Id);
        payment.ReleasedBy.ShouldBe(OtherCaseworker.Id);
        payment.BookedOn.ShouldBe(Today.AddDays(2));
        var budget = await Budget(programme);
        budget.Paid.ShouldBe(12_000m);
        budget.Committed.ShouldBe(40_000m);
        (await Get<AlliancePipeline>(Caseworker, $"/api/alliances/{AllianceId}/pipeline")).Paid.ShouldBe(12_000m);
    }

    [Fact]
    public async Task A_request_ahead_of_the_funding_rate_is_refused_with_the_computation_and_appends_nothing()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var (id, version) = await Approved(programme, 40_000m);
        var before = await EventCount();

        var problem = await ProblemOf(await Post(Applicant, $"/api/applications/{id}/payment-requests",
            new RequestPayment(version, 12_000m, Today.AddDays(20), 2_000m), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:payment.ahead-of-funding-rate");
        problem.Detail.ShouldNotBeNull().ShouldContain("allows 8,000.00 EUR of public money");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Interim_and_final_proofs_are_checked_and_the_case_closes_with_the_grant_paid()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var (id, version) = await Approved(programme, 40_000m, retained: 4_000m);
        var details = await Details(id);
        details.Funding!.ProofsOfUse.Select(p => (p.Proof, p.DueBy)).ShouldBe([("interim-2026", new DateOnly(2027, 4, 30)), ("final", new DateOnly(2028, 2, 29))]);
        details.Funding.RetainedFinalInstalment.ShouldBe(4_000m);

        version = await Paid(id, version, 36_000m, 9_000m);
        var proof = await Post<CommandAccepted>(Applicant, $"/api/applications/{id}/proofs-of-use/interim-2026", Proof(version, 20_000m, 4_000m));
        proof.Created.ShouldBe(new CreatedItem("proof-of-use", "interim-2026"));
        version = proof.Version;
        version = await Act(Caseworker, id, "proofs-of-use/interim-2026/first-check", new CompleteProofCheck(version, []));
        // The final proof covers the whole project: not before its end (2027-08-31).
        (await ProblemOf(await Post(Applicant, $"/api/applications/{id}/proofs-of-use/final", Proof(version), 409))).Type
            .ShouldBe("urn:fachwerk:problem:proof.final-before-end");
        AfterTheProjectEnded();
        version = await Act(Applicant, id, "proofs-of-use/final", Proof(version));
        (await Inbox(Caseworker)).Items.ShouldHaveSingleItem().Action.ShouldBe("First check of the proof of use 'final'");
        version = await Act(Caseworker, id, "proofs-of-use/final/first-check", new CompleteProofCheck(version, []));
        (await Details(id)).Status.ShouldBe(ApplicationStatus.Approved, "the retained instalment is still to be paid");

        await Paid(id, version, 4_000m, 10_000m);

        details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.Closed);
        details.ClosingReason.ShouldBe("Closed with 40,000.00 EUR paid.");
        var budget = await Budget(programme);
        budget.Paid.ShouldBe(40_000m);
        budget.Committed.ShouldBe(40_000m);
        (await Inbox(Caseworker)).Items.ShouldBeEmpty();
        (await Inbox(Applicant)).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_case_closed_with_grant_left_uncalled_gives_the_rest_back_to_the_programme()
    {
        var programme = await LaunchProgramme(budget: 100_000m, rules: Rules(voteRequired: false));
        var (id, version) = await Approved(programme, 40_000m);
        version = await Paid(id, version, 30_000m, 7_500m);
        AfterTheProjectEnded();
        version = await Act(Applicant, id, "proofs-of-use/final", Proof(version, 37_500m, 7_500m));
        version = await Act(Caseworker, id, "proofs-of-use/final/first-check", new CompleteProofCheck(version, []));
        // The interim proof the decision asked for is still missing: the case stays open.
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/closure", new CloseCase(version), 409))).Type
            .ShouldBe("urn:fachwerk:problem:closure.interim-proof-missing");
        version = await Act(Applicant, id, "proofs-of-use/interim-2026", Proof(version, 20_000m, 4_000m));

        await ActAndWait(Caseworker, id, "closure", new CloseCase(version));

        (await Details(id)).Status.ShouldBe(ApplicationStatus.Closed);
        var budget = await Budget(programme);
        budget.Committed.ShouldBe(30_000m);
        budget.Released.ShouldBe(10_000m);
        budget.Remaining.ShouldBe(70_000m);
    }

    [Fact]
    public async Task A_missing_proof_becomes_overdue_on_the_inbox_and_the_overdue_list_and_an_extension_lifts_it()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var due = Today.AddDays(30);
        var (id, version) = await Approved(programme, interimProofs: [due], duration: new(Today.AddDays(-30), Today.AddDays(300)));
        (await Get<Page<InboxEntry>>(Caseworker, "/api/overdue")).Items.ShouldBeEmpty();

        Clock.Advance(TimeSpan.FromDays(31));
        await Host.InvokeMessageAndWaitAsync(new ProofOfUseDeadlineReached(id, "interim-1"));

        var overdue = (await Get<Page<InboxEntry>>(Caseworker, "/api/overdue")).Items.ShouldHaveSingleItem();
        overdue.Action.ShouldBe("Submit the proof of use 'interim-1'");
        overdue.WaitingFor.ShouldBe(Roles.Applicant);
        overdue.Overdue.ShouldBeTrue();
        (await Details(id)).Funding!.ProofsOfUse[0].Overdue.ShouldBeTrue();
        var events = await EventCount();
        await Host.InvokeMessageAndWaitAsync(new ProofOfUseDeadlineReached(id, "interim-1"));
        (await EventCount()).ShouldBe(events, "flagged once");

        var tracked = await Host.ExecuteAndWaitAsync(async () => await Act(Caseworker, id, "proofs-of-use/interim-1/extension",
            new ExtendProofOfUseDeadline((await Details(id)).Version, Today.AddDays(14), "Krankheit der Projektleitung")), 30_000);
        tracked.Scheduled.SingleMessage<ProofOfUseDeadlineReached>().Proof.ShouldBe("interim-1");
        (await Get<Page<InboxEntry>>(Caseworker, "/api/overdue")).Items.ShouldBeEmpty();
        version.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Approving_schedules_a_reminder_for_each_proof_of_use()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var (id, version) = await ReadyForDecision(programme, vote: false);
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 40_000m));

        var tracked = await ConfirmAndWait(id, version);

        tracked.Scheduled.MessagesOf<ProofOfUseDeadlineReached>().Select(m => m.Proof).ShouldBe(["interim-2026", "final"], ignoreOrder: true);
        tracked.Scheduled.Envelopes().Single(e => e.Message is ProofOfUseDeadlineReached { Proof: "final" }).ScheduledTime
            .ShouldBe(new DateTimeOffset(2028, 3, 1, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task Findings_lead_to_a_reclaim_that_lowers_the_commitment_and_the_repayment_closes_the_case()
    {
        var programme = await LaunchProgramme(budget: 100_000m, rules: Rules(voteRequired: false));
        var (id, version) = await FinalProofWithFinding(programme, 6_000m);

        version = await ActAndWait(Caseworker, id, "reclaims", new DemandReclaim(version, 6_000m, "Nicht förderfähige Bewirtungskosten", Today.AddDays(30)));
        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.ReclaimDemanded);
        details.ApprovedAmount.ShouldBe(34_000m);
        (await Inbox(Applicant)).Items.ShouldHaveSingleItem().Action.ShouldBe("Repay 6,000.00 EUR");

        await Act(Caseworker, id, "repayments", new RecordRepayment(version, 6_000m, Today.AddDays(20)));

        (await Details(id)).Status.ShouldBe(ApplicationStatus.Closed);
        var budget = await Budget(programme);
        budget.Reclaimed.ShouldBe(6_000m);
        budget.Repaid.ShouldBe(6_000m);
        budget.Paid.ShouldBe(40_000m);
        budget.Committed.ShouldBe(34_000m);
        budget.Remaining.ShouldBe(66_000m);
    }

    [Fact]
    public async Task A_sample_for_in_depth_checks_is_drawn_reproducibly_and_its_proofs_wait_for_the_check()
    {
        var programme = await LaunchProgramme(budget: 500_000m, rules: Rules(voteRequired: false));
        var approved = new List<(Guid Id, long Version)>();
        for (var i = 0; i < 3; i++)
            approved.Add(await Approved(programme, 20_000m, title: $"Projekt {i}"));
        AfterTheProjectEnded();
        foreach (var (id, approvedVersion) in approved)
        {
            var version = await Act(Applicant, id, "proofs-of-use/final", Proof(approvedVersion, 25_000m, 5_000m));
            await Act(Caseworker, id, "proofs-of-use/final/first-check", new CompleteProofCheck(version, []));
        }

        var sample = await Post<StreamCreated>(Caseworker, $"/api/programmes/{programme}/in-depth-samples",
            new DrawInDepthSample(new(Today.AddDays(-1), Today), Seed: 2026), 201);

        var view = await Get<InDepthSampleView>(DemoUsers.Auditor, sample.Url);
        view.Seed.ShouldBe(2026);
        view.Population.Count.ShouldBe(3);
        view.Selected.Count.ShouldBe(1, "ceil(3 x 10 %)");
        view.Reproduced.ShouldBeTrue();
        view.RuleDescription.ShouldContain("SHA-256(seed:applicationId:proof)");
        var selected = view.Selected.Single().ApplicationId;
        (await Details(selected)).Funding!.ProofsOfUse.Single(p => p.Proof == "final").InDepthSampleId.ShouldBe(sample.Id);
        (await Inbox(Caseworker)).Items.ShouldHaveSingleItem().ApplicationId.ShouldBe(selected);
        await Post(Caseworker, $"/api/programmes/{programme}/in-depth-samples", new DrawInDepthSample(new(Today.AddDays(-1), Today)), 201);
        (await Get<InDepthSampleView>(DemoUsers.Auditor, sample.Url)).Selected.ShouldHaveSingleItem();

        var listed = await Get<Page<InDepthSampleSummary>>(DemoUsers.Auditor, $"/api/in-depth-samples?programmeId={programme}");
        listed.TotalItems.ShouldBe(2);
        var first = listed.Items.Single(s => s.Id == sample.Id);
        (first.Id, first.Seed, first.PopulationSize, first.DrawnBy).ShouldBe((sample.Id, 2026, 3, Caseworker.Id));
        first.Selected.ShouldBe(view.Selected);
        listed.Items.Single(s => s.Id != sample.Id).PopulationSize.ShouldBe(2, "the second draw leaves out what the first sampled");
        (await Get<Page<InDepthSampleSummary>>(DemoUsers.Auditor, $"/api/in-depth-samples?programmeId={Guid.NewGuid()}")).Items.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_approval_beyond_the_de_minimis_ceiling_is_refused_with_the_computation_and_the_ledger_lists_the_aid()
    {
        var programme = await LaunchProgramme(budget: 2_000_000m,
            rules: Rules(voteRequired: false, maxRate: 0.8m, cap: null) with { DeMinimis = true });
        await Approved(programme, 280_000m, title: "Großprojekt");
        var (second, version) = await ReadyForDecision(programme, vote: false, Plan(requested: 30_000m, title: "Zusatzprojekt"));
        var before = await EventCount();

        var problem = await ProblemOf(await Post(Caseworker, $"/api/applications/{second}/decision-proposal",
            new ProposeDecision(version, DecisionKind.Approve, 30_000m), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:application.de-minimis-ceiling");
        problem.Detail.ShouldNotBeNull().ShouldContain("total is 310,000.00 EUR, ceiling 300,000.00 EUR");
        (await EventCount()).ShouldBe(before);
        var ledger = await Get<DeMinimisStatement>(Caseworker, $"/api/organisations/{ApplicantId}/de-minimis");
        ledger.Aid.ShouldHaveSingleItem().Amount.ShouldBe(280_000m);
        ledger.AidInWindow.ShouldBe(280_000m);
        ledger.Headroom.ShouldBe(20_000m);
        await Act(Caseworker, second, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 20_000m));
    }
}
