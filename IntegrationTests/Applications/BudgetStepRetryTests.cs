using Fachwerk.Application.Applications;
using Fachwerk.Application.Budget;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Npgsql;
using Wolverine;
using Wolverine.Persistence.Durability.DeadLetterManagement;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// The budget workflow's steps wait out a database that fails for a moment instead of giving the message up (ADR 0080). The
/// failure is PostgreSQL's own: a trigger answers the step's first append to the programme with <c>admin_shutdown</c>, the error
/// a restarting server sends its sessions.
/// </summary>
public class BudgetStepRetryTests(AppFixture fixture) : ApplicationApi(fixture)
{
    [Fact]
    public async Task A_commitment_that_meets_a_shutting_down_database_is_retried_and_not_dead_lettered()
    {
        var programme = await LaunchProgramme(budget: 100_000m);
        var (id, version) = await Proposed(programme, amount: 40_000m);
        var failures = await FailFirstAppendTo(programme);

        try
        {
            // The step's first attempt fails and is logged as an exception; the session waits for the retry.
            var tracked = await Host.TrackActivity(TimeSpan.FromMinutes(1)).DoNotAssertOnExceptionsDetected()
                .ExecuteAndWaitAsync((IMessageContext _) => Act(Approver, id, "decision-confirmation", new ConfirmDecision(version)));

            (await Attempts(failures)).ShouldBe(2);
            tracked.MessageFailed.MessagesOf<CommitFunds>().ShouldBeEmpty();
            tracked.MovedToErrorQueue.MessagesOf<CommitFunds>().ShouldBeEmpty();
        }
        finally
        {
            await Sql($"drop trigger {failures} on fachwerk.mt_events; drop function fachwerk.{failures}(); drop sequence fachwerk.{failures}");
        }

        (await Details(id)).Status.ShouldBe(ApplicationStatus.Approved);
        (await Budget(programme)).Committed.ShouldBe(40_000m);
        var deadLetters = await Host.GetRuntime().Storage.DeadLetters.QueryAsync(new DeadLetterEnvelopeQuery(), TestContext.Current.CancellationToken);
        deadLetters.TotalCount.ShouldBe(0);
    }

    /// <summary>Makes the first append to <paramref name="stream"/> fail as in a server shutdown; answers the trigger's name.</summary>
    private async Task<string> FailFirstAppendTo(Guid stream)
    {
        var name = $"fail_once_{Guid.NewGuid():N}";
        await Sql($"""
            create sequence fachwerk.{name};
            create function fachwerk.{name}() returns trigger language plpgsql as $$
            begin
              if nextval('fachwerk.{name}') = 1 then
                raise exception 'terminating connection due to administrator command' using errcode = 'admin_shutdown';
              end if;
              return new;
            end $$;
            create trigger {name} before insert on fachwerk.mt_events for each row when (new.stream_id = '{stream}')
              execute function fachwerk.{name}();
            """);
        return name;
    }

    /// <summary>How often the step tried to append: the sequence counts every attempt, failed or not.</summary>
    private async Task<long> Attempts(string failures)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"select last_value from fachwerk.{failures}", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    private async Task Sql(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
