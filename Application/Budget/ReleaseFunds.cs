using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Fachwerk.Application.Budget;

/// <summary>Step of the budget commitment workflow: bring the application's commitment down to what it still keeps.</summary>
public sealed record ReleaseFunds(Guid ProgrammeId, Guid ApplicationId, Guid ApplicantId, string Reason);

/// <summary>
/// Releases what an application no longer needs (everything after a withdrawal, the difference after a reduction or reclaim,
/// the unpaid rest at closing) and adjusts the applicant's de-minimis aid with it. Computed from the streams' current state,
/// so a redelivered or late message releases nothing twice.
/// </summary>
public static class ReleaseFundsHandler
{
    public static void Handle(
        ReleaseFunds step,
        [WriteAggregate(nameof(ReleaseFunds.ProgrammeId))] IEventStream<FundingProgramme> programme,
        [ReadAggregate(nameof(ReleaseFunds.ApplicationId))] FundingApplication application,
        [WriteAggregate(nameof(ReleaseFunds.ApplicantId))] IEventStream<Organisation> applicant,
        [Entity(nameof(ReleaseFunds.ApplicationId), Required = false)] Commitment? commitment,
        TimeProvider clock)
    {
        var outcome = BudgetCommitment.Release(programme.Aggregate!, commitment, application, applicant.Aggregate!, step.Reason, clock.GetUtcNow());
        programme.AppendMany(outcome.ProgrammeEvents);
        applicant.AppendMany(outcome.ApplicantEvents);
    }
}
