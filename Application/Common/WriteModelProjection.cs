using Fachwerk.Domain.Common;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Common;

/// <summary>
/// Lets Marten fold a domain write model (live, per command) with the domain's own pure Evolve function,
/// so the Domain project needs no reference to Marten or its source generator.
/// </summary>
public sealed class WriteModelProjection<T> : SingleStreamProjection<T, Guid> where T : class, IEventSourced<T>
{
    public override T Evolve(T? snapshot, Guid id, IEvent e) => T.Evolve(snapshot, e.Data);
}
