using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Alba;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.LocalPostgres;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// The host on a PostgreSQL cluster of its own that the tests stop and start again, as a restart or failover of the database
/// does (ADR 0080): commands answer 503 with Retry-After as problem details meanwhile, the host is not ready, nothing answered
/// 2xx is lost, and a creating command cut off mid-flight can be repeated with its Idempotency-Key.
/// </summary>
public sealed class DatabaseOutageTests : IAsyncLifetime
{
    private readonly LocalPostgresCluster _cluster = LocalPostgresCluster.Throwaway();
    private IAlbaHost? _host;
    private HttpClient? _client;

    private IAlbaHost Host => _host!;
    private HttpClient Client => _client!;

    public async ValueTask InitializeAsync()
    {
        _cluster.Start(preferredPort: 0);
        JasperFxEnvironment.AutoStartHost = true;
        _host = await AlbaHost.For<Program>(builder => TestHost.Configure(builder, _cluster.ConnectionString, new FakeTimeProvider(AppFixture.Start)));
        _client = Host.Server.CreateClient();
        var token = Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(DemoUsers.Caseworker);
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        if (_host is not null)
        {
            await _host.StopAsync();
            await _host.DisposeAsync();
        }

        _cluster.Stop();
    }

    [Fact]
    public async Task During_a_database_restart_commands_answer_503_with_Retry_After_and_nothing_answered_2xx_is_lost()
    {
        var before = await Register("Leea GmbH", expected: HttpStatusCode.Created);

        _cluster.Interrupt();

        var during = await Client.PostAsJsonAsync("/api/organisations", Registration("Tollense Werkstätten"), ApiJson.Options, Cancellation);
        await ShouldBeUnavailable(during, Problems.DatabaseUnavailableCode, Problems.OutcomeUnknownCode);
        await ShouldBeUnavailable(await Client.GetAsync("/api/organisations", Cancellation), Problems.DatabaseUnavailableCode);
        (await Client.GetAsync("/health/ready", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);

        _cluster.Start(_cluster.Port);

        // Connections the pool held across the restart are found broken on their first use; a client that sends again after
        // Retry-After is served once those are gone, within the pool's size.
        var after = await RegisterOnceServed("Tollense Werkstätten");
        (await Client.GetAsync("/health/ready", Cancellation)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = await Client.GetFromJsonAsync<Page<OrganisationDetails>>("/api/organisations", ApiJson.Options, Cancellation);
        listed!.Items.Select(o => o.Id).ShouldBe([before, after], ignoreOrder: true);
    }

    [Fact]
    public async Task A_creating_command_cut_off_by_the_database_mid_flight_can_be_repeated_with_its_key()
    {
        var key = Guid.NewGuid().ToString();
        Task<HttpResponseMessage> cutOff;
        await using (var blocker = await Blocking("fachwerk.mt_events"))
        {
            cutOff = Send(Registration("Haus Steinstraße e.V."), key);
            await WaitUntilWaitingForALock();
            _cluster.Interrupt(immediate: true);
        }

        var answer = await cutOff;
        await ShouldBeUnavailable(answer, Problems.OutcomeUnknownCode);
        _cluster.Start(_cluster.Port);

        var repeated = await SendOnceServed(Registration("Haus Steinstraße e.V."), key);
        repeated.StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await Send(Registration("Haus Steinstraße e.V."), key);
        again.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await again.Content.ReadAsStringAsync(Cancellation)).ShouldBe(await repeated.Content.ReadAsStringAsync(Cancellation));
        var listed = await Client.GetFromJsonAsync<Page<OrganisationDetails>>("/api/organisations", ApiJson.Options, Cancellation);
        listed!.TotalItems.ShouldBe(1);
    }

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static RegisterOrganisation Registration(string name) => new(name, OrganisationKind.Association, "Neubrandenburg");

    private Task<HttpResponseMessage> Send(RegisterOrganisation command, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/organisations") { Content = JsonContent.Create(command, options: ApiJson.Options) };
        request.Headers.Add("Idempotency-Key", key);
        return Client.SendAsync(request, Cancellation);
    }

    private async Task<Guid> Register(string name, HttpStatusCode expected)
    {
        var response = await Client.PostAsJsonAsync("/api/organisations", Registration(name), ApiJson.Options, Cancellation);
        response.StatusCode.ShouldBe(expected);
        return (await response.Content.ReadFromJsonAsync<StreamCreated>(ApiJson.Options, Cancellation))!.Id;
    }

    /// <summary>Sends as a client that honours Retry-After would, without waiting: each 503 must carry it, and one of the first few is served.</summary>
    private async Task<HttpResponseMessage> SendOnceServed(RegisterOrganisation command, string key)
    {
        for (var attempt = 0; attempt < 3 * 32; attempt++)
        {
            var response = await Send(command, key);
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable) return response;
            response.Headers.RetryAfter.ShouldNotBeNull();
        }

        throw new InvalidOperationException("The host still answers 503 after the database came back.");
    }

    private async Task<Guid> RegisterOnceServed(string name)
    {
        var response = await SendOnceServed(Registration(name), Guid.NewGuid().ToString());
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<StreamCreated>(ApiJson.Options, Cancellation))!.Id;
    }

    private static async Task ShouldBeUnavailable(HttpResponseMessage response, params string[] codes)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(Problems.RetryAfterSeconds));
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>(ApiJson.Options, Cancellation))!;
        problem.Status.ShouldBe(503);
        problem.Type.ShouldBeOneOf([.. codes.Select(Problems.TypeOf)]);
    }

    /// <summary>A transaction holding <paramref name="table"/> locked, so that a command's append waits until the database goes.</summary>
    private async Task<NpgsqlConnection> Blocking(string table)
    {
        var connection = new NpgsqlConnection(_cluster.ConnectionStringFor(LocalPostgresCluster.DatabaseName) + ";Pooling=false");
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand($"begin; lock table {table} in access exclusive mode", connection);
        await command.ExecuteNonQueryAsync(Cancellation);
        return connection;
    }

    /// <summary>Until a session of the host waits for the lock (a guard of a minute, not a measurement).</summary>
    private async Task WaitUntilWaitingForALock()
    {
        await using var connection = new NpgsqlConnection(_cluster.ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync(Cancellation);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
        guard.CancelAfter(TimeSpan.FromMinutes(1));
        while (true)
        {
            await using var waiting = new NpgsqlCommand("select count(*) from pg_stat_activity where wait_event_type = 'Lock'", connection);
            if ((long)(await waiting.ExecuteScalarAsync(guard.Token))! > 0) return;
            await Task.Delay(20, guard.Token);
        }
    }
}
