using Fachwerk.Domain.Network;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network;

/// <summary>The network's areas and parties in words, the same on every network page.</summary>
public static class NetworkTexts
{
    /// <summary>A district with its state, or a whole state.</summary>
    public static string Area(Area area, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(text);
        var state = text["network.state." + area.FederalState].Value;
        return area.District is { Length: > 0 } district ? $"{district} ({state})" : text["network.wholeState", state];
    }

    /// <summary>The areas state by state: a whole state, or the state with its districts ("Sachsen: Leipzig, Nordsachsen").</summary>
    public static IReadOnlyList<string> ByState(IReadOnlyList<Area> areas, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(text);
        return [.. areas.GroupBy(a => a.FederalState).Select(state => state.Any(a => a.District is null)
            ? Area(new Area(state.Key), text)
            : $"{text["network.state." + state.Key].Value}: {string.Join(", ", state.Select(a => a.District))}")];
    }

    /// <summary>Where a party's own page is, if it has one in the UI (network actors do; organisations and alliances not yet).</summary>
    public static string? Href(NetworkParty party)
    {
        ArgumentNullException.ThrowIfNull(party);
        return party.Kind == PartyKind.NetworkActor ? $"/network-actors/{party.Id}" : null;
    }
}
