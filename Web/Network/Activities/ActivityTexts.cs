using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Activities;

/// <summary>An activity's days and place in words, the same on the list, the page and in an export.</summary>
public static class ActivityTexts
{
    /// <summary>One day, or the first and last day.</summary>
    public static string Dates(Period dates, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return dates.From == dates.To ? Formats.Date(dates.From) : text["application.fromTo", Formats.Date(dates.From), Formats.Date(dates.To)];
    }

    /// <summary>Venue, town, district and federal state.</summary>
    public static string Place(Place place, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(place);
        ArgumentNullException.ThrowIfNull(text);
        var town = place.District == place.Town ? place.Town : $"{place.Town} ({place.District})";
        var where = $"{town}, {text["network.state." + place.FederalState]}";
        return place.Venue is { Length: > 0 } venue ? $"{venue}, {where}" : where;
    }
}
