using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Network.Activities.Actions;

/// <summary>
/// Which steps of an activity's life the pages offer a user, and when: to caseworkers and administrators, and to the coordinator
/// of the activity's alliance (the token's <c>alliance</c> claim), in the states the API accepts them, as a courtesy. The API
/// decides every time (a posted form is always handed to it; a coordinator of another alliance gets its 403).
/// </summary>
public static class ActivityActions
{
    public const string Plan = "plan-activity";
    public const string Announce = "announce-activity";
    public const string Hold = "hold-activity";
    public const string Report = "report-activity";
    public const string Cancel = "cancel-activity";
    public const string Register = "register-for-activity";
    public const string CancelRegistration = "cancel-registration";
    public const string ErasePerson = "erase-person";
    public const string Replan = "replan-activity";
    public const string LinkFunding = "link-activity-funding";
    public const string StartSeries = "start-activity-series";

    /// <summary>The steps of the activity page, in the order its choice lists them.</summary>
    public static readonly IReadOnlyList<string> OnActivity =
        [Announce, Register, CancelRegistration, Replan, LinkFunding, Hold, Report, Cancel, ErasePerson];

    /// <summary>Every form of the activity pages, for the confirmation after a redirect.</summary>
    public static readonly IReadOnlyList<string> All = [Plan, .. OnActivity];

    /// <summary>Whether the user records activities at all (planning one from the list page).</summary>
    public static bool MayPlan(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Has(Roles.Caseworker) || user.Has(Roles.Administrator) || user.Has(Roles.AllianceCoordinator);
    }

    /// <summary>Whether the page offers <paramref name="action"/> on <paramref name="activity"/> as it is to <paramref name="user"/>.</summary>
    public static bool Offers(string action, ActivityDetails activity, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(user);
        if (!Records(activity, user)) return false;
        var ahead = activity.Status is ActivityStatus.Planned or ActivityStatus.Announced;
        return action switch
        {
            Announce => activity.Status == ActivityStatus.Planned,
            Hold or Cancel => ahead,
            Report => activity.Status == ActivityStatus.Held,
            Register => activity.Status == ActivityStatus.Announced,
            CancelRegistration => ahead && activity.Registrations.Any(r => r.Status != RegistrationStatus.Cancelled),
            ErasePerson => activity.Registrations.Any(r => !r.PersonalDataErased)
                || activity.Outcome?.Programme.Any(p => p.SpeakerId is not null && !p.SpeakerErased) == true,
            Replan => ahead,
            LinkFunding => activity.Funding is null && activity.Status != ActivityStatus.Cancelled,
            _ => false,
        };
    }

    /// <summary>Staff record every activity; a coordinator those of the alliances they coordinate.</summary>
    public static bool Records(ActivityDetails activity, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(user);
        return user.Has(Roles.Caseworker) || user.Has(Roles.Administrator)
               || (user.Has(Roles.AllianceCoordinator) && activity.AllianceId is { } alliance && user.Alliances.Contains(alliance));
    }
}
