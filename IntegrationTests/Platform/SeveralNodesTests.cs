using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Npgsql;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Two nodes on one database, each its own process as deployed (ADR 0125): they seed the demo world once, accept each other's
/// tokens, one runs the projections, and when that one is killed (SIGKILL) in the middle of approvals the other takes the
/// projections over and settles the budget workflow the dead node had accepted, each commitment exactly once.
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

        // Approvals are confirmed on that node, and it is killed (kill -9) as soon as the first is answered: the budget workflow
        // behind the confirmations is that node's, in flight or not yet started, and some confirmations are cut off.
        var proposals = await ProposedApprovalsAsync(leader, count: 6);
        var approver = await TokenAsync(leader, DemoUsers.Approver);
        var firstAnswered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var confirmations = proposals.Select(proposal => Task.Run(async () =>
        {
            try
            {
                using var answer = await SendAsync(leader, approver, HttpMethod.Post, $"/api/applications/{proposal.Id}/decision-confirmation",
                    new ConfirmDecision(proposal.Version));
                if (answer.IsSuccessStatusCode) firstAnswered.TrySetResult();
            }
            catch (HttpRequestException)
            {
                // Cut off by the kill: whether it was recorded, the store tells.
            }
        })).ToList();
        await firstAnswered.Task.WaitAsync(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);

        // kill -9 of the node running it: the survivor takes the projection's lock and every projection advances again.
        var clock = Stopwatch.StartNew();
        leader.Kill();
        await Task.WhenAll(confirmations);
        var ids = proposals.Select(p => p.Id).ToArray();
        var atTheKill = await StatusesAsync(database, ids);
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
        var caughtUp = clock.Elapsed;

        // The dead node's messages are the survivor's once Wolverine has seen that node stale: every confirmation recorded ends
        // committed exactly once; one that was not recorded left its application as proposed, nothing half done.
        IReadOnlyDictionary<Guid, string> settled;
        try
        {
            settled = await Eventually.Async(async _ => await StatusesAsync(database, ids) is var now && !now.Values.Contains("AwaitingCommitment") ? now : null,
                TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(100));
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new ShouldAssertException($"Commitments did not settle on {survivor.Name}: {string.Join(", ", (await StatusesAsync(database, ids)).Values)}\n" +
                string.Join('\n', survivor.Output.TakeLast(60)));
        }

        settled.Values.ShouldAllBe(status => status == "Approved" || status == "DecisionProposed");
        settled.Values.Count(status => status == "Approved").ShouldBeGreaterThanOrEqualTo(1);
        var commitments = await CommitmentsAsync(database, ids);
        foreach (var (id, status) in settled)
            commitments.GetValueOrDefault(id).ShouldBe(status == "Approved" ? 1 : 0, $"commitments of {id} ({status})");
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{survivor.Name} held the projections' lock {takenOver.TotalSeconds:0.0} s after {leader.Name} was killed; caught up after " +
            $"{caughtUp.TotalSeconds:0.0} s; at the kill {atTheKill.Values.Count(s => s == "AwaitingCommitment")} of {ids.Length} awaited their commitment, " +
            $"settled after {clock.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", settled.Values)}.");
    }

    /// <summary>
    /// Approvals proposed on a programme of their own (no alliance vote), for a new organisation under the demo world's first
    /// alliance, through the node's API as a caseworker and applicant would; answers each application's id and version.
    /// </summary>
    private static async Task<IReadOnlyList<(Guid Id, long Version)>> ProposedApprovalsAsync(NodeProcess node, int count)
    {
        var caseworker = await TokenAsync(node, DemoUsers.Caseworker);
        var alliances = await GetAsync<Page<AllianceSummary>>(node, caseworker, "/api/alliances?pageSize=100");
        var demoAlliance = DemoWorldData.Alliances[0];
        var alliance = alliances.Items.Single(a => a.Name == demoAlliance.Name).Id;
        var funding = new Period(new DateOnly(2021, 1, 1), new DateOnly(2035, 12, 31));
        var programme = await CreateAsync(node, caseworker, "/api/programmes", new LaunchProgramme($"Ausfallprobe {Guid.NewGuid():N}",
            [new FundingSource("Land", 1m)], funding, 10_000_000m, new ProgrammeRules(0.8m, 100_000m, AllianceVoteRequired: false, DocumentDeadlineDays: 14,
                DeMinimis: false, DecisionReminderDays: 30)));
        var organisation = await CreateAsync(node, caseworker, "/api/organisations",
            new RegisterOrganisation($"Ausfallträger {Guid.NewGuid():N}"[..30], Fachwerk.Domain.Organisations.OrganisationKind.Association, "Hildesheim"));
        var applicant = await TokenAsync(node, DemoUsers.Applicant, organisation.Id);
        var proposed = new List<(Guid, long)>();
        for (var i = 0; i < count; i++)
        {
            var plan = new ProjectPlan($"Ausfallprobe {i + 1}", "Berufsorientierung im Handwerk", new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)),
                50_000m, 40_000m, 10_000m, 0m, [TargetGroup.YoungPeople], 20);
            var drafted = await CreateAsync(node, applicant, "/api/applications",
                new DraftApplication(organisation.Id, programme.Id, alliance, demoAlliance.Districts[0], plan));
            var url = $"/api/applications/{drafted.Id}";
            var version = await ChangeAsync(node, applicant, $"{url}/submission", new SubmitApplication(drafted.Version));
            version = await ChangeAsync(node, caseworker, $"{url}/formal-completeness", new CompleteFormally(version));
            version = await ChangeAsync(node, caseworker, $"{url}/decision-proposal",
                new ProposeDecision(version, DecisionKind.Approve, 40_000m, ["Zwischenbericht zum 30. April"]));
            proposed.Add((drafted.Id, version));
        }

        return proposed;
    }

    private static async Task<StreamCreated> CreateAsync(NodeProcess node, string token, string path, object command)
    {
        using var answer = await SendAsync(node, token, HttpMethod.Post, path, command);
        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await answer.Content.ReadFromJsonAsync<StreamCreated>(Json, TestContext.Current.CancellationToken))!;
    }

    private static async Task<long> ChangeAsync(NodeProcess node, string token, string path, object command)
    {
        using var answer = await SendAsync(node, token, HttpMethod.Post, path, command);
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await answer.Content.ReadFromJsonAsync<CommandAccepted>(Json, TestContext.Current.CancellationToken))!.Version;
    }

    /// <summary>The applications' statuses in the store (the application summary is written with each command).</summary>
    private static async Task<IReadOnlyDictionary<Guid, string>> StatusesAsync(string database, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT id, data->>'status' FROM fachwerk.mt_doc_applicationsummary WHERE id = ANY(@ids)", connection);
        command.Parameters.AddWithValue("ids", ids);
        var statuses = new Dictionary<Guid, string>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) statuses[reader.GetGuid(0)] = reader.GetString(1);
        return statuses;
    }

    /// <summary>How often each application's approved money was committed (an amendment's raise is a commitment of its own).</summary>
    private async Task<IReadOnlyDictionary<Guid, long>> CommitmentsAsync(string database, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT (data->>'applicationId')::uuid, count(*) FROM fachwerk.mt_events WHERE type = @type " +
            "AND coalesce((data->>'raise')::boolean, false) = false AND (data->>'applicationId')::uuid = ANY(@ids) GROUP BY 1", connection);
        command.Parameters.AddWithValue("type", ((Marten.DocumentStore)Store).Events.EventMappingFor(typeof(FundsCommitted)).EventTypeName);
        command.Parameters.AddWithValue("ids", ids);
        var counts = new Dictionary<Guid, long>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) counts[reader.GetGuid(0)] = reader.GetInt64(1);
        return counts;
    }

    private static async Task<int> CommandsSentAsync(NodeProcess node, TimeSpan within)
    {
        var line = await node.LineAsync(l => l.Contains("Demo world: ", StringComparison.Ordinal) &&
                                              (l.Contains("commands sent", StringComparison.Ordinal) || l.Contains("failed", StringComparison.Ordinal)), within);
        return int.Parse(CommandsSent().Match(line).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"Demo world: (\d+) commands sent")]
    private static partial Regex CommandsSent();

    private static async Task<string> TokenAsync(NodeProcess node, DemoUser user, Guid? organisationId = null)
    {
        using var http = new HttpClient { BaseAddress = node.Address };
        using var answer = await http.PostAsJsonAsync("/dev/token", new { user = user.Id, organisationId }, TestContext.Current.CancellationToken);
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
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        return await http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private const string Projection = "ProgrammeBudget";

    /// <summary>
    /// The node whose session holds the advisory lock of the budget projection's shard (Marten derives its id from the schema, the
    /// shard and the daemon's lock id 4444), by its sessions' application name.
    /// </summary>
    private static Func<CancellationToken, Task<string?>> ProjectionNodeAsync(string database) => async cancellation =>
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync(cancellation);
        return await ProjectionRebuilds.LockHolderAsync(connection,
            [(long)ProjectionLockIds.Compute("fachwerk", new ShardName(Projection, "All", 1), 4444)], cancellation);
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
