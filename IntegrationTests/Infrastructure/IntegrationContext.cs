using Fachwerk.Application.Common;
using System.Net.Http.Json;
using System.Text.Json;
using Alba;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.Host.Development.Tokens;
using Marten;
using Marten.Events;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>Base of the tests that talk to the running host: each test starts from an empty store.</summary>
[Collection(IntegrationCollection.Name)]
public abstract class IntegrationContext(AppFixture fixture) : IAsyncLifetime
{
    protected IAlbaHost Host => fixture.Host;
    protected FakeTimeProvider Clock => fixture.Clock;
    protected LogSink Logs => fixture.Logs;
    protected TraceSink Traces => fixture.Traces;
    protected string ConnectionString => fixture.ConnectionString;
    protected string KeyRingFile => fixture.KeyRingFile;
    protected IDocumentStore Store => Host.Services.GetRequiredService<IDocumentStore>();
    protected static JsonSerializerOptions Json => ApiJson.Options;

    public virtual async ValueTask InitializeAsync()
    {
        // A message of the previous test still being handled (a commitment, a letter) would append to this test's fresh
        // store: quick appends create a missing stream anew. Let it finish first.
        await PreviousTestsMessagesHandled();
        fixture.ResetClock();
        // Messages a previous test left scheduled or queued must not reach this one.
        await Host.GetRuntime().Storage.Admin.ClearAllAsync();
        await Host.ResetAllMartenDataAsync();
        // The users' profiles went with the data: the next request of each writes it again.
        Host.Services.GetRequiredService<Fachwerk.Application.Notifications.UserProfiles>().Forget();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Until the durable inbox holds no message being handled (every local queue is durable, so a message in a worker's hands is
    /// an <c>Incoming</c> row). A message that never finishes (a test that breaks a handler on purpose) is given 30 seconds;
    /// the inbox is cleared after that anyway.
    /// </summary>
    private async Task PreviousTestsMessagesHandled()
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var incoming = new Npgsql.NpgsqlCommand(
            $"select count(*) from {Fachwerk.Application.FachwerkApplication.SchemaName}.wolverine_incoming_envelopes where status = 'Incoming'", connection);
        var giveUpAt = DateTime.UtcNow.AddSeconds(30);
        while ((long)(await incoming.ExecuteScalarAsync(TestContext.Current.CancellationToken))! > 0 && DateTime.UtcNow < giveUpAt)
            await Task.Delay(20, TestContext.Current.CancellationToken);
    }

    /// <summary>A new, empty database on the test server; answers its connection string (no pooling, so nothing stays open).</summary>
    protected async Task<string> NewDatabaseAsync(string prefix)
    {
        var database = $"{prefix}_{Guid.NewGuid():N}";
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var create = new Npgsql.NpgsqlCommand($"create database {database}", connection);
        await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        return new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Database = database, Pooling = false }.ConnectionString;
    }

