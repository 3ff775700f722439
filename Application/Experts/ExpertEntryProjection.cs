using Fachwerk.Domain.Experts;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Experts;

/// <summary>Keeps <see cref="ExpertEntry"/> inline, in the same transaction as the directory's events.</summary>
public sealed class ExpertEntryProjection : SingleStreamProjection<ExpertEntry, Guid>
{
    public static ExpertEntry Create(IEvent<ExpertRegistered> e) => new()
    {
        Id = e.Data.ExpertId,
        Version = e.Version,
        UserId = e.Data.UserId,
        DisplayName = e.Data.DisplayName,
        Affiliation = e.Data.Affiliation,
        Fields = e.Data.Fields,
        Email = e.Data.Email,
        Active = true,
        RegisteredAt = e.Data.RecordedAt,
    };

    public static ExpertEntry Apply(IEvent<ExpertEntryChanged> e, ExpertEntry entry) => entry with
    {
        Version = e.Version,
        DisplayName = e.Data.DisplayName,
        Affiliation = e.Data.Affiliation,
        Fields = e.Data.Fields,
        Email = e.Data.Email,
    };

    public static ExpertEntry Apply(IEvent<ExpertWithdrawn> e, ExpertEntry entry) => entry with
    {
        Version = e.Version,
        Active = false,
        WithdrawnAt = e.Data.RecordedAt,
        WithdrawalReason = e.Data.Reason,
    };
}
