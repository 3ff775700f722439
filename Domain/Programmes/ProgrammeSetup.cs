using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>How a funding programme is set up: its name, funding sources and their shares, funding period, budget and rules.</summary>
public sealed record ProgrammeSetup(string Name, IReadOnlyList<FundingSource> Sources, Period FundingPeriod, decimal TotalBudget, ProgrammeRules Rules);
