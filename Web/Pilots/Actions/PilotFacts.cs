using Fachwerk.Application.Pilots;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Pilots.Actions;

/// <summary>
/// The facts of a pilot a project lead acts on, as the page showed them: a stale form says which of them changed meanwhile
/// (serialized and compared like <see cref="Applications.ApplicationFacts"/>).
/// </summary>
public static class PilotFacts
{
    public static Dictionary<string, string> Of(PilotDetails pilot, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["pilots.pilot.facts.status"] = text["pilots.state." + pilot.Status],
            ["pilots.pilot.facts.phase"] = PilotTexts.Phase(pilot, text),
            ["pilots.pilot.facts.participants"] = Formats.Number(pilot.Participants.Enrolled),
            ["pilots.pilot.facts.companies"] = Formats.Number(pilot.Companies.Count),
            ["pilots.pilot.facts.services"] = Formats.Number(pilot.ServicesDelivered),
            ["pilots.pilot.facts.lastChanged"] = Formats.DateTime(pilot.LastChangedAt),
        };
    }
}
