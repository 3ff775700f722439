using Fachwerk.Application.Alliances;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Pilots;
using Marten;

namespace Fachwerk.Host.Development;

/// <summary>The organisation, alliance and pilot project a demo user acts for: the demo world's, looked up by name in the read models.</summary>
public sealed record DemoUserBindings(Guid? Organisation, Guid? Alliance, Guid? Pilot)
{
    public static async Task<DemoUserBindings> LookUpAsync(DemoUser user, IQuerySession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(session);
        return new DemoUserBindings(
            await FindAsync<OrganisationDetails>(session, user.OrganisationName, o => o.Name == user.OrganisationName, o => o.Id, cancellation),
            await FindAsync<AllianceDetails>(session, user.AllianceName, a => a.Name == user.AllianceName, a => a.Id, cancellation),
            await FindAsync<PilotDetails>(session, user.PilotName, p => p.Name == user.PilotName, p => p.Id, cancellation));
    }

    private static async Task<Guid?> FindAsync<T>(
        IQuerySession session, string? name, System.Linq.Expressions.Expression<Func<T, bool>> match, Func<T, Guid> id, CancellationToken cancellation)
        where T : notnull
    {
        if (name is null) return null;
        var found = await session.Query<T>().Where(match).FirstOrDefaultAsync(cancellation);
        return found is null ? null : id(found);
    }
}
