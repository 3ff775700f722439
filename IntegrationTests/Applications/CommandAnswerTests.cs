using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>A command's answer names what the caller needs next: the new version, what was created, and work that follows.</summary>
public class CommandAnswerTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private Task<CommandAccepted> Command(Fachwerk.Host.Development.DemoUser user, Guid application, string step, object body) =>
        Post<CommandAccepted>(user, $"/api/applications/{application}/{step}", body);

    [Fact]
    public async Task Answers_name_the_document_request_and_proposal_they_created_and_the_budget_workflow_a_confirmation_started()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);

        var requested = await Command(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung"]));
        requested.Created.ShouldBe(new CreatedItem("document-request", "1"));
        requested.FollowUp.ShouldBeNull();

        var supplied = await Command(Applicant, id, "document-supplies", new SupplyDocuments(requested.Version, ["dms://satzung"]));
        supplied.Created.ShouldBeNull();
        // Each step waits for the work it cascades (ExecuteAndWaitAsync), so no handler of an earlier step appends to the case
        // while the next command is recorded.
        long version = 0;
        await Host.ExecuteAndWaitAsync(async () => version = await Act(Caseworker, id, "formal-completeness", new CompleteFormally(supplied.Version)), 60_000);
        await Host.ExecuteAndWaitAsync(async () =>
            version = await Act(Reviewer, id, "alliance-vote", new CastAllianceVote(version, ChamberId, true, "Passt", DeclaresNoConflictOfInterest: true)), 60_000);

        CommandAccepted? answer = null;
        await Host.ExecuteAndWaitAsync(async () => answer = await Command(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 30_000m)), 60_000);
        var proposed = answer.ShouldNotBeNull();
        proposed.Created.ShouldBe(new CreatedItem("proposal", "1"));

        var confirmed = await Command(Approver, id, "decision-confirmation", new ConfirmDecision(proposed.Version));
        confirmed.Version.ShouldBe(proposed.Version + 1);
        var followUp = confirmed.FollowUp.ShouldNotBeNull();
        followUp.Watch.ShouldBe($"/api/applications/{id}");
        followUp.Until.ShouldContain("Approved");
    }

    [Fact]
    public async Task A_rejection_starts_no_work_and_says_so_by_saying_nothing()
    {
        var programme = await LaunchProgramme();
        var (id, version) = await ReadyForDecision(programme);
        var proposed = await Command(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Reject, RejectionReason: "Kein Bedarf"));

        (await Command(Approver, id, "decision-confirmation", new ConfirmDecision(proposed.Version))).FollowUp.ShouldBeNull();
    }
}
