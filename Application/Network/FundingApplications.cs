using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Marten;

namespace Fachwerk.Application.Network;

/// <summary>Loads the funding application a network record is linked to (its write model, as the rules need it).</summary>
public static class FundingApplications
{
    public static async Task<FundingApplication> LoadAsync(IQuerySession session, Guid applicationId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.Events.AggregateStreamAsync<FundingApplication>(applicationId, token: cancellation)
               ?? throw new UnknownEntity(Problems.NotFoundCode, $"There is no funding application with id {applicationId}.");
    }
}
