using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Instruments;

namespace Fachwerk.Application.Network.Dashboards;

/// <summary>Whose work a network dashboard shows.</summary>
public enum DashboardScope
{
    /// <summary>An alliance's own activities and ideas, and the instruments used in its districts.</summary>
    Alliance,

    /// <summary>Everything recorded, in every state.</summary>
    Country,

    /// <summary>Everything that took place in one federal state.</summary>
    FederalState,

    /// <summary>Everything that took place in one district.</summary>
    District,
}

/// <summary>What the network did in one year.</summary>
/// <param name="Year">The year.</param>
/// <param name="ActivitiesHeld">Activities held (by the first day they were held).</param>
/// <param name="ActivitiesByKind">Activities held, by kind.</param>
/// <param name="ActivitiesCancelled">Activities cancelled (by the first planned day).</param>
/// <param name="Attendance">How many came to the activities held.</param>
/// <param name="AttendanceByGroup">How many came, by group.</param>
/// <param name="ContactsMade">Contacts made at the activities.</param>
/// <param name="Placements">Placements that came of the activities.</param>
/// <param name="InstrumentUses">Uses of instruments.</param>
/// <param name="SealsAwarded">Career-choice seals awarded.</param>
/// <param name="SealsRenewed">Career-choice seals renewed.</param>
/// <param name="IdeasRecorded">Project ideas recorded.</param>
/// <param name="IdeasRealised">Project ideas linked to the application that realises them (by the day of the link).</param>
/// <param name="IdeasFunded">Of those, ideas whose application is approved (or was funded and closed).</param>
public sealed record NetworkYear(
    int Year,
    int ActivitiesHeld,
    IReadOnlyDictionary<ActivityKind, int> ActivitiesByKind,
    int ActivitiesCancelled,
    int Attendance,
    IReadOnlyDictionary<AttendeeGroup, int> AttendanceByGroup,
    int ContactsMade,
    int Placements,
    int InstrumentUses,
    int SealsAwarded,
    int SealsRenewed,
    int IdeasRecorded,
    int IdeasRealised,
    int IdeasFunded);

/// <summary>An instrument in use in the dashboard's scope.</summary>
/// <param name="InstrumentId">The instrument.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What kind of format it is.</param>
/// <param name="Uses">How often it was used in the scope.</param>
/// <param name="Users">How many different companies, schools or others used it there.</param>
/// <param name="Participants">How many took part, as far as counted.</param>
/// <param name="SealsValid">For the career-choice seal: how many schools in the scope hold a valid one today.</param>
/// <param name="LastUsedOn">The last day it was used (or a seal awarded or renewed) there.</param>
public sealed record InstrumentInUse(Guid InstrumentId, string Name, InstrumentKind Kind, int Uses, int Users, int Participants, int SealsValid,
    DateOnly? LastUsedOn);

/// <summary>
/// The network dashboard of an alliance, a federal state or a district: year by year (without gaps) the activities held,
/// attendance by group, contacts and placements, instrument uses and seals, and the project ideas recorded, realised and funded;
/// the totals over all years; and the instruments in use. Read from the inline read models at the moment of the request.
/// </summary>
/// <param name="Scope">Whose work it shows.</param>
/// <param name="Name">The alliance's name, or the state or district (or Deutschland for the whole country).</param>
/// <param name="AllianceId">The alliance, for an alliance's dashboard.</param>
/// <param name="FederalState">The federal state (an alliance's own); none for the whole country.</param>
/// <param name="District">The district, for a district's dashboard.</param>
/// <param name="Years">The years from the first to the last with a figure.</param>
/// <param name="Totals">The sums over all years (its year is 0).</param>
/// <param name="Instruments">The instruments used in the scope, most used first.</param>
public sealed record NetworkDashboard(
    DashboardScope Scope,
    string Name,
    Guid? AllianceId,
    FederalState? FederalState,
    string? District,
    IReadOnlyList<NetworkYear> Years,
    NetworkYear Totals,
    IReadOnlyList<InstrumentInUse> Instruments);
