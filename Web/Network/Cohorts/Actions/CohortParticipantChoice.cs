namespace Fachwerk.Web.Network.Cohorts.Actions;

/// <summary>
/// A participant as a form offers them: by name for those who read the participants' personal data, else by their sending
/// organisation and number; since when enrolled, and whether their data were erased.
/// </summary>
public sealed record CohortParticipantChoice(Guid Id, string Label, DateOnly EnrolledOn, bool Erased);
