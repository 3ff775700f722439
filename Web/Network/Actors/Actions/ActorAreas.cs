using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Actors.Actions;

/// <summary>
/// The areas an actor covers as the establish form takes them: one state a line, alone for the whole state or with its
/// districts after a colon ("Thüringen: Jena, Gera"), the way the actor's page writes them (<see cref="NetworkTexts.ByState"/>).
/// </summary>
public static class ActorAreas
{
    /// <summary>The areas of <paramref name="text"/>, or the lines naming no federal state (in the user's words).</summary>
    public static (IReadOnlyList<Area> Areas, IReadOnlyList<string> Errors) Parse(string? text, IStringLocalizer texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var areas = new List<Area>();
        var errors = new List<string>();
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var line in lines)
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var stateName = (colon < 0 ? line : line[..colon]).Trim();
            if (State(stateName, texts) is not { } state)
            {
                errors.Add(texts["actor.establish.unknownState", stateName]);
                continue;
            }

            var districts = colon < 0 ? [] : line[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (districts.Length == 0) areas.Add(new Area(state));
            else areas.AddRange(districts.Select(d => new Area(state, d)));
        }

        return (areas, errors);
    }

    /// <summary>The state named <paramref name="name"/> in the user's language or as the API spells it, any case.</summary>
    private static FederalState? State(string name, IStringLocalizer texts)
    {
        foreach (var state in Enum.GetValues<FederalState>())
        {
            if (string.Equals(name, texts["network.state." + state].Value, StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, state.ToString(), StringComparison.OrdinalIgnoreCase))
                return state;
        }

        return null;
    }
}
