using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;

namespace Fachwerk.IntegrationTests.Audit;

public class DecisionProvenanceTests(AppFixture fixture) : AuditApi(fixture)
{
    [Fact]
    public async Task Each_vote_and_decision_stands_beside_the_application_as_of_the_version_it_was_based_on()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await ReadyForDecision(programme);
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 40_000m));
        version = await Act(Approver, id, "decision-return", new ReturnDecision(version, "Betrag zu hoch für den Bedarf"));
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 32_000m));
        await ConfirmAndWait(id, version);

        var provenance = await Get<DecisionProvenance>(Auditor, $"/api/audit/applications/{id}/decisions");

        provenance.CurrentVersion.ShouldBe(10, "the last is the decision letter");
        provenance.Current.Status.ShouldBe(ApplicationStatus.Approved);
        provenance.Decisions.Select(d => d.Kind).ShouldBe(["alliance-vote", "proposal", "return", "proposal", "confirmation"]);
        provenance.Decisions.Select(d => d.BasedOnVersion).ShouldBe([3L, 4L, 5L, 6L, 7L]);
        provenance.Decisions.Select(d => d.BasedOnVersionRecorded).ShouldBe([true, true, false, true, false]);
        provenance.Decisions.Select(d => d.DecidedBy).ShouldBe([Reviewer.Id, Caseworker.Id, Approver.Id, Caseworker.Id, Approver.Id]);
        provenance.Decisions.Select(d => d.Outcome).ShouldBe(
            ["recommends", "approve 40,000.00 EUR", "returned to the caseworker", "approve 32,000.00 EUR", "approval of 32,000.00 EUR confirmed"]);

        var vote = provenance.Decisions[0];
        vote.Label.De.ShouldBe("Votum des Bündnisses abgegeben");
        vote.StateAtBasis!.Status.ShouldBe(ApplicationStatus.FormallyComplete);
        vote.StateAtBasis.AllianceVote.ShouldBeNull();
        var secondProposal = provenance.Decisions[3];
        secondProposal.StateAtBasis!.Version.ShouldBe(6);
        secondProposal.StateAtBasis.Proposals.ShouldHaveSingleItem().Outcome.ShouldBe(ProposalOutcome.Returned);
        secondProposal.StateAtBasis.ApprovedAmount.ShouldBeNull();
        provenance.Decisions.ShouldAllBe(d => !d.ApplicationChangedAfterwards && !d.DecidedOnOutdatedVersion);
    }

    [Fact]
    public async Task A_vote_is_flagged_when_the_plan_changed_after_it_was_cast()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await ReadyForDecision(programme);
        // A plan change after the vote, as a data correction recorded outside the workflow (the workflow itself no longer allows it).
        await using (var session = Store.LightweightSession())
        {
            session.LastModifiedBy = "carsten.sachbearbeitung";
            session.Events.Append(id, new ApplicationAmended(id, Plan(requested: 60_000m), "carsten.sachbearbeitung", Clock.GetUtcNow()));
            await session.SaveChangesAsync(Cancellation);
        }

        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version + 1, DecisionKind.Approve, 50_000m));

        var provenance = await Get<DecisionProvenance>(Auditor, $"/api/audit/applications/{id}/decisions");

        var vote = provenance.Decisions[0];
        vote.ApplicationChangedAfterwards.ShouldBeTrue();
        vote.ChangedAfterwards.Select(c => c.Field).ShouldBe(["plan.totalCosts", "plan.requestedAmount", "plan.ownContribution"]);
        var requested = vote.ChangedAfterwards.Single(c => c.Field == "plan.requestedAmount");
        requested.AtBasis.ShouldBe("40,000.00 EUR");
        requested.Now.ShouldBe("60,000.00 EUR");
        requested.FirstChangedAtVersion.ShouldBe(5);
        requested.FirstChangedBy.ShouldBe("carsten.sachbearbeitung");
        vote.StateAtBasis!.Plan.RequestedAmount.ShouldBe(40_000m);

        var proposal = provenance.Decisions[1];
        proposal.BasedOnVersion.ShouldBe(5);
        proposal.ApplicationChangedAfterwards.ShouldBeFalse();
        proposal.StateAtBasis!.Plan.RequestedAmount.ShouldBe(60_000m);
        version.ShouldBe(6);
    }

    [Fact]
    public async Task A_decision_recorded_on_a_later_version_than_its_basis_is_flagged_as_decided_on_an_outdated_version()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await ReadyForDecision(programme);
        await using (var session = Store.LightweightSession())
        {
            // A proposal that claims to be based on the version before the vote (as a faulty client or a data fix could record it).
            session.Events.Append(id, new DecisionProposed(id, 1, DecisionKind.Reject, null, [], "Kein Bedarf", null, version - 1, Caseworker.Id,
                Clock.GetUtcNow()));
            await session.SaveChangesAsync(Cancellation);
        }

        var proposal = (await Get<DecisionProvenance>(Auditor, $"/api/audit/applications/{id}/decisions")).Decisions.Single(d => d.Kind == "proposal");

        proposal.DecidedOnOutdatedVersion.ShouldBeTrue();
        proposal.RecordedBetweenBasisAndDecision.ShouldHaveSingleItem().Label.En.ShouldBe("Alliance vote cast");
    }

    [Fact]
    public async Task Only_applications_have_decisions()
    {
        var programme = await LaunchProgramme();

        await GetExpecting(Auditor, $"/api/audit/applications/{programme}/decisions", 404);
        await GetExpecting(Auditor, $"/api/audit/applications/{Guid.NewGuid()}/decisions", 404);
        await GetExpecting(Approver, $"/api/audit/applications/{Guid.NewGuid()}/decisions", 403);
    }
}
