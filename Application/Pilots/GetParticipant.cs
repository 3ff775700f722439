using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>A participant's referral to a company.</summary>
/// <param name="CompanyId">The company.</param>
/// <param name="CompanyName">Its name.</param>
/// <param name="ReferredOn">The day of the referral.</param>
public sealed record ParticipantReferral(Guid CompanyId, string CompanyName, DateOnly ReferredOn);

/// <summary>A participant's placement with a company.</summary>
/// <param name="CompanyId">The company.</param>
/// <param name="CompanyName">Its name.</param>
/// <param name="PlacedOn">The day of the placement.</param>
public sealed record ParticipantPlacement(Guid CompanyId, string CompanyName, DateOnly PlacedOn);

/// <summary>A service a participant received.</summary>
/// <param name="Service">The service.</param>
/// <param name="DeliveredOn">The day it was delivered.</param>
public sealed record ParticipantService(PilotService Service, DateOnly DeliveredOn);

/// <summary>The erasure of a participant's personal data: who, when, on which ground.</summary>
/// <param name="LegalBasis">The ground for erasure.</param>
/// <param name="RequestedOn">The day the person asked.</param>
/// <param name="RequestReference">The file number of the request.</param>
/// <param name="ErasedBy">Who erased the data.</param>
/// <param name="ErasedAt">When.</param>
public sealed record ParticipantErasure(ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference, string ErasedBy, DateTimeOffset ErasedAt);

/// <summary>
/// A participant's record, one document per participant (inline, from the pilot's stream). The personal data are kept
/// sealed, as in the events; only the reads below open them. After the erasure the sealed data are dropped too.
/// </summary>
public sealed record ParticipantRecord
{
    public Guid Id { get; init; }
    public Guid PilotId { get; init; }
    public long PilotVersion { get; init; }
    public ParticipantKind Kind { get; init; }
    public DateOnly EnrolledOn { get; init; }
    public DateOnly? InternshipEndsOn { get; init; }
    public SealedPersonalData? PersonalData { get; init; }
    public ParticipantErasure? Erasure { get; init; }
    public IReadOnlyList<ParticipantReferral> Referrals { get; init; } = [];
    public ParticipantPlacement? Placement { get; init; }
    public IReadOnlyList<ParticipantService> Services { get; init; } = [];

    /// <summary>The participant's documents, their file names sealed (ADR 0105).</summary>
    public IReadOnlyList<ParticipantDocumentRecord> Documents { get; init; } = [];

    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class ParticipantRecordProjection : MultiStreamProjection<ParticipantRecord, Guid>
{
    public ParticipantRecordProjection()
    {
        Identity<IParticipantFact>(e => e.ParticipantId);
    }

    public static ParticipantRecord Create(IEvent<PilotParticipantEnrolled> e) => new()
    {
        Id = e.Data.ParticipantId,
        PilotId = e.Data.PilotId,
        PilotVersion = e.Version,
        Kind = e.Data.Kind,
        EnrolledOn = e.Data.EnrolledOn,
        InternshipEndsOn = e.Data.InternshipEndsOn,
        PersonalData = e.Data.PersonalData,
        LastChangedAt = e.Timestamp,
    };

    public static ParticipantRecord Apply(IEvent<PilotParticipantDataCorrected> e, ParticipantRecord participant) =>
        Touched(e, participant) with { PersonalData = e.Data.PersonalData };

    public static ParticipantRecord Apply(IEvent<PilotParticipantReferred> e, ParticipantRecord participant) =>
        Touched(e, participant) with
        {
            Referrals = [.. participant.Referrals, new ParticipantReferral(e.Data.CompanyId, e.Data.CompanyName, e.Data.ReferredOn)],
        };

    public static ParticipantRecord Apply(IEvent<PilotParticipantPlaced> e, ParticipantRecord participant) =>
        Touched(e, participant) with { Placement = new ParticipantPlacement(e.Data.CompanyId, e.Data.CompanyName, e.Data.PlacedOn) };

    public static ParticipantRecord Apply(IEvent<PilotServiceDelivered> e, ParticipantRecord participant) =>
        Touched(e, participant) with { Services = [.. participant.Services, new ParticipantService(e.Data.Service, e.Data.DeliveredOn)] };

    public static ParticipantRecord Apply(IEvent<PilotParticipantDocumentAttached> e, ParticipantRecord participant) =>
        Touched(e, participant) with
        {
            Documents =
            [
                .. participant.Documents,
                new ParticipantDocumentRecord(e.Data.DocumentId, e.Data.FileName, e.Data.MediaType, e.Data.Size, e.Data.Sha256, e.Data.Kind,
                    e.Data.RecordedBy, e.Data.RecordedAt),
            ],
        };

    public static ParticipantRecord Apply(IEvent<PilotParticipantDataErased> e, ParticipantRecord participant) =>
        Touched(e, participant) with
        {
            PersonalData = null,
            Erasure = new ParticipantErasure(e.Data.LegalBasis, e.Data.RequestedOn, e.Data.RequestReference, e.Data.RecordedBy, e.Data.RecordedAt),
        };

    private static ParticipantRecord Touched(IEvent e, ParticipantRecord participant) =>
        participant with { PilotVersion = e.Version, LastChangedAt = e.Timestamp };
}

public enum PersonalDataStatus
{
    Present,

