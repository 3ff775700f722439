using System.Text.Json;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Alliances;

/// <summary>
/// Sixteen writers send a command on the same version of one alliance at once: one wins, and every other one is told the
/// version it lost to (409 <c>stale-version</c> with <c>currentVersion</c>), whether it lost when the stream was loaded or
/// when the events were appended (in a race of 16 writers, 128 of 1,799 such answers lacked it).
/// </summary>
public class ConcurrentWritersTests(AppFixture fixture) : AllianceApi(fixture)
{
    [Fact]
    public async Task Every_writer_that_loses_a_race_is_told_the_current_version()
    {
        var alliance = (await Found()).Id;
        var organisations = new List<Guid>();
        for (var i = 0; i < 4 * 16; i++) organisations.Add((await Register($"Mitglied {i}")).Id);
        var version = 1L;
        var answers = new List<string>();
        for (var round = 0; round < 4; round++)
        {
            var expected = version;
            var candidates = organisations.Skip(round * 16).Take(16).ToList();
            // Every writer admits another organisation: each command appends, so only the version decides.
            var writers = candidates.Select(organisation => Task.Run(async () =>
            {
                var result = await Send(Caseworker, HttpMethod.Post, $"/api/alliances/{alliance}/members",
                    new AdmitMember(expected, organisation, new DateOnly(2016, 1, 1)), 200, s => s.IgnoreStatusCode());
                return (Status: result.Context.Response.StatusCode, Body: await result.ReadAsTextAsync());
            }, TestContext.Current.CancellationToken)).ToList();
            var results = await Task.WhenAll(writers);

            results.Count(r => r.Status == 200).ShouldBe(1, string.Join("\n", results.Select(r => $"{r.Status} {r.Body[..Math.Min(120, r.Body.Length)]}")));
            version++;
            foreach (var (status, body) in results.Where(r => r.Status != 200))
            {
                var problem = JsonDocument.Parse(body).RootElement;
                var current = problem.TryGetProperty(Problems.CurrentVersion, out var named) ? named.GetInt64() : (long?)null;
                answers.Add(status == 409 && problem.GetProperty("code").GetString() == Problems.StaleVersionCode && current == version
                    ? "told"
                    : $"{status} {body}");
            }
        }

        answers.Count.ShouldBe(4 * 15);
        answers.Where(a => a != "told").ShouldBeEmpty();
    }
}
