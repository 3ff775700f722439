using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Network.Cohorts.Actions;

/// <summary>
/// Which steps of a cohort the pages offer a user, and when: to caseworkers and administrators (the API's
/// <c>NetworkRoles.Keepers</c>: cohorts belong to no alliance); enrolments, sessions and the final presentation until the results
/// are presented, concepts and erasures once there are participants, as a courtesy. The API decides every time (a posted form is
/// always handed to it).
/// </summary>
public static class CohortActions
{
    public const string Open = "open-cohort";
    public const string Enrol = "enrol-cohort-participant";
    public const string Session = "hold-cohort-session";
    public const string Present = "present-cohort-results";
    public const string Develop = "develop-concept";
    public const string Erase = "erase-cohort-participant";

    /// <summary>The forms of the cohort page, in the order the step choice lists them.</summary>
    public static readonly IReadOnlyList<string> OnCohort = [Enrol, Session, Present, Develop, Erase];

    /// <summary>Every form of the cohort pages, for the confirmation after a redirect.</summary>
    public static readonly IReadOnlyList<string> All = [Open, .. OnCohort];

    /// <summary>Whether the user records cohorts at all: caseworkers and administrators.</summary>
    public static bool Records(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Has(Roles.Caseworker) || user.Has(Roles.Administrator);
    }

    /// <summary>Whether the user reads the participants' personal data (the API's <c>NetworkRoles.CohortPersonalDataReaders</c>).</summary>
    public static bool ReadsPersonalData(CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Records(user) || user.Has(Roles.Auditor);
    }

    /// <summary>Whether the page offers <paramref name="action"/> on <paramref name="cohort"/> as it is to <paramref name="user"/>.</summary>
    public static bool Offers(string action, CohortDetails cohort, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        if (!Records(user)) return false;
        var running = cohort.FinalPresentation is null;
        return action switch
        {
            Enrol => running,
            Session => running && cohort.Participants.Count > 0,
            Present => running && cohort.Sessions.Count > 0,
            Develop => cohort.Participants.Count > 0,
            Erase => cohort.Participants.Any(p => !p.PersonalDataErased),
            _ => false,
        };
    }
}
