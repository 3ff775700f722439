using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Marten;

namespace Fachwerk.Application.Budget;

/// <summary>
/// Lets the programme's commitment of an application count the financing of a decision version that comes into force without the
/// budget workflow (an amendment without a raise, ADR 0131): appends the programme's <see cref="CommitmentAdjusted"/> to the session,
/// so it commits in the same transaction as the <see cref="DecisionAmended"/>, with the programme stream's version check that the
/// budget steps use (a budget step appending at the same moment makes one of the two retry). A raise's version is followed in
/// <see cref="BudgetCommitment.CommitAmendment"/>.
/// </summary>
public static class CommitmentFinancing
{
    public static async Task FollowAsync(IDocumentSession session, DecisionAmended amended, CancellationToken cancellation)
    {
        var commitment = await session.LoadAsync<Commitment>(amended.ApplicationId, cancellation);
        var events = BudgetCommitment.FollowFinancing(commitment, amended);
        if (events.Count == 0) return;
        var programme = await session.Events.FetchForWriting<FundingProgramme>(commitment!.ProgrammeId, cancellation);
        programme.AppendMany(events);
    }
}
