using Fachwerk.Domain.Programmes;
using JasperFx.Events;

namespace Fachwerk.Application.Letters;

/// <summary>
/// A programme's name as a letter prints it. The name is given at the launch (<see cref="FundingProgrammeLaunched"/>, the stream's
/// first event) and no later event changes it (<see cref="FundingProgramme.Evolve"/>), so the first event gives the name as the
/// stream stood at any later moment. Folding the stream up to the letter's moment cost each letter time in proportion to the
/// programme's commitments, which every approval appends to it (issue 25).
/// </summary>
public static class ProgrammeName
{
    /// <summary>The name the programme was launched with, from its stream's first event; empty when there is no such programme.</summary>
    public static string AsLaunched(IEnumerable<IEvent> firstEvent) =>
        firstEvent.Select(e => e.Data).OfType<FundingProgrammeLaunched>().FirstOrDefault()?.Name ?? "";
}
