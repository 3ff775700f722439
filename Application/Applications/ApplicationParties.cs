using Fachwerk.Domain.Applications;
using Microsoft.Extensions.Caching.Memory;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The programme and the alliance of the applications this node has seen. Both are set when an application is drafted and never
/// change (<see cref="FundingApplication"/>'s Evolve takes them from <c>ApplicationDrafted</c> alone), so an endpoint that decides
/// from them can read them in the batch that reads the application's stream instead of after it (issue 25, ADR 0137). Bounded;
/// a miss costs the round trip it would have saved, and what was read is always checked against the application's stream.
/// </summary>
public sealed class ApplicationParties : IDisposable
{
    /// <summary>The applications remembered at most; beyond it the cache drops some (a few megabytes).</summary>
    public const int Capacity = 100_000;

    private static readonly MemoryCacheEntryOptions One = new() { Size = 1 };

    private readonly MemoryCache _known = new(new MemoryCacheOptions { SizeLimit = Capacity });

    /// <summary>The programme and the alliance of <paramref name="application"/>, if this node has seen it.</summary>
    public Known? Of(Guid application) => _known.TryGetValue(application, out Known? known) ? known : null;

    public void Remember(FundingApplication application)
    {
        ArgumentNullException.ThrowIfNull(application);
        Remember(application.Id, application.ProgrammeId, application.AllianceId);
    }

    public void Remember(Guid application, Guid programme, Guid alliance) => _known.Set(application, new Known(programme, alliance), One);

    public void Dispose() => _known.Dispose();

    public sealed record Known(Guid ProgrammeId, Guid AllianceId);
}
