using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Npgsql;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Two nodes on one database, each its own process as deployed (ADR 0125): they seed the demo world once, accept each other's
/// tokens, one runs the projections, and when that one is killed (SIGKILL) the other takes the projections over.
/// </summary>
public partial class SeveralNodesTests(AppFixture fixture) : IntegrationContext(fixture)
{

    [Fact]
    public async Task Two_nodes_seed_the_demo_world_once_share_tokens_and_a_survivor_takes_the_projections_over_after_a_kill()
    {
        var database = new NpgsqlConnectionStringBuilder(await NewDatabaseAsync("nodes")) { Pooling = true }.ConnectionString;
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["ConnectionStrings__Fachwerk"] = database,
            ["DemoWorld__Enabled"] = "true",
            ["Authentication__DevelopmentTokens"] = "true",
            ["PersonalData__KeyRingFile"] = KeyRingFile,
            ["Cluster__KeyFolder"] = Path.Combine(Path.GetTempPath(), $"fachwerk-nodes-keys-{Guid.NewGuid():N}"),
            ["Notifications__MailFolder"] = Path.Combine(Path.GetTempPath(), $"fachwerk-nodes-mail-{Guid.NewGuid():N}"),
            ["RateLimits__Enabled"] = "false",
        };
        await using var a = NodeProcess.Start("node-a", environment);
        await using var b = NodeProcess.Start("node-b", environment);
        var guard = TimeSpan.FromMinutes(6);

        // Started together, one seeds and the other waits for it, then finds everything in place.
        var sent = new[] { await CommandsSentAsync(a, guard), await CommandsSentAsync(b, guard) };
        sent.Count(n => n > 0).ShouldBe(1, string.Join(", ", sent));
        sent.ShouldContain(0);

        // A token the one node issued is accepted by the other (the shared signing key), and both see one demo world.
        var auditor = await TokenAsync(a, DemoUsers.Auditor);
        var alliances = await GetAsync<Page<AllianceSummary>>(b, auditor, "/api/alliances?pageSize=100");
        alliances.Items.Select(x => x.Name).ShouldBe(DemoWorldData.Alliances.Select(x => x.Name), ignoreOrder: true);

        // One node runs the budget projection; a rebuild sent to the other is answered with the node to send it to.
        var leaderName = await Eventually.Async(ProjectionNodeAsync(database), TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(200));
        var (leader, survivor) = leaderName == a.Name ? (a, b) : (b, a);
        var administrator = await TokenAsync(survivor, DemoUsers.Administrator);
        using (var rebuild = await SendAsync(survivor, administrator, HttpMethod.Post, $"/api/admin/projections/{Projection}/rebuilds"))
        {
            rebuild.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            var problem = await rebuild.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
            problem.GetProperty("code").GetString().ShouldBe("rebuild-not-on-leader");
            problem.GetProperty("projectionNode").GetString().ShouldBe(leader.Name);
        }

        // kill -9 of the node running it: the survivor takes the projection's lock and every projection advances again.
        var clock = Stopwatch.StartNew();
        leader.Kill();
        try
        {
            await Eventually.Async(async t => await ProjectionNodeAsync(database)(t) is { } node && node == survivor.Name ? node : null,
                TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(100));
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new ShouldAssertException($"{survivor.Name} did not take the projections over. Advisory locks: {await AdvisoryLocksAsync(database)}\n" +
                string.Join('\n', survivor.Output.TakeLast(60)));
        }

        var takenOver = clock.Elapsed;
        var caseworker = await TokenAsync(survivor, DemoUsers.Caseworker);
        using (var registered = await SendAsync(survivor, caseworker, HttpMethod.Post, "/api/organisations", new
               {
                   name = $"Nach dem Ausfall {Guid.NewGuid():N}", kind = "Association", town = "Hildesheim",
               }))
            registered.StatusCode.ShouldBe(HttpStatusCode.Created, await registered.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        try
        {
            await Eventually.Async(async t => await ProjectionsCaughtUpAsync(database, t) ? "caught up" : null, TimeSpan.FromMinutes(2),
                TimeSpan.FromMilliseconds(100));
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new ShouldAssertException($"The projections did not catch up: {await ProgressAsync(database)}\n" +
                string.Join('\n', survivor.Output.TakeLast(60)));
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{survivor.Name} held the projections' lock {takenOver.TotalSeconds:0.0} s after {leader.Name} was killed; caught up after {clock.Elapsed.TotalSeconds:0.0} s.");
    }

    private static async Task<int> CommandsSentAsync(NodeProcess node, TimeSpan within)
    {
        var line = await node.LineAsync(l => l.Contains("Demo world: ", StringComparison.Ordinal) &&
                                              (l.Contains("commands sent", StringComparison.Ordinal) || l.Contains("failed", StringComparison.Ordinal)), within);
        return int.Parse(CommandsSent().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Demo world: (\d+) commands sent")]
    private static partial Regex CommandsSent();

    private static async Task<string> TokenAsync(NodeProcess node, DemoUser user)
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        using var answer = await http.PostAsJsonAsync("/dev/token", new { user = user.Id }, TestContext.Current.CancellationToken);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await answer.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("accessToken").GetString()!;
    }

    private static async Task<T> GetAsync<T>(NodeProcess node, string token, string path)
    {
        using var answer = await SendAsync(node, token, HttpMethod.Get, path);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await answer.Content.ReadFromJsonAsync<T>(Json, TestContext.Current.CancellationToken))!;
    }

    private static async Task<HttpResponseMessage> SendAsync(NodeProcess node, string token, HttpMethod method, string path, object? body = null)
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = JsonContent.Create(body);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private const string Projection = "ProgrammeBudget";

    /// <summary>
    /// The node whose session holds the advisory lock of the budget projection's shard (Marten derives its id from the schema, the
    /// shard and the daemon's lock id 4444), by its sessions' application name.
    /// </summary>
    private static Func<CancellationToken, Task<string?>> ProjectionNodeAsync(string database) => async cancellation =>
    {
        var lockId = ProjectionLockIds.Compute("fachwerk", new ShardName(Projection, "All", 1), 4444);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' " +
            "AND l.granted AND l.objid::bigint = @id AND l.classid = 0 AND l.objsubid = 1 AND l.database = " +
            "(SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        command.Parameters.AddWithValue("id", (long)lockId);
        return await command.ExecuteScalarAsync(cancellation) is string name ? name.Replace("fachwerk ", "", StringComparison.Ordinal) : null;
    };

    private static async Task<string> ProgressAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(name || '=' || last_seq_id, ', ') || ' of ' || (SELECT max(seq_id) FROM fachwerk.mt_events) FROM fachwerk.mt_event_progression", connection);
        return await command.ExecuteScalarAsync() as string ?? "none";
    }

    private static async Task<string> AdvisoryLocksAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT string_agg(format('%s/%s/%s granted=%s by %s (%s)', l.classid, l.objid, l.objsubid, l.granted, a.application_name, a.state), '; ') " +
            "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory'", connection);
        return await command.ExecuteScalarAsync() as string ?? "none";
    }

    /// <summary>Whether every projection and subscription (their shards, "Name:All") has processed every event stored.</summary>
    private static async Task<bool> ProjectionsCaughtUpAsync(string database, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM fachwerk.mt_event_progression WHERE name LIKE '%:%' AND last_seq_id < " +
            "(SELECT max(seq_id) FROM fachwerk.mt_events)", connection);
        return (long)(await command.ExecuteScalarAsync(cancellation))! == 0;
    }
}
