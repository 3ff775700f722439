using Fachwerk.Application.Alliances;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Marten;
using Wolverine.Http;

namespace Fachwerk.Application.States;

/// <summary>A programme of a state: one belonging to its funding authority or accepting its recognized alliances.</summary>
/// <param name="Id">The programme's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Authority">The funding authority it belongs to, if recorded.</param>
/// <param name="Eligibility">Which alliances its applications may name.</param>
/// <param name="TotalBudget">Its budget, in EUR.</param>
/// <param name="FundingPeriod">Its funding period.</param>
public sealed record StateProgramme(Guid Id, string Name, FundingAuthority? Authority, AllianceEligibility Eligibility, decimal TotalBudget, Period FundingPeriod);

/// <summary>A federal state: the alliances its ministry recognizes and its programmes.</summary>
/// <param name="Code">The state's two-letter code, e.g. NI.</param>
/// <param name="State">The state.</param>
/// <param name="RecognizedAlliances">The alliances of the state that are recognized now, by name.</param>
/// <param name="OtherAlliances">The state's alliances that are not (or no longer) recognized and not dissolved, by name.</param>
/// <param name="Programmes">The programmes of its funding authorities or bound to its recognized alliances, by name.</param>
public sealed record StateOverview(
    string Code, FederalState State, IReadOnlyList<AllianceSummary> RecognizedAlliances, IReadOnlyList<AllianceSummary> OtherAlliances,
    IReadOnlyList<StateProgramme> Programmes);

public static class GetStateEndpoint
{
    /// <summary>
    /// Reads a federal state by its two-letter code (e.g. NI for Lower Saxony): the alliances its ministry recognizes, its other
    /// alliances, and the programmes of its funding authorities or bound to its recognized alliances.
    /// </summary>
    [WolverineGet("/api/states/{code}")]
    public static async Task<StateOverview> Get(string code, IQuerySession session, CancellationToken cancellation)
    {
        var state = StateCodes.StateOf(code) ?? throw new UnknownEntity("state.unknown", $"There is no federal state with the code '{code}'.");
        var alliances = await session.Query<AllianceDetails>().Where(a => a.FederalState == state && a.Status != AllianceStatus.Dissolved)
            .OrderBy(a => a.Name).ToListAsync(cancellation);
        var programmes = await session.Query<ProgrammeDetails>()
            .Where(p => (p.Authority != null && p.Authority.State == state) || p.Eligibility.State == state)
            .OrderBy(p => p.Name).ToListAsync(cancellation);

        AllianceSummary Summary(AllianceDetails a) =>
            new(a.Id, a.Name, a.FederalState, a.Status, a.MemberCount, a.Recognition?.FundingPeriod.To, a.Version);
        return new StateOverview(StateCodes.CodeOf(state),
            state,
            [.. alliances.Where(a => a.Status == AllianceStatus.Recognized).Select(Summary)],
            [.. alliances.Where(a => a.Status != AllianceStatus.Recognized).Select(Summary)],
            [.. programmes.Select(p => new StateProgramme(p.Id, p.Name, p.Authority, p.Eligibility, p.TotalBudget, p.FundingPeriod))]);
    }
}
