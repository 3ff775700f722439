using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using JasperFx.Events;
using Marten.Events.Aggregation;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Alliances;

public sealed record AllianceMember(Guid OrganisationId, string Name, OrganisationKind Kind, DateOnly JoinedOn, DateOnly? LeftOn);

public sealed record AllianceRecognitionRecord(string Ministry, DateOnly RecognizedOn, Period FundingPeriod, DateOnly? WithdrawnOn, string? WithdrawalReason);

/// <summary>
/// The alliance as a caseworker sees it: data, current recognition and its history, current and former members.
/// Updated inline, in the same transaction as the events.
/// </summary>
public sealed record AllianceDetails
{
    public Guid Id { get; init; }
    public long Version { get; init; }
    public string Name { get; init; } = "";
    public FederalState FederalState { get; init; }
    public IReadOnlyList<string> Districts { get; init; } = [];
    public string CoordinatingOffice { get; init; } = "";
    public DateOnly FoundedOn { get; init; }
    public AllianceStatus Status { get; init; }
    public AllianceRecognitionRecord? Recognition { get; init; }
    public IReadOnlyList<AllianceRecognitionRecord> FormerRecognitions { get; init; } = [];
    public IReadOnlyList<AllianceMember> Members { get; init; } = [];
    public IReadOnlyList<AllianceMember> FormerMembers { get; init; } = [];
    public int MemberCount { get; init; }
    public IReadOnlyDictionary<OrganisationKind, int> MembersByKind { get; init; } = new Dictionary<OrganisationKind, int>();
    public IReadOnlyList<TargetGroup> TargetGroups { get; init; } = [];
    public DateOnly? DissolvedOn { get; init; }
    public string? DissolutionReason { get; init; }
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
    /// Reads one alliance: its region, recognition, members and target groups, with the version to send with the next change.
    /// </summary>
    [WolverineGet("/api/alliances/{id}")]
    public static AllianceDetails Get([Document] AllianceDetails alliance) => alliance;
}
