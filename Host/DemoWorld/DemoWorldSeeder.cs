using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Host.Authentication;

namespace Fachwerk.Host.DemoWorld;

/// <summary>
/// Loads the demo world through the public HTTP API, with the same commands (and the same validation, rules and
/// metadata) a user would send. Idempotent: what already exists (looked up by name) is left alone.
/// </summary>
public sealed partial class DemoWorldSeeder(HttpClient api, ILogger logger)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static readonly DemoUser Registrar = DemoUsers.Caseworker;

    /// <summary>Seeds what is missing; returns the number of commands sent.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellation)
    {
        var commands = 0;
        var organisations = new Dictionary<string, Guid>();
        foreach (var organisation in DemoWorldData.Organisations)
        {
            var existing = await FindAsync<OrganisationDetails>(
                $"/api/organisations?name={Uri.EscapeDataString(organisation.Name)}", o => o.Name == organisation.Name, cancellation);
            if (existing is not null)
            {
                organisations[organisation.Name] = existing.Id;
                continue;
            }

            var created = await SendAsync<StreamCreated>(HttpMethod.Post, "/api/organisations",
                new RegisterOrganisation(organisation.Name, organisation.Kind, organisation.Town, "Demo world"), cancellation);
            organisations[organisation.Name] = created.Id;
            commands++;
        }

        foreach (var alliance in DemoWorldData.Alliances)
        {
            var existing = await FindAsync<AllianceSummary>(
                $"/api/alliances?name={Uri.EscapeDataString(alliance.Name)}", a => a.Name == alliance.Name, cancellation);
            if (existing is not null) continue;

            commands += await FoundAllianceAsync(alliance, organisations, cancellation);
        }

        commands += await SeedPilotsAsync(cancellation);

        logger.LogInformation("Demo world: {Commands} commands sent", commands);
        return commands;
    }

    private async Task<int> FoundAllianceAsync(DemoAlliance alliance, Dictionary<string, Guid> organisations, CancellationToken cancellation)
    {
        var founded = await SendAsync<StreamCreated>(HttpMethod.Post, "/api/alliances",
            new FoundAlliance(alliance.Name, alliance.FederalState, alliance.Districts, alliance.CoordinatingOffice, alliance.FoundedOn), cancellation);
        var url = founded.Url;
        var version = founded.Version;
        var commands = 1;

        if (alliance.Recognition is { } recognition)
        {
            version = (await SendAsync<CommandAccepted>(HttpMethod.Post, $"{url}/recognition",
                new RecognizeAlliance(version, recognition.Ministry, recognition.RecognizedOn, recognition.FundingPeriod), cancellation)).Version;
            commands++;
        }

        version = (await SendAsync<CommandAccepted>(HttpMethod.Put, $"{url}/target-groups",
            new FocusOnTargetGroups(version, alliance.TargetGroups), cancellation)).Version;
        commands++;

        foreach (var (organisation, joinedOn) in alliance.Members)
        {
            version = (await SendAsync<CommandAccepted>(HttpMethod.Post, $"{url}/members",
                new AdmitMember(version, organisations[organisation], joinedOn), cancellation)).Version;
            commands++;
        }

        return commands;
    }

    private async Task<T?> FindAsync<T>(string url, Func<T, bool> match, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add(DevelopmentAuthenticationHandler.HeaderName, Registrar.Id);
        using var response = await api.SendAsync(request, cancellation);
        await EnsureSuccessAsync(response, request, cancellation);
        var page = await response.Content.ReadFromJsonAsync<Page<T>>(Json, cancellation);
        return page!.Items.FirstOrDefault(match);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string url, object command, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(command, command.GetType(), options: Json) };
        request.Headers.Add(DevelopmentAuthenticationHandler.HeaderName, Registrar.Id);
        using var response = await api.SendAsync(request, cancellation);
        await EnsureSuccessAsync(response, request, cancellation);
        return (await response.Content.ReadFromJsonAsync<T>(Json, cancellation))!;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, HttpRequestMessage request, CancellationToken cancellation)
    {
        if (response.IsSuccessStatusCode) return;
        var problem = await response.Content.ReadAsStringAsync(cancellation);
        throw new InvalidOperationException(
            $"Demo world: {request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {problem}");
    }
}
