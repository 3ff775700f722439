using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Wolverine;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Fachwerk.Application.Budget;

/// <summary>Step of the budget commitment workflow: commit the extra money of confirmed amendment <paramref name="AmendmentNumber"/> (ADR 0121).</summary>
public sealed record CommitAmendment(Guid ProgrammeId, Guid ApplicationId, Guid ApplicantId, int AmendmentNumber);

/// <summary>
/// Commits a raise and puts the amendment in force in one transaction across the programme, the application and (de-minimis) the
/// applicant's stream, or blocks it with the reason; exactly like <see cref="CommitFundsHandler"/>, on the same sequential queue with
/// the same version checks, so raises and approvals racing for the last money never over-commit. Redelivery changes nothing.
/// </summary>
public static class CommitAmendmentHandler
{
    public static OutgoingMessages Handle(
        CommitAmendment step,
        [WriteAggregate(nameof(CommitAmendment.ProgrammeId))] IEventStream<FundingProgramme> programme,
        [WriteAggregate(nameof(CommitAmendment.ApplicationId))] IEventStream<FundingApplication> application,
        [WriteAggregate(nameof(CommitAmendment.ApplicantId))] IEventStream<Organisation> applicant,
        [Entity(nameof(CommitAmendment.ApplicationId), Required = false)] Commitment? commitment,
        TimeProvider clock)
    {
        var before = application.Aggregate!;
        var outcome = BudgetCommitment.CommitAmendment(programme.Aggregate!, commitment, before, applicant.Aggregate!, step.AmendmentNumber,
            clock.GetUtcNow());
        programme.AppendMany(outcome.ProgrammeEvents);
        application.AppendMany(outcome.ApplicationEvents);
        applicant.AppendMany(outcome.ApplicantEvents);

        // In the same transaction (the outbox): the proofs' and obligations' new deadline reminders and the change notice of the version now in force.
        OutgoingMessages followUps = [];
        AmendmentReminders.FollowUps(before, outcome.ApplicationEvents, followUps);

        return followUps;
    }
}
