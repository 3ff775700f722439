using Fachwerk.Domain.Common;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Fachwerk.Application.Common;

/// <summary>
/// Lets Marten fold a domain write model (live per command, or as an inline snapshot) with the domain's own pure
/// Evolve function, so the Domain project needs no reference to Marten or its source generator.
/// </summary>
public sealed class WriteModelProjection<T> : SingleStreamProjection<T, Guid> where T : class, IEventSourced<T>
{
    public WriteModelProjection()
    {
        // The aggregate's events are the recorded facts declared in its namespace (Domain/<Aggregate>/); an inline
        // snapshot must not be offered the events of other streams.
        foreach (var eventType in typeof(T).Assembly.GetTypes().Where(t =>
                     t.Namespace == typeof(T).Namespace && t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IRecordedFact))))
        {
            IncludeType(eventType);
        }
    }

    public override T Evolve(T? snapshot, Guid id, IEvent e) => T.Evolve(snapshot, e.Data);
}
