using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Web.Api;

namespace Fachwerk.Web.Network;

/// <summary>A party a form can name: an organisation, an alliance or a network actor, by id and name.</summary>
public sealed record PartyChoice(Guid Id, string Name);

/// <summary>The parties a form offers, in groups (organisations, alliances, network actors), each group by its text key.</summary>
public sealed record NetworkPartyChoices(IReadOnlyList<PartyChoice> Organisations, IReadOnlyList<PartyChoice> Alliances, IReadOnlyList<PartyChoice> Actors)
{
    public static readonly NetworkPartyChoices None = new([], [], []);

    /// <summary>The groups in the order a select shows them, by the text key of their label.</summary>
    public IEnumerable<(string Key, IReadOnlyList<PartyChoice> Choices)> Groups =>
        [("network.party.organisations", Organisations), ("network.party.alliances", Alliances), ("network.party.actors", Actors)];

    /// <summary>The registry's organisations, alliances and network actors as the API lists them to the user.</summary>
    public static async Task<NetworkPartyChoices> LoadAsync(FachwerkApiClient api, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(api);
        var organisations = (await api.GetAsync<Page<OrganisationDetails>>($"/api/organisations?pageSize={Paging.MaxPageSize}", cancellation: cancellation)).Value?.Items ?? [];
        var alliances = (await api.GetAsync<Page<AllianceSummary>>($"/api/alliances?pageSize={Paging.MaxPageSize}", cancellation: cancellation)).Value?.Items ?? [];
        var actors = (await api.GetAsync<Page<NetworkActorSummary>>($"/api/network-actors?pageSize={Paging.MaxPageSize}", cancellation: cancellation)).Value?.Items ?? [];
        return new([.. organisations.Select(o => new PartyChoice(o.Id, o.Name))], [.. alliances.Select(a => new PartyChoice(a.Id, a.Name))],
            [.. actors.OrderBy(a => a.Name, StringComparer.CurrentCulture).Select(a => new PartyChoice(a.Id, a.Name))]);
    }

    /// <summary>The municipalities of the registry (a recommendation goes to one).</summary>
    public static async Task<IReadOnlyList<PartyChoice>> MunicipalitiesAsync(FachwerkApiClient api, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(api);
        var municipalities = (await api.GetAsync<Page<OrganisationDetails>>(
            $"/api/organisations?kind={OrganisationKind.Municipality}&pageSize={Paging.MaxPageSize}", cancellation: cancellation)).Value?.Items ?? [];
        return [.. municipalities.Select(o => new PartyChoice(o.Id, o.Name))];
    }
}
