using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using JasperFx.Events;
using Wolverine.Marten;
using Wolverine.Persistence;

namespace Fachwerk.Application.Budget;

/// <summary>
/// Step of the budget workflow: let the programme's commitment count the financing of decision version <paramref name="Amended"/>,
/// which came into force without the workflow (an amendment without a raise changing the own contribution, ADR 0131).
/// </summary>
public sealed record FollowAmendedFinancing(Guid ProgrammeId, Guid ApplicationId, DecisionAmended Amended);

/// <summary>
/// Appends the programme's <see cref="CommitmentAdjusted"/> on the budget queue, with the programme stream's version check and the
/// host-wide retry of a conflict, like the other steps: an approver's confirmation never waits for, or fails on, the programme's
/// stream. Redelivery changes nothing (<see cref="ProgrammeDecider.Adjust"/> answers nothing once the commitment counts it).
/// </summary>
public static class FollowAmendedFinancingHandler
{
    public static void Handle(
        FollowAmendedFinancing step,
        [WriteAggregate(nameof(FollowAmendedFinancing.ProgrammeId))] IEventStream<FundingProgramme> programme,
        [Entity(nameof(FollowAmendedFinancing.ApplicationId), Required = false)] Commitment? commitment) =>
        programme.AppendMany(BudgetCommitment.FollowFinancing(commitment, step.Amended));
}
