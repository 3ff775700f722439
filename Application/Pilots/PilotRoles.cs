using Fachwerk.Application.Common;
using Wolverine.Http;

namespace Fachwerk.Application.Pilots;

/// <summary>Who may do what with pilot projects.</summary>
public static class PilotRoles
{
    /// <summary>Who records a pilot's partners, companies, participants, services and decisions.</summary>
    public const string Recorders = Roles.ProjectLead;

    /// <summary>
    /// Who may read participants' personal data: the project lead, and caseworkers and auditors of the funding.
    /// Everyone signed in may read the pilot, its companies and its demand, which hold no personal data.
    /// </summary>
    public const string PersonalDataReaders = Roles.ProjectLead + "," + PersonalDataReadersWithoutBinding;

    /// <summary>Who reads participants' personal data of any pilot: caseworkers and auditors (project leads only of their own).</summary>
    public const string PersonalDataReadersWithoutBinding = Roles.Caseworker + "," + Roles.Auditor;
}

/// <summary>
/// 201 Created for something added inside a pilot's stream (a participant, a company, a partner, a training):
/// the pilot's id and new version (the next expected version), the new item's id, and where to read it.
/// Never carries personal data.
/// </summary>
/// <param name="Id">The pilot project's id.</param>
/// <param name="Version">The pilot's version after the command: send it as <c>expectedVersion</c> with the next command on the
/// pilot.</param>
/// <param name="ItemId">The id of what was added (participant, company, partner or training).</param>
/// <param name="Url">Where to read what was added (also in the <c>Location</c> header).</param>
public sealed record PilotItemAdded(Guid Id, long Version, Guid ItemId, string Url) : CreationResponse(Url);

public static class PilotUrls
{
    public static string Pilot(Guid pilotId) => $"/api/pilots/{pilotId}";
    public static string Participant(Guid pilotId, Guid participantId) => $"/api/pilots/{pilotId}/participants/{participantId}";
    public static string Company(Guid pilotId, Guid companyId) => $"/api/pilots/{pilotId}/companies/{companyId}";
}