    /// <summary>Erased on request, or (without an erasure event) the key no longer exists: nobody can read them.</summary>
    Erased,
}

/// <summary>A participant as authorized roles see them: the record with the personal data opened, or marked as erased.</summary>
/// <param name="Id">The participant's id.</param>
/// <param name="PilotId">The pilot project.</param>
/// <param name="Kind">Skilled worker or intern.</param>
/// <param name="EnrolledOn">The day they enrolled.</param>
/// <param name="InternshipEndsOn">The last day of an intern's stay.</param>
/// <param name="PersonalDataStatus">Whether the personal data are present or erased.</param>
/// <param name="DisplayName">The participant's name, or a marker once erased.</param>
/// <param name="PersonalData">The personal data, unless erased.</param>
/// <param name="Erasure">The erasure, if the data were erased.</param>
/// <param name="Referrals">The companies the participant was referred to.</param>
/// <param name="Placement">The company they were placed with, if any.</param>
/// <param name="Services">The services they received.</param>
/// <param name="PilotVersion">The pilot's version after the participant's last change: send it as <c>expectedVersion</c>.</param>
public sealed record ParticipantView(
    Guid Id,
    Guid PilotId,
    ParticipantKind Kind,
    DateOnly EnrolledOn,
    DateOnly? InternshipEndsOn,
    PersonalDataStatus PersonalDataStatus,
    string DisplayName,
    ParticipantPersonalData? PersonalData,
    ParticipantErasure? Erasure,
    IReadOnlyList<ParticipantReferral> Referrals,
    ParticipantPlacement? Placement,
    IReadOnlyList<ParticipantService> Services,
    long PilotVersion)
{
    public const string ErasedName = "[personal data erased]";

    /// <summary>The participant's documents; each file name is shown only while the personal data are present.</summary>
    public IReadOnlyList<ParticipantDocumentView> Documents { get; init; } = [];

    public static ParticipantView Of(ParticipantRecord record, IReadOnlyDictionary<Guid, ParticipantPersonalData> opened)
    {
        var personalData = record.PersonalData is not null && opened.TryGetValue(record.Id, out var data) ? data : null;
        return new ParticipantView(record.Id, record.PilotId, record.Kind, record.EnrolledOn, record.InternshipEndsOn,
            personalData is null ? PersonalDataStatus.Erased : PersonalDataStatus.Present,
            personalData is null ? ErasedName : $"{personalData.GivenName} {personalData.FamilyName}",
            personalData, record.Erasure, record.Referrals, record.Placement, record.Services, record.PilotVersion);
    }
}

/// <summary>Which participants to list.</summary>
/// <param name="Kind">Only skilled workers or only interns.</param>
public sealed record ParticipantQuery(ParticipantKind? Kind = null, int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class ParticipantQueryValidator : AbstractValidator<ParticipantQuery>
{
    public ParticipantQueryValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        this.PagingRules();
    }
}

/// <summary>The only reads that open personal data; they are for the roles that need them, and answer only (never store).</summary>
public static class GetParticipantEndpoints
{
    public static void Before(Guid pilotId, ClaimsPrincipal user) => user.EnsureActsForPilot(pilotId, withoutBinding: PilotRoles.PersonalDataReadersWithoutBinding);

