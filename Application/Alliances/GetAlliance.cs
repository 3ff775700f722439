using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Alliances;

/// <summary>An organisation's membership in an alliance.</summary>
/// <param name="OrganisationId">The member organisation.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">Its kind.</param>
/// <param name="JoinedOn">The day it joined.</param>
/// <param name="LeftOn">The day it left, if it did.</param>
public sealed record AllianceMember(Guid OrganisationId, string Name, OrganisationKind Kind, DateOnly JoinedOn, DateOnly? LeftOn);

/// <summary>A recognition of the alliance by a state ministry.</summary>
/// <param name="Ministry">The ministry that recognized the alliance.</param>
/// <param name="RecognizedOn">The day of the recognition.</param>
/// <param name="FundingPeriod">The funding period it is for.</param>
/// <param name="WithdrawnOn">The day it was withdrawn, if it was.</param>
/// <param name="WithdrawalReason">Why it was withdrawn.</param>
public sealed record AllianceRecognitionRecord(string Ministry, DateOnly RecognizedOn, Period FundingPeriod, DateOnly? WithdrawnOn, string? WithdrawalReason);

/// <summary>
/// The alliance as a caseworker sees it: data, current recognition and its history, current and former members.
/// Updated inline, in the same transaction as the events.
/// </summary>
public sealed record AllianceDetails
{
    /// <summary>The alliance's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the alliance.</summary>
    public long Version { get; init; }
    /// <summary>The alliance's name.</summary>
    public string Name { get; init; } = "";
    /// <summary>The federal state its region lies in.</summary>
    public FederalState FederalState { get; init; }
    /// <summary>The districts it covers.</summary>
    public IReadOnlyList<string> Districts { get; init; } = [];
    /// <summary>The office that coordinates it.</summary>
    public string CoordinatingOffice { get; init; } = "";
    /// <summary>The day it was founded.</summary>
    public DateOnly FoundedOn { get; init; }
    /// <summary>Founded, recognized or dissolved.</summary>
    public AllianceStatus Status { get; init; }
    /// <summary>The current recognition by a state ministry, if any.</summary>
    public AllianceRecognitionRecord? Recognition { get; init; }
    /// <summary>Recognitions that were withdrawn or replaced.</summary>
    public IReadOnlyList<AllianceRecognitionRecord> FormerRecognitions { get; init; } = [];
    /// <summary>The current members.</summary>
    public IReadOnlyList<AllianceMember> Members { get; init; } = [];
    /// <summary>Organisations that left.</summary>
    public IReadOnlyList<AllianceMember> FormerMembers { get; init; } = [];
    /// <summary>How many members it has.</summary>
    public int MemberCount { get; init; }
    /// <summary>How many members of each kind of organisation it has.</summary>
    public IReadOnlyDictionary<OrganisationKind, int> MembersByKind { get; init; } = new Dictionary<OrganisationKind, int>();
    /// <summary>The target groups it focuses on.</summary>
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];
    /// <summary>The day it was dissolved, if it was.</summary>
    public DateOnly? DissolvedOn { get; init; }
    /// <summary>Why it was dissolved.</summary>
    public string? DissolutionReason { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }

    internal AllianceDetails WithMembers(IReadOnlyList<AllianceMember> members) =>
        this with
        {
            Members = members,
            MemberCount = members.Count,
            MembersByKind = members.GroupBy(m => m.Kind).ToDictionary(g => g.Key, g => g.Count()),
        };
}

public sealed partial class AllianceDetailsProjection : SingleStreamProjection<AllianceDetails, Guid>
{
    public static AllianceDetails Create(IEvent<AllianceFounded> e) => new()
    {
        Id = e.Data.AllianceId,
        Version = e.Version,
        Name = e.Data.Name,
        FederalState = e.Data.FederalState,
        Districts = e.Data.Districts,
        CoordinatingOffice = e.Data.CoordinatingOffice,
        FoundedOn = e.Data.FoundedOn,
        Status = AllianceStatus.Founded,
        LastChangedAt = e.Timestamp,
    };

    public static AllianceDetails Apply(IEvent<AllianceRecognized> e, AllianceDetails alliance) =>
        Touched(e, alliance) with
        {
            Status = AllianceStatus.Recognized,
            Recognition = new AllianceRecognitionRecord(e.Data.Ministry, e.Data.RecognizedOn, e.Data.FundingPeriod, null, null),
        };

    public static AllianceDetails Apply(IEvent<AllianceRecognitionWithdrawn> e, AllianceDetails alliance) =>
        Touched(e, alliance) with
        {
            Status = AllianceStatus.Founded,
            Recognition = null,
            FormerRecognitions = [.. alliance.FormerRecognitions, alliance.Recognition! with { WithdrawnOn = e.Data.WithdrawnOn, WithdrawalReason = e.Data.Reason }],
        };

    public static AllianceDetails Apply(IEvent<MemberJoined> e, AllianceDetails alliance) =>
        Touched(e, alliance).WithMembers(
            [.. alliance.Members, new AllianceMember(e.Data.OrganisationId, e.Data.OrganisationName, e.Data.Kind, e.Data.JoinedOn, null)]);

    public static AllianceDetails Apply(IEvent<MemberLeft> e, AllianceDetails alliance)
    {
        var leaving = alliance.Members.Single(m => m.OrganisationId == e.Data.OrganisationId);
        return Touched(e, alliance).WithMembers([.. alliance.Members.Where(m => m != leaving)]) with
        {
            FormerMembers = [.. alliance.FormerMembers, leaving with { LeftOn = e.Data.LeftOn }],
        };
    }

    public static AllianceDetails Apply(IEvent<AllianceTargetGroupsFocused> e, AllianceDetails alliance) =>
        Touched(e, alliance) with { TargetGroups = e.Data.TargetGroups };

    public static AllianceDetails Apply(IEvent<AllianceDissolved> e, AllianceDetails alliance) =>
        Touched(e, alliance) with
        {
            Status = AllianceStatus.Dissolved,
            Recognition = null,
            FormerRecognitions = alliance.Recognition is null
                ? alliance.FormerRecognitions
                : [.. alliance.FormerRecognitions, alliance.Recognition with { WithdrawnOn = e.Data.DissolvedOn, WithdrawalReason = "Alliance dissolved" }],
            DissolvedOn = e.Data.DissolvedOn,
            DissolutionReason = e.Data.Reason,
        };

    private static AllianceDetails Touched(IEvent e, AllianceDetails alliance) =>
        alliance with { Version = e.Version, LastChangedAt = e.Timestamp };
}

public static class GetAllianceEndpoint
{
    /// <summary>
    /// Reads one alliance. Its region, recognition, members and target groups, with the version to send with the next change.
    /// </summary>
    [WolverineGet("/api/alliances/{id}")]
    public static AllianceDetails Get([Document] AllianceDetails alliance) => alliance;
}
