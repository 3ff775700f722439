using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Cohorts.Actions;

/// <summary>The facts of a cohort a recorder acts on, as the page showed them: a stale form says which of them changed meanwhile.</summary>
public static class CohortFacts
{
    public static Dictionary<string, string> Of(CohortDetails cohort, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["concept.participants"] = Formats.Number(cohort.Participants.Count),
            ["cohorts.sessions"] = Formats.Number(cohort.Sessions.Count),
            ["concept.presentation"] = cohort.FinalPresentation is { } presentation ? Formats.Date(presentation.HeldOn) : text["cohort.noPresentation"],
            ["cohort.facts.lastChanged"] = Formats.DateTime(cohort.LastChangedAt),
        };
    }
}
