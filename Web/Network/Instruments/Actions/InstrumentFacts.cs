using Fachwerk.Application.Network.Instruments;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Instruments.Actions;

/// <summary>The facts of an instrument a recorder acts on, as the page showed them: a stale form says which of them changed meanwhile.</summary>
public static class InstrumentFacts
{
    public static Dictionary<string, string> Of(InstrumentDetails instrument, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(instrument);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["instrument.facts.uses"] = Formats.Number(instrument.Uses.Count),
            ["instrument.facts.seals"] = instrument.Seals.Count == 0 ? text["facts.none"]
                : string.Join(", ", instrument.Seals.Select(s => $"{s.School.Name} ({Formats.Date(s.ValidUntil)})")),
            ["instrument.facts.lastChanged"] = Formats.DateTime(instrument.LastChangedAt),
        };
    }
}
