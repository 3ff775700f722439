using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Cooperation;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Network.Cooperation;

/// <summary>A cooperation agreement: parties, subject, term, extensions and termination. Updated inline.</summary>
public sealed record CooperationAgreementDetails
{
    /// <summary>The agreement's id.</summary>
    public Guid Id { get; init; }
    /// <summary>Its version: send it as <c>expectedVersion</c> with the next command on the agreement.</summary>
    public long Version { get; init; }
    /// <summary>What the parties agreed to do together.</summary>
    public string Subject { get; init; } = "";
    /// <summary>The parties.</summary>
    public IReadOnlyList<NetworkParty> Parties { get; init; } = [];
    /// <summary>The ids of the parties (for the list's filter).</summary>
    public IReadOnlyList<Guid> PartyIds { get; init; } = [];
    /// <summary>The day it was concluded.</summary>
    public DateOnly ConcludedOn { get; init; }
    /// <summary>The first day it applies.</summary>
    public DateOnly ValidFrom { get; init; }
    /// <summary>The last day it applies, as extended; none when open-ended.</summary>
    public DateOnly? ValidUntil { get; init; }
    /// <summary>The ends it had before each extension.</summary>
    public IReadOnlyList<DateOnly> PreviousEnds { get; init; } = [];
    /// <summary>The day it was terminated, if it was.</summary>
    public DateOnly? TerminatedOn { get; init; }
    /// <summary>Why it was terminated.</summary>
    public string? TerminationReason { get; init; }
    /// <summary>When it last changed.</summary>
    public DateTimeOffset LastChangedAt { get; init; }
}

public sealed partial class CooperationAgreementDetailsProjection : SingleStreamProjection<CooperationAgreementDetails, Guid>
{
    public static CooperationAgreementDetails Create(IEvent<CooperationAgreementConcluded> e) => new()
    {
        Id = e.Data.AgreementId,
        Version = e.Version,
        Subject = e.Data.Subject,
        Parties = e.Data.Parties,
        PartyIds = [.. e.Data.Parties.Select(p => p.Id)],
        ConcludedOn = e.Data.ConcludedOn,
        ValidFrom = e.Data.ValidFrom,
        ValidUntil = e.Data.ValidUntil,
        LastChangedAt = e.Timestamp,
    };

    public static CooperationAgreementDetails Apply(IEvent<CooperationAgreementExtended> e, CooperationAgreementDetails agreement) =>
        agreement with
        {
            Version = e.Version, LastChangedAt = e.Timestamp, ValidUntil = e.Data.NewEnd, PreviousEnds = [.. agreement.PreviousEnds, e.Data.PreviousEnd],
        };

    public static CooperationAgreementDetails Apply(IEvent<CooperationAgreementTerminated> e, CooperationAgreementDetails agreement) =>
        agreement with { Version = e.Version, LastChangedAt = e.Timestamp, TerminatedOn = e.Data.TerminatedOn, TerminationReason = e.Data.Reason };
}
