using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Fachwerk.Host.Database;
using Npgsql;
using Microsoft.Extensions.Logging;

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
    public async Task A_statement_refused_while_it_ran_leaves_its_connections_prepared_statements_to_the_commands_that_hold_them()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var reset = Store.Options.Logger().ShouldBeOfType<FailedStatementReset>();
        await using var query = Store.QuerySession();
        var logger = reset.StartSession(query);
        // One connection, prepared as the service's are.
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ConnectionString) { MaxAutoPrepare = 200, AutoPrepareMinUsages = 5 }.ConnectionString);
        await connection.OpenAsync(cancellation);

        // A command kept and run again, as Marten's event loader keeps its own for the daemon's life: prepared on its fifth use.
        await using var held = new NpgsqlCommand(
            $"select count(*)::int from {Fachwerk.Application.FachwerkApplication.SchemaName}.mt_streams where id = $1 -- {Guid.NewGuid()}", connection);
        held.Parameters.Add(new NpgsqlParameter { Value = Guid.NewGuid() });
        for (var use = 1; use <= 6; use++) ((int)(await held.ExecuteScalarAsync(cancellation))!).ShouldBe(0);

        // A statement on the connection refused while it ran, as a stream's version index refuses a concurrent append (23505),
        // reported to Marten's logger as Marten reports it; then the connection's next statement through Marten.
        await using var unique = new NpgsqlCommand("create temp table appended (version int primary key); insert into appended values (1); insert into appended values (1)", connection);
        var refused = await Should.ThrowAsync<PostgresException>(() => unique.ExecuteNonQueryAsync(cancellation));
        refused.SqlState.ShouldBe(PostgresErrorCodes.UniqueViolation);
        logger.LogFailure(unique, refused);
        await using var next = new NpgsqlCommand("select 2", connection);
        logger.OnBeforeExecute(next);
        ((int)(await next.ExecuteScalarAsync(cancellation))!).ShouldBe(2);

        // The held command still names a statement PostgreSQL has.
        ((int)(await held.ExecuteScalarAsync(cancellation))!).ShouldBe(0);
    }

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation, true)]
    [InlineData(PostgresErrorCodes.SerializationFailure, true)]
    [InlineData(PostgresErrorCodes.DeadlockDetected, true)]
    [InlineData("MT003", true)]
    [InlineData(PostgresErrorCodes.RaiseException, true)]
    [InlineData(PostgresErrorCodes.InFailedSqlTransaction, true)]
    [InlineData(PostgresErrorCodes.CharacterNotInRepertoire, false)]
    [InlineData(PostgresErrorCodes.UntranslatableCharacter, false)]
    [InlineData(PostgresErrorCodes.QueryCanceled, false)]
    public void Only_a_failure_raised_while_the_statement_ran_leaves_its_connection_unreset(string sqlState, bool inStep)
    {
        var failure = new PostgresException("refused", "ERROR", "ERROR", sqlState);
        FailedStatementReset.LeavesPreparationInStep(failure).ShouldBe(inStep);
        FailedStatementReset.LeavesPreparationInStep(new InvalidOperationException("wrapped", failure)).ShouldBe(inStep);
        FailedStatementReset.LeavesPreparationInStep(new TimeoutException()).ShouldBeFalse();
    }

    [Fact]
    public async Task A_write_that_lost_a_race_for_a_stream_is_written_to_the_log_once_as_information_and_not_as_an_error()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var organisation = (await Post<StreamCreated>(DemoUsers.Caseworker, "/api/organisations",
            new RegisterOrganisation("Wettlauf e.V.", OrganisationKind.Association, "Leipzig"), 201)).Id;

        // Two writers read the stream at the same version, as two handlers of one application do; the second to commit loses.
        await using var first = Store.LightweightSession();
        await using var second = Store.LightweightSession();
        var won = await first.Events.FetchForWriting<Organisation>(organisation, cancellation);
        var lost = await second.Events.FetchForWriting<Organisation>(organisation, cancellation);
        var adjusted = new DeMinimisAidAdjusted(organisation, Guid.NewGuid(), 0m, "test", DateTimeOffset.UtcNow);
        won.AppendOne(adjusted);
        lost.AppendOne(adjusted);
        await first.SaveChangesAsync(cancellation);
        await Should.ThrowAsync<JasperFx.ConcurrencyException>(() => second.SaveChangesAsync(cancellation));

        var about = Logs.Entries.Where(e => e.Text.Contains(organisation.ToString(), StringComparison.Ordinal)).ToList();
        about.Where(e => e.Level >= LogLevel.Warning).Select(e => $"{e.Category}: {e.Text}").ShouldBeEmpty();
        var race = about.ShouldHaveSingleItem();
        race.Level.ShouldBe(LogLevel.Information);
        race.EventId.Id.ShouldBe(142);
        race.State["SqlState"].ShouldBe(FailedStatementReset.StreamVersionMismatch);
    }

    [Fact]
    public async Task A_lost_race_Marten_reports_again_as_a_concurrency_failure_is_written_once_and_never_as_an_error()
    {
        var reset = Store.Options.Logger().ShouldBeOfType<FailedStatementReset>();
        await using var query = Store.QuerySession();
        var logger = reset.StartSession(query);
        var marker = Guid.NewGuid().ToString();

        // As Marten reports an append refused by the stream's version index: the batch with PostgreSQL's refusal, then the save
        // with the concurrency failure it made of it, which no longer holds the refusal.
        await using var batch = new NpgsqlBatch();
        logger.LogFailure(batch, new PostgresException($"duplicate key value violates unique constraint {marker}", "ERROR", "ERROR",
            PostgresErrorCodes.UniqueViolation, tableName: "mt_events"));
        await using var save = new NpgsqlCommand();
        logger.LogFailure(save, new JasperFx.Events.EventStreamUnexpectedMaxEventIdException($"Optimistic concurrency failure {marker}"));

        var about = Logs.Entries.Where(e => e.Text.Contains(marker, StringComparison.Ordinal)).ToList();
        var race = about.ShouldHaveSingleItem();
        race.Level.ShouldBe(LogLevel.Information);
        race.State["SqlState"].ShouldBe(PostgresErrorCodes.UniqueViolation);
    }

    [Fact]
    public void Only_a_lost_race_for_a_stream_is_told_apart_from_other_refusals()
    {
        static PostgresException Refusal(string sqlState, string? table = null) =>
            new("refused", "ERROR", "ERROR", sqlState, tableName: table);

        FailedStatementReset.IsLostRace(Refusal("MT003")).ShouldNotBeNull();
        FailedStatementReset.IsLostRace(new InvalidOperationException("wrapped", Refusal("MT003"))).ShouldNotBeNull();
        FailedStatementReset.IsLostRace(Refusal(PostgresErrorCodes.UniqueViolation, "mt_events")).ShouldNotBeNull();
        FailedStatementReset.IsLostRace(Refusal(PostgresErrorCodes.DeadlockDetected)).ShouldNotBeNull();
        FailedStatementReset.IsLostRace(Refusal(PostgresErrorCodes.UniqueViolation, "mt_doc_person")).ShouldBeNull();
        FailedStatementReset.IsLostRace(Refusal("22021")).ShouldBeNull();
        FailedStatementReset.IsLostRace(new TimeoutException()).ShouldBeNull();
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
