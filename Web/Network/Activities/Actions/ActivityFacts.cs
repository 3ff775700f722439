using Fachwerk.Application.Network.Activities;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Activities.Actions;

/// <summary>
/// The facts of an activity a recorder acts on, as the page showed them: a stale form says which of them changed meanwhile
/// (serialized and compared like <see cref="Applications.ApplicationFacts"/>).
/// </summary>
public static class ActivityFacts
{
    public static Dictionary<string, string> Of(ActivityDetails activity, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(text);
        return new Dictionary<string, string>
        {
            ["activity.facts.status"] = text["activity.status." + activity.Status],
            ["activity.facts.title"] = activity.Title,
            ["activity.facts.dates"] = ActivityTexts.Dates(activity.Dates, text),
            ["activity.facts.place"] = ActivityTexts.Place(activity.Place, text),
            ["activity.facts.capacity"] = activity.Capacity is { } capacity ? Formats.Number(capacity) : text["activity.noLimit"],
            ["activity.facts.registrations"] = text["activity.registrationsValue", activity.RegistrationCounts.Confirmed, activity.RegistrationCounts.Waitlisted],
            ["activity.facts.lastChanged"] = Formats.DateTime(activity.LastChangedAt),
        };
    }
}
