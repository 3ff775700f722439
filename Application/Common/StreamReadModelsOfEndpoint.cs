using Marten;
using Marten.Services.BatchQuerying;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Application.Common;

/// <summary>
/// The endpoint's stream, named by the route argument <see cref="RouteArgument"/>, its write model <see cref="Aggregate"/>, and
/// its read models to load when the command's transaction begins (endpoint metadata, set by <see cref="CommandTransactionPolicy"/>).
/// </summary>
public sealed record StreamReadModelsOfEndpoint(string RouteArgument, Type Aggregate, StreamReadModels ReadModels)
{
    /// <summary>
    /// Queues the loads of the read models of the stream the request names in <paramref name="batch"/> and remembers them on the
    /// request (<see cref="PreloadedReadModels"/>); false, and nothing queued, when the route's value is no id (the endpoint
    /// answers that itself).
    /// </summary>
    public bool QueueIn(IDocumentSession session, IBatchedQuery batch, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!Guid.TryParse(http.Request.RouteValues[RouteArgument]?.ToString(), out var streamId)) return false;
        PreloadedReadModels.Remember(http, ReadModels.QueueIn(session, batch, streamId));
        return true;
    }
}
