using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The natural person who applies, as a reader may see them (ADR 0123): their personal data opened for the funding authority's case
/// handlers, auditors and the person themself; masked for everybody else who reads the application (e.g. the alliance's reviewers);
/// marked erased once their key is destroyed, with who erased them, when and on which ground.
/// </summary>
/// <param name="Kind">Medical student, doctor, ….</param>
/// <param name="Status">Present, masked for this reader, or erased.</param>
/// <param name="DisplayName">The person's name, <see cref="MaskedName"/> or <see cref="ErasedName"/>.</param>
/// <param name="PersonalData">The personal data; none when masked or erased.</param>
/// <param name="Erasure">Who erased the data, when, on which ground.</param>
/// <param name="RetentionYears">Years the data are kept after the case ended.</param>
/// <param name="ErasableFrom">The first day the data may be erased; none while the case runs.</param>
/// <param name="LegalHold">A legal hold on the case's records, if one is placed.</param>
/// <param name="Version">The application's version (for the erasure's expected version).</param>
public sealed record ApplicantPersonView(
    PersonApplicantKind Kind,
    ApplicantPersonDataStatus Status,
    string DisplayName,
    ApplicantPersonalData? PersonalData,
    ApplicantPersonErasure? Erasure,
    int RetentionYears,
    DateOnly? ErasableFrom,
    CaseLegalHold? LegalHold,
    long Version)
{
    public const string ErasedName = ParticipantView.ErasedName;

    public const string MaskedName = "[personal data not shown]";
}

/// <summary>Whether a reader sees the applicant person's data.</summary>
public enum ApplicantPersonDataStatus
{
    Present,

    /// <summary>This reader may not see personal data (e.g. an alliance reviewer).</summary>
    Masked,

    /// <summary>Erased on request (or the key no longer exists): nobody can read them.</summary>
    Erased,
}

public static class GetApplicantPersonEndpoint
{
    /// <summary>Who sees an applicant person's data in full besides the person themself.</summary>
    public const string PersonalDataReaders = Roles.Caseworker + "," + Roles.Approver + "," + Roles.Auditor;

    public static void Before(FundingApplication application, ClaimsPrincipal user) =>
        user.EnsureMayReadApplication(application.ApplicantId, application.AllianceId);

    /// <summary>
    /// Reads the natural person who applies: their personal data for case handlers, auditors and the person themself, masked for
    /// the alliance's reviewers and administrators, marked erased once erased. 404 when an organisation applies.
    /// </summary>
    [Authorize(Roles = Roles.ApplicationReaders)]
    [WolverineGet("/api/applications/{applicationId}/applicant-person")]
    public static async Task<ApplicantPersonView> Get(
        [ReadAggregate("applicationId")] FundingApplication application, ClaimsPrincipal user,
        IQuerySession session, PersonalDataVault vault, CancellationToken cancellation)
    {
        var person = application.ApplicantPerson
                     ?? throw new UnknownEntity("application.no-applicant-person", $"Application {application.Id} was made by an organisation, not by a natural person.");
        var mayRead = user.HoldsAnyOf(PersonalDataReaders) || (user.IsInRole(Roles.Applicant) && user.IsBoundTo(UserClaims.Organisation, application.ApplicantId));
        ApplicantPersonalData? data = null;
        if (mayRead && person.PersonalData is { } sealedData)
            (await vault.OpenAsync<ApplicantPersonalData>(session, [sealedData], cancellation)).TryGetValue(person.SubjectId, out data);
        var (status, name) = (person.Erased || (mayRead && data is null), mayRead) switch
        {
            (true, _) => (ApplicantPersonDataStatus.Erased, ApplicantPersonView.ErasedName),
            (false, false) => (ApplicantPersonDataStatus.Masked, ApplicantPersonView.MaskedName),
            _ => (ApplicantPersonDataStatus.Present, $"{data!.GivenName} {data.FamilyName}"),
        };
        var version = (await session.Events.FetchStreamStateAsync(application.Id, cancellation))?.Version ?? 0;
        return new ApplicantPersonView(person.Kind, status, name, data, person.Erasure, person.RetentionYears,
            ApplicantPersonDecider.ErasableFrom(application), application.LegalHold, version);
    }
}
