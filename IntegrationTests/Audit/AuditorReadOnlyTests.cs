using System.Text.RegularExpressions;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Audit;

/// <summary>Auditors read everything and change nothing; the audit views are for auditors (and administrators) only.</summary>
public partial class AuditorReadOnlyTests(AppFixture fixture) : AuditApi(fixture)
{
    private static readonly string[] ChangingMethods = ["POST", "PUT", "PATCH", "DELETE"];

    /// <summary>Audit reads that take a file in their body, so a POST: they record nothing (their own tests check that).</summary>
    private static readonly string[] ReadsSentAsPosts = ["/api/audit/chains/digest-comparisons"];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();

    private IReadOnlyList<(string Method, string Route)> Endpoints() =>
        [.. Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            // Public endpoints (the development token issuer) change nothing in the store.
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Method: m, Route: "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Distinct()
            .OrderBy(e => e.Route, StringComparer.Ordinal)];

    private static string Url(string route) => RouteParameter().Replace(route, Guid.NewGuid().ToString());

    [Fact]
    public async Task Every_endpoint_that_changes_something_answers_403_to_the_auditor_and_records_nothing()
    {
        // The web UI's pages change nothing themselves: every action they offer is a call to these (ADR 0050).
        var changing = Endpoints().Where(e => ChangingMethods.Contains(e.Method) && e.Route.StartsWith("/api/", StringComparison.Ordinal)
                                              && !ReadsSentAsPosts.Contains(e.Route)).ToList();
        var events = await EventCount();

        changing.Count.ShouldBeGreaterThanOrEqualTo(25);
        foreach (var (method, route) in changing)
        {
            await Send(Auditor, new HttpMethod(method), Url(route), new { expectedVersion = 1, reason = "audit" }, 403);
        }

        (await EventCount()).ShouldBe(events);
    }

    [Fact]
    public async Task The_auditor_reads_every_list_of_the_service()
    {
        var lists = Endpoints().Where(e => e.Method == "GET" && e.Route.StartsWith("/api/", StringComparison.Ordinal) && !e.Route.Contains('{')
                                           && !e.Route.StartsWith("/api/admin/", StringComparison.Ordinal)
                                           // An external expert's own assignments: nobody else has any to list (docs/access.md).
                                           && e.Route != "/api/review-assignments").ToList();

        lists.Count.ShouldBeGreaterThanOrEqualTo(8);
        foreach (var (_, route) in lists)
            await GetExpecting(Auditor, route, 200);
    }

    [Fact]
    public async Task The_audit_views_answer_403_to_everyone_but_auditors_and_administrators()
    {
        var application = await Submitted(await LaunchProgramme());
        var audit = Endpoints().Where(e => e.Method == "GET" && e.Route.StartsWith("/api/audit/", StringComparison.Ordinal))
            .Select(e => RouteParameter().Replace(e.Route, application.ToString())).ToList();

        audit.Count.ShouldBeGreaterThanOrEqualTo(7);
        foreach (var url in audit)
        {
            foreach (var user in DemoUsers.All.Where(u => u != Auditor && u != Administrator))
                await GetExpecting(user, url, 403);
            await GetExpecting(Auditor, url, 200);
            await GetExpecting(Administrator, url, 200);
        }
    }
}
