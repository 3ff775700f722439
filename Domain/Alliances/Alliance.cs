using System.Collections.Immutable;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;

namespace Fachwerk.Domain.Alliances;

public enum AllianceStatus
{
    /// <summary>Founded, not (or no longer) recognized by a ministry.</summary>
    Founded,
    Recognized,
    Dissolved,
}

public sealed record Recognition(string Ministry, DateOnly RecognizedOn, Period FundingPeriod);

public sealed record Membership(Guid OrganisationId, string OrganisationName, OrganisationKind Kind, DateOnly JoinedOn);

/// <summary>
/// Write model of a Fachkräftebündnis, folded from its events. Immutable: every event yields a new state.
/// </summary>
public sealed record Alliance(
    Guid Id,
    string Name,
    FederalState FederalState,
    ImmutableArray<string> Districts,
    DateOnly FoundedOn,
    AllianceStatus Status,
    Recognition? Recognition,
    ImmutableDictionary<Guid, Membership> Members,
    ImmutableArray<TargetGroup> TargetGroups) : IEventSourced<Alliance>
{
    public static Alliance Evolve(Alliance? alliance, object @event) => (alliance, @event) switch
    {
        (null, AllianceFounded founded) => new Alliance(founded.AllianceId, founded.Name, founded.FederalState,
            [.. founded.Districts], founded.FoundedOn, AllianceStatus.Founded, null, ImmutableDictionary<Guid, Membership>.Empty, []),
        (null, _) => throw new UnexpectedFirstEventException(typeof(Alliance), @event),

        (_, AllianceRecognized recognized) => alliance with
        {
            Status = AllianceStatus.Recognized,
            Recognition = new Recognition(recognized.Ministry, recognized.RecognizedOn, recognized.FundingPeriod),
        },
        (_, AllianceRecognitionWithdrawn) => alliance with { Status = AllianceStatus.Founded, Recognition = null },
        (_, MemberJoined joined) => alliance with
        {
            Members = alliance.Members.SetItem(joined.OrganisationId,
                new Membership(joined.OrganisationId, joined.OrganisationName, joined.Kind, joined.JoinedOn)),
        },
        (_, MemberLeft left) => alliance with { Members = alliance.Members.Remove(left.OrganisationId) },
        (_, AllianceTargetGroupsFocused focused) => alliance with { TargetGroups = [.. focused.TargetGroups] },
        (_, AllianceDissolved) => alliance with { Status = AllianceStatus.Dissolved, Recognition = null },
        _ => alliance,
    };

    public bool Covers(string district) => Districts.Contains(district, StringComparer.OrdinalIgnoreCase);
}
