using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.Web.Api;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// The demo world's commands meet background steps (the budget workflow, overdue proofs) that append to the same application:
/// a stale-version refusal is answered by sending the command again with the version it names, and only that refusal.
/// </summary>
public class DemoWorldSeederRetryTests
{
    [Fact]
    public async Task A_stale_version_refusal_is_answered_by_resending_with_the_version_it_names()
    {
        var server = new ScriptedServer(
            (HttpStatusCode.Conflict, """{"code":"stale-version","currentVersion":14}"""),
            (HttpStatusCode.OK, """{"id":"01a20976-6c8a-7c2b-90b2-1282c2d6aaab","version":15}"""));

        var answer = await Send(server, """{"expectedVersion":13,"amount":5000}""");

        answer.Status.ShouldBe(200);
        server.Bodies.Count.ShouldBe(2);
        JsonNode.Parse(server.Bodies[0])!["expectedVersion"]!.GetValue<long>().ShouldBe(13);
        var resent = JsonNode.Parse(server.Bodies[1])!;
        resent["expectedVersion"]!.GetValue<long>().ShouldBe(14);
        resent["amount"]!.GetValue<int>().ShouldBe(5000);
        server.Authorized.ShouldAllBe(authorized => authorized);
    }

    [Fact]
    public async Task Other_conflicts_are_returned_as_they_are()
    {
        var server = new ScriptedServer((HttpStatusCode.Conflict, """{"code":"illegal-transition"}"""));

        var answer = await Send(server, """{"expectedVersion":13}""");

        answer.Status.ShouldBe(409);
        server.Bodies.Count.ShouldBe(1);
    }

    [Fact]
    public async Task It_gives_up_after_a_few_attempts()
    {
        var conflict = (HttpStatusCode.Conflict, """{"code":"stale-version","currentVersion":20}""");
        var server = new ScriptedServer(Enumerable.Repeat(conflict, 10).ToArray());

        var answer = await Send(server, """{"expectedVersion":13}""");

        answer.Status.ShouldBe(409);
        server.Bodies.Count.ShouldBe(DemoWorldSeeder.MaxAttempts);
    }

    private static async Task<ApiResult<JsonNode>> Send(ScriptedServer server, string body)
    {
        using var http = new HttpClient(server) { BaseAddress = new Uri("http://fachwerk.test") };
        return await DemoWorldSeeder.SendChangeAsync<JsonNode>(new FachwerkApiClient(http), HttpMethod.Post,
            "/api/applications/01a20976-6c8a-7c2b-90b2-1282c2d6aaab/payment-requests", JsonNode.Parse(body)!, new ApiRequest("token"),
            TestContext.Current.CancellationToken);
    }

    /// <summary>Answers requests with the given responses in turn and keeps what it was sent.</summary>
    private sealed class ScriptedServer(params (HttpStatusCode Status, string Body)[] answers) : HttpMessageHandler
    {
        private int _next;

        public List<string> Bodies { get; } = [];
        public List<bool> Authorized { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Bodies.Add(await request.Content!.ReadAsStringAsync(cancellationToken));
            Authorized.Add(request.Headers.Authorization?.Parameter == "token");
            var (status, body) = answers[_next++];
            return new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/problem+json"), RequestMessage = request };
        }
    }
}
