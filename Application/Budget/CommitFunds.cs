using Fachwerk.Application.Applications;
using Fachwerk.Application.Letters;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Fachwerk.Application.Budget;

/// <summary>Step of the budget commitment workflow: reserve the confirmed approval of proposal <paramref name="ProposalNumber"/>.</summary>
public sealed record CommitFunds(Guid ProgrammeId, Guid ApplicationId, Guid ApplicantId, int ProposalNumber);

/// <summary>
/// Reserves the money and approves the application in one transaction across the programme, the application and (in
/// de-minimis programmes) the applicant's stream, or blocks the approval with the reason. Runs on the sequential "budget"
/// queue; the streams' version checks keep it correct even when several nodes commit at once (a conflict is retried).
/// Redelivery changes nothing. An approval schedules the reminders for its proofs of use and sends for its decision letter (ADR 0104);
/// the obligations of its terms are imposed with it and their due days get their timers (ADR 0126).
/// </summary>
public static class CommitFundsHandler
{
    public static OutgoingMessages Handle(
        CommitFunds step,
        [WriteAggregate(nameof(CommitFunds.ProgrammeId))] IEventStream<FundingProgramme> programme,
        [WriteAggregate(nameof(CommitFunds.ApplicationId))] IEventStream<FundingApplication> application,
        [WriteAggregate(nameof(CommitFunds.ApplicantId))] IEventStream<Organisation> applicant,
        [Entity(nameof(CommitFunds.ApplicationId), Required = false)] Commitment? commitment,
        TimeProvider clock)
    {
        var outcome = BudgetCommitment.Commit(programme.Aggregate!, commitment, application.Aggregate!, applicant.Aggregate!, step.ProposalNumber,
            clock.GetUtcNow());
        programme.AppendMany(outcome.ProgrammeEvents);
        application.AppendMany(outcome.ApplicationEvents);
        applicant.AppendMany(outcome.ApplicantEvents);

        OutgoingMessages followUps = [];
        foreach (var approved in outcome.ApplicationEvents.OfType<ApplicationApproved>())
        {
            foreach (var proof in approved.ProofsOfUse)
                followUps.Add(ProofOfUseDeadlineReachedHandler.ScheduleFor(step.ApplicationId, proof.Proof, proof.DueBy));
            followUps.Add(new IssueDecisionLetter(step.ApplicationId, step.ApplicantId, step.ProgrammeId));
        }

        // The obligations imposed with the approval (ADR 0126): each due day gets its timer, as for an obligation imposed later.
        foreach (var imposed in outcome.ApplicationEvents.OfType<ObligationImposed>())
            foreach (var due in imposed.EvidenceDueDates)
                followUps.Add(ObligationEvidenceDeadlineReachedHandler.ScheduleFor(step.ApplicationId, imposed.Number, due));

        return followUps;
    }
}
