using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Alliances;

/// <summary>What an alliance is founded with: its name, federal state, the districts it covers, its coordinating office and founding day.</summary>
public sealed record AllianceCharter(string Name, FederalState FederalState, IReadOnlyList<string> Districts, string CoordinatingOffice, DateOnly FoundedOn);
