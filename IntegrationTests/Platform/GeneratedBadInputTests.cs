using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Thousands of generated bad requests against every operation of the OpenAPI document (ADR 0056, issue 23): missing, null,
/// wrong-typed, over-long, control-character, broken-Unicode and out-of-range values in every field of every example body, in
/// every route and query parameter, bodies that are no command at all, and bad headers. None answers 5xx; every change is
/// refused with an RFC 9457 problem of ours, in the API's words (no .NET type named); nothing is appended. The generator is
/// seeded, so a failure names a request that the next run sends again; the requests go out a few at a time, as clients send them.
/// </summary>
public partial class GeneratedBadInputTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const int Seed = 2323;

    [Fact]
    public async Task Thousands_of_bad_requests_to_every_operation_answer_problem_details_never_5xx_and_append_nothing()
    {
        var random = new Random(Seed);
        var issuer = Host.Services.GetRequiredService<DevelopmentTokenIssuer>();
        var tokens = new Dictionary<string, string>();
        var requests = new List<(BadRequest Bad, string Token, bool Change)>();
        var operations = await OpenApiOperation.AllAsync(Host);
        foreach (var operation in operations)
        {
            var user = PagingBoundsTests.UserFor(operation.Key);
            if (!tokens.TryGetValue(user.Id, out var token)) tokens[user.Id] = token = issuer.Mint(user);
            requests.AddRange(BadRequest.For(operation, random).Select(bad => (bad, token, operation.Method != "GET")));
        }

        using var client = Host.Server.CreateClient();
        var wrong = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, requests.Count),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = TestContext.Current.CancellationToken }, async (index, cancellation) =>
            {
                var (bad, token, change) = requests[index];
                using var request = new HttpRequestMessage(new HttpMethod(bad.Method), bad.Url);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                if (bad.Body is not null) request.Content = new StringContent(bad.Body, Encoding.UTF8, bad.ContentType);
                if (bad.Header is { } header) request.Headers.TryAddWithoutValidation(header.Name, header.Value);
                using var response = await client.SendAsync(request, cancellation);
                var status = (int)response.StatusCode;
                var answer = await response.Content.ReadAsStringAsync(cancellation);
                if (Wrong(status, response.Content.Headers.ContentType?.MediaType, answer, change) is { } why)
                    wrong[index] = $"{bad}: {why} {status} {(answer.Length > 300 ? answer[..300] + "…" : answer)}";
            });

        operations.Count.ShouldBeGreaterThan(60);
        requests.Count.ShouldBeGreaterThan(3000);
        wrong.ShouldBeEmpty($"{wrong.Count} of {requests.Count} bad requests (seed {Seed}):\n" +
                            string.Join("\n", wrong.OrderBy(w => w.Key).Take(40).Select(w => w.Value)));
        (await EventCount()).ShouldBe(0);
    }

    /// <summary>What is wrong with an answer to a bad request, or null.</summary>
    private static string? Wrong(int status, string? mediaType, string answer, bool change)
    {
        if (status >= 500) return "a server error";
        if (status < 400) return change ? "accepted" : null;
        if (mediaType != "application/problem+json") return $"not a problem ({mediaType ?? "no body"})";
        JsonElement problem;
        try
        {
            problem = JsonDocument.Parse(answer).RootElement.Clone();
        }
        catch (JsonException)
        {
            return "a problem that is not JSON";
        }

        if (!problem.TryGetProperty("type", out var type) || type.GetString()?.StartsWith("urn:fachwerk:problem:", StringComparison.Ordinal) != true)
            return "a problem without a type of ours";
        if (!problem.TryGetProperty("status", out var said) || said.GetInt32() != status) return "a problem whose status differs";
        if (!problem.TryGetProperty("title", out var title) || string.IsNullOrWhiteSpace(title.GetString())) return "a problem without a title";
        return DotNetName().IsMatch(answer) ? "a problem naming a .NET type" : null;
    }

    [GeneratedRegex(@"\b(System|Fachwerk|Microsoft|Marten|Wolverine|JasperFx|Npgsql)\.[A-Z]")]
    private static partial Regex DotNetName();
}
