using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Npgsql;

namespace Fachwerk.IntegrationTests.Database;

/// <summary>
/// A statement that PostgreSQL refuses while binding its parameters (here a NUL character, which no text column takes) must not
/// leave its pooled connection out of step for whoever uses that connection next (ADR 0055). Npgsql prepares a statement on its
/// fifth use on a connection; when that use fails at binding, it used to record the statement as prepared without the shape of
/// its result, and the next request running the statement on that connection failed with "unexpected backend message DataRow".
/// </summary>
public class FailedStatementTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private const string Nul = "Verein\0";

    [Fact]
    public async Task A_statement_failing_while_it_is_being_prepared_leaves_its_connection_usable()
    {
        var cancellation = TestContext.Current.CancellationToken;
        // A session keeps its connection (ADR 0020), so every use below runs on one connection; the comment makes the statement
        // new to that connection, whatever ran on it before.
        var statement = $"select count(*)::int from {Fachwerk.Application.FachwerkApplication.SchemaName}.mt_doc_organisationdetails where data ->> 'name' = ? -- {Guid.NewGuid()}";
        await using var session = Store.QuerySession();

        for (var use = 1; use <= 4; use++) (await session.QueryAsync<int>(statement, cancellation, "Verein")).Single().ShouldBe(0);
        // The fifth use prepares the statement, and PostgreSQL refuses its parameter.
        (await Should.ThrowAsync<Exception>(() => session.QueryAsync<int>(statement, cancellation, Nul))).ToString().ShouldContain("22021");

        (await session.QueryAsync<int>(statement, cancellation, "Verein")).Single().ShouldBe(0);
        (await session.QueryAsync<int>(statement, cancellation, "Verein")).Single().ShouldBe(0);
    }

    [Fact]
    public async Task A_burst_of_failing_statements_among_other_users_requests_leaves_every_valid_request_answered_correctly()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await Post<StreamCreated>(DemoUsers.Caseworker, "/api/organisations", new RegisterOrganisation("Haus Steinstraße e.V.", OrganisationKind.Association, "Leipzig"), 201);
        await Post<StreamCreated>(DemoUsers.Caseworker, "/api/organisations", new RegisterOrganisation("Verein für Arbeit", OrganisationKind.Association, "Hameln"), 201);
        await Post<StreamCreated>(DemoUsers.Caseworker, "/api/organisations", new RegisterOrganisation("Vereinte Werke GmbH", OrganisationKind.Company, "Hameln"), 201);
        DemoUser[] readers = [DemoUsers.Caseworker, DemoUsers.Auditor, DemoUsers.Approver, DemoUsers.Administrator, DemoUsers.ProjectLead];

        var answers = new System.Collections.Concurrent.ConcurrentBag<string>();
        for (var wave = 0; wave < 4; wave++)
        {
            var failing = Enumerable.Range(0, 8).Select(_ => Task.Run(FailingStatements, cancellation));
            var valid = Enumerable.Range(0, 24).Select(i => Task.Run(async () => answers.Add(await ValidList(readers[i % readers.Length])), cancellation));
            await Task.WhenAll(failing.Concat(valid));
        }

        for (var i = 0; i < 40; i++) answers.Add(await ValidList(readers[i % readers.Length]));

        answers.Where(a => a != "200 1").ShouldBeEmpty();
        answers.Count.ShouldBe(4 * 24 + 40);
    }

    /// <summary>
    /// The statement the organisation list runs for a name and a kind, six times in one session with a NUL in the name: one of
    /// the first five uses on a connection is the one that prepares it.
    /// </summary>
    private async Task FailingStatements()
    {
        await using var session = Store.QuerySession();
        for (var i = 0; i < 6; i++)
        {
            var failed = await Should.ThrowAsync<Exception>(() => session.Query<OrganisationDetails>()
                .Where(o => o.Name.Contains(Nul, StringComparison.OrdinalIgnoreCase))
                .Where(o => o.Kind == OrganisationKind.Association)
                .LongCountAsync(TestContext.Current.CancellationToken));
            (failed as PostgresException ?? failed.InnerException as PostgresException).ShouldNotBeNull(failed.ToString()).SqlState.ShouldBe("22021");
        }
    }

    /// <summary>Another user's request for the same list with a valid name: its status and how many it found.</summary>
    private async Task<string> ValidList(DemoUser user)
    {
        var result = await Host.Scenario(s =>
        {
            Authorize(s, user);
            s.Get.Url("/api/organisations?name=verein&kind=Association");
            s.IgnoreStatusCode();
        });
        var status = result.Context.Response.StatusCode;
        return status == 200 ? $"200 {(await Read<Page<OrganisationDetails>>(result)).TotalItems}" : $"{status} {await result.ReadAsTextAsync()}";
    }
}