    /// <summary>
    /// Sends a command as <paramref name="user"/> and expects <paramref name="status"/>; returns the result. A command that met a
    /// concurrent append is told that nothing was recorded and to send it again (409 <c>concurrent-change</c>, ADR 0079); where
    /// the test expects another answer (and does not configure the scenario itself) it does what a client is told, up to
    /// three times.
    /// </summary>
    protected async Task<IScenarioResult> Send(DemoUser user, HttpMethod method, string url, object? body, int status = 200,
        Action<Scenario>? configure = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            // A caller that configures the scenario (e.g. ignores the status, in a race) gets its one answer as it came.
            var last = configure is not null || status == StatusCodes.Status409Conflict || attempt == 3;
            var result = await Host.Scenario(s =>
            {
                Authorize(s, user, url);
                var request = method == HttpMethod.Put ? s.Put : method == HttpMethod.Delete ? s.Delete : s.Post;
                if (body is null)
                    request.Url(url);
                else
                    request.Text(JsonSerializer.Serialize(body, body.GetType(), Json)).ToUrl(url);
                s.WithRequestHeader("Content-Type", "application/json");
                configure?.Invoke(s);
                if (last) s.StatusCodeShouldBe(status);
                else s.IgnoreStatusCode();
            });
            if (last) return result;
            var answer = result.Context.Response.StatusCode;
            if (answer == StatusCodes.Status409Conflict && (await result.ReadAsTextAsync()).Contains(Problems.ConcurrentChangeCode, StringComparison.Ordinal))
                continue;
            if (answer != status) answer.ShouldBe(status, await result.ReadAsTextAsync());
            return result;
        }
    }

    /// <summary>
    /// Enters <paramref name="expert"/> in the directory of external experts (ADR 0130) unless an earlier test did: the tests share
    /// one database, and caseworkers assign only experts of the directory.
    /// </summary>
    protected async Task EnsureExpertListed(DemoUser expert)
    {
        var answer = await Answer(DemoUsers.Administrator, "/api/experts",
            new Fachwerk.Application.Experts.RegisterExpert(expert.Id, expert.DisplayName, null, ["Evaluation"]));
        if (answer is not (201 or 200 or 409)) answer.ShouldBe(201);
    }

    protected Task<IScenarioResult> Post(DemoUser user, string url, object? body, int status = 200, Action<Scenario>? configure = null) =>
        Send(user, HttpMethod.Post, url, body, status, configure);

    /// <summary>Posts as <paramref name="user"/> and returns the status, whatever it is (for races, where either answer may come).</summary>
    protected async Task<int> Answer(DemoUser user, string url, object body) =>
        (await Host.Scenario(s =>
        {
            Authorize(s, user, url);
            s.Post.Text(JsonSerializer.Serialize(body, body.GetType(), Json)).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            s.IgnoreStatusCode();
        })).Context.Response.StatusCode;

    protected async Task<T> Post<T>(DemoUser user, string url, object body, int status = 200) =>
        await Read<T>(await Post(user, url, body, status));

    /// <summary>A GET as <paramref name="user"/> that expects <paramref name="status"/>.</summary>
    protected Task<IScenarioResult> GetExpecting(DemoUser user, string url, int status) =>
        Host.Scenario(s =>
        {
            Authorize(s, user, url);
            s.Get.Url(url);
            s.StatusCodeShouldBe(status);
        });

    protected async Task<T> Get<T>(DemoUser user, string url)
    {
        var result = await Host.Scenario(s =>
        {
            Authorize(s, user, url);
            s.Get.Url(url);
            s.StatusCodeShouldBeOk();
        });
        return await Read<T>(result);
    }

    /// <summary>The organisation, alliance and pilot project a demo user acts for in this test's request to <paramref name="url"/> (none by default).</summary>
    protected virtual (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) => (null, null, null);

    /// <summary>The language a demo user's token names in this test (German unless a test says otherwise).</summary>
    protected virtual string? LocaleOf(DemoUser user) => null;

    /// <summary>Signs the request in as <paramref name="user"/> with a development token carrying the user's bindings.</summary>
    protected void Authorize(Scenario scenario, DemoUser user, string? url = null)
    {
        var (organisation, alliance, pilot) = BindingsOf(user, url);
        var token = Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(user, organisation, alliance, pilot, locale: LocaleOf(user));
        scenario.WithRequestHeader("Authorization", "Bearer " + token);
    }

    /// <summary>An HTTP client signed in as <paramref name="user"/> with the bindings for <paramref name="url"/>: for bodies Alba does not build (multipart uploads).</summary>
    protected HttpClient Client(DemoUser user, string url)
    {
        var client = Host.Server.CreateClient();
        var (organisation, alliance, pilot) = BindingsOf(user, url);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            Host.Services.GetRequiredService<DevelopmentTokenIssuer>().Mint(user, organisation, alliance, pilot));
        return client;
    }

    protected DemoWorldSeeder DemoWorld() =>
        new(Host.Server.CreateClient(), Host.Services.GetRequiredService<DevelopmentTokenIssuer>(), NullLogger.Instance, Clock);

    protected static async Task<ProblemDetails> ProblemOf(IScenarioResult result)
    {
        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        return await Read<ProblemDetails>(result);
    }

    protected static async Task<ValidationProblemDetails> ValidationProblemOf(IScenarioResult result)
    {
        result.Context.Response.ContentType.ShouldStartWith("application/problem+json");
        return await Read<ValidationProblemDetails>(result);
    }

    protected static async Task<T> Read<T>(IScenarioResult result) =>
        JsonSerializer.Deserialize<T>(await result.ReadAsTextAsync(), Json)
        ?? throw new InvalidOperationException("The response body is empty.");

    /// <summary>Runs the asynchronous projections up to the last event (in tests the daemon only runs when asked).</summary>
    protected async Task CatchUpProjections()
    {
        var failures = await Host.ForceAllMartenDaemonActivityToCatchUpAsync(TestContext.Current.CancellationToken);
        // JasperFx.Events can dispose a catch-up's event loader while one of its loads is still finishing (its semaphore is
        // released after the disposal: the shutdown races of jasperfx#557). Nothing was projected wrongly, so the catch-up runs
        // once more, and that one must succeed; a projection that fails, fails both.
        if (failures.Count > 0 && failures.All(IsDisposedLoaderRace))
            failures = await Host.ForceAllMartenDaemonActivityToCatchUpAsync(TestContext.Current.CancellationToken);
        failures.ShouldBeEmpty();
    }

    private static bool IsDisposedLoaderRace(Exception failure) =>
        (failure is AggregateException aggregate ? aggregate.Flatten().InnerExceptions : [failure])
        .All(e => e is ObjectDisposedException { ObjectName: "System.Threading.SemaphoreSlim" });

    /// <summary>Every event in the store, to show that a refused command appended nothing.</summary>
    protected async Task<long> EventCount()
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().LongCountAsync();
    }
}
