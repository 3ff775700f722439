using Fachwerk.Application.Common;
using Fachwerk.Domain.People;
using JasperFx.Events.Projections;
using Marten;

namespace Fachwerk.Application.People;

/// <summary>
/// People's bindings: one stream per person, the write model kept as an inline snapshot, so that every request finds what its
/// caller acts for with one lookup by primary key (<see cref="RecordedBindings"/>).
/// </summary>
public sealed class PeopleModule : FachwerkModule
{
    public override void ConfigureStore(StoreOptions opts)
    {
        KnowEventsOf<Person>(opts);
        opts.Projections.Add(new WriteModelProjection<Person>(), ProjectionLifecycle.Inline);
    }
}
