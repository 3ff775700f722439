using Fachwerk.Application.Alliances;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.People;
using Marten;

namespace Fachwerk.Application.People;

/// <summary>What a binding may name: an organisation, alliance or pilot project that exists.</summary>
public static class BindingTargets
{
    public const string UnknownCode = "person.unknown-binding-target";

    public static async Task EnsureExistsAsync(IQuerySession session, Binding binding, CancellationToken cancellation)
    {
        var (exists, what) = binding.Kind switch
        {
            BindingKind.Organisation => (await session.Query<OrganisationDetails>().AnyAsync(o => o.Id == binding.TargetId, cancellation), "organisation"),
            BindingKind.Alliance => (await session.Query<AllianceDetails>().AnyAsync(a => a.Id == binding.TargetId, cancellation), "alliance"),
            _ => (await session.Query<PilotDetails>().AnyAsync(p => p.Id == binding.TargetId, cancellation), "pilot project"),
        };
        if (!exists) throw new UnknownEntity(UnknownCode, $"There is no {what} with id {binding.TargetId}.");
    }
}