    /// <summary>
    /// Reads one participant of a pilot project, with their personal data (unless erased) and the services, referrals and
    /// placement they had.
    /// </summary>
    [Authorize(Roles = PilotRoles.PersonalDataReaders)]
    [WolverineGet("/api/pilots/{pilotId}/participants/{participantId}")]
    [ProducesResponseType<ParticipantView>(StatusCodes.Status200OK)]
    public static async Task<IResult> Get(
        Guid pilotId, Guid participantId, IQuerySession session, PersonalDataVault vault, CancellationToken cancellation)
    {
        var record = await session.LoadAsync<ParticipantRecord>(participantId, cancellation);
        if (record is null || record.PilotId != pilotId)
            return Results.Problem(Problems.NotFound($"There is no participant {participantId} in pilot {pilotId}."));

        var opened = await vault.OpenAsync<ParticipantPersonalData>(session, Sealed([record]), cancellation);
        return Results.Ok((await WithDocumentsAsync([record], [ParticipantView.Of(record, opened)], session, vault, cancellation))[0]);
    }

    /// <summary>Lists a pilot project's participants with their personal data (unless erased), one page at a time.</summary>
    [Authorize(Roles = PilotRoles.PersonalDataReaders)]
    [WolverineGet("/api/pilots/{pilotId}/participants")]
    public static async Task<Page<ParticipantView>> List(
        [Document("pilotId")] PilotDetails pilot, [FromQuery] ParticipantQuery query, IQuerySession session, PersonalDataVault vault,
        CancellationToken cancellation)
    {
        var participants = session.Query<ParticipantRecord>().Where(p => p.PilotId == pilot.Id);
        if (query.Kind is { } kind)
            participants = participants.Where(p => p.Kind == kind);

        var page = await participants.PageAsync(p => p.OrderBy(x => x.EnrolledOn).ThenBy(x => x.Id), query.Page, query.PageSize, cancellation);
        var opened = await vault.OpenAsync<ParticipantPersonalData>(session, Sealed(page.Items), cancellation);
        var views = await WithDocumentsAsync(page.Items, [.. page.Items.Select(p => ParticipantView.Of(p, opened))], session, vault, cancellation);
        return new Page<ParticipantView>(views, page.PageNumber, page.PageSize, page.TotalItems, page.PageCount);
    }

    /// <summary>The views with their participants' documents, each file name opened (or none, once the key is destroyed).</summary>
    private static async Task<IReadOnlyList<ParticipantView>> WithDocumentsAsync(
        IReadOnlyList<ParticipantRecord> records, IReadOnlyList<ParticipantView> views, IQuerySession session, PersonalDataVault vault,
        CancellationToken cancellation)
    {
        var documents = records.SelectMany(r => r.Documents).ToList();
        var names = await vault.OpenEachAsync<ParticipantDocumentName>(session, [.. documents.Select(d => d.FileName)], cancellation);
        var named = documents.Select((d, i) => ParticipantDocumentView.Of(d, names[i]?.FileName)).ToDictionary(d => d.DocumentId);
        return [.. records.Zip(views, (record, view) => view with { Documents = [.. record.Documents.Select(d => named[d.DocumentId])] })];
    }

    private static IEnumerable<SealedPersonalData> Sealed(IEnumerable<ParticipantRecord> records) =>
        records.Select(r => r.PersonalData).OfType<SealedPersonalData>();
}
