using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Network.Actors;

public static class GetNetworkActorEndpoint
{
    /// <summary>Reads one network actor: kind, office, area covered, members and their roles, contact persons (no personal data).</summary>
    [WolverineGet("/api/network-actors/{id}")]
    public static NetworkActorDetails Get([Document] NetworkActorDetails actor) => actor;
}
