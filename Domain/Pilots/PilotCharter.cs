using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Pilots;

/// <summary>What a pilot project is launched with: its name, sponsor, pilot phase, funding sources and the services it offers.</summary>
public sealed record PilotCharter(
    string Name, string Sponsor, Period PilotPhase, IReadOnlyList<FundingSource> FundingSources, IReadOnlyList<PilotService> OfferedServices);
