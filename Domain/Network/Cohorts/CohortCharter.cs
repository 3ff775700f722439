using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Cohorts;

/// <summary>What a cohort is opened with: the programme, the run's number, its organiser, its question and its period.</summary>
public sealed record CohortCharter(string Programme, int Run, NetworkParty Organiser, string Question, Period Period);
