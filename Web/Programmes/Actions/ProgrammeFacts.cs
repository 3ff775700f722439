using Fachwerk.Application.Programmes;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Programmes.Actions;

/// <summary>The facts of a programme a call form acts on, as the page showed them: a stale form says which of them changed meanwhile.</summary>
public static class ProgrammeFacts
{
    public static Dictionary<string, string> Of(ProgrammeDetails programme, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(programme);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["programme.facts.calls"] = programme.Calls.Count == 0
                ? text["facts.none"]
                : string.Join("; ", programme.Calls.Select(c =>
                    $"{c.Name} {Formats.Date(c.Window.From)}–{Formats.Date(c.Window.To)}{(c.ClosedAt is null ? "" : " " + text["programme.facts.closed"])}")),
            ["programme.facts.budget"] = Formats.Money(programme.TotalBudget),
        };
    }
}
