using Npgsql;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>
/// Makes PostgreSQL refuse the first <c>failures</c> appends to one stream with an error of its own (<c>admin_shutdown</c>, the
/// error a restarting server sends its sessions; or any other SQLSTATE, with the constraint a unique key names), through a trigger on the events table. Counts every
/// attempt, failed or not; removed on disposal.
/// </summary>
public sealed class AppendFault : IAsyncDisposable
{
    private readonly string _connectionString;
    private readonly string _name = $"append_fault_{Guid.NewGuid():N}";

    private AppendFault(string connectionString) => _connectionString = connectionString;

    public static async Task<AppendFault> InstallAsync(string connectionString, Guid stream, string errorCode, long failures, string? constraint = null)
    {
        var fault = new AppendFault(connectionString);
        // A unique key's refusal names its table and constraint, as PostgreSQL's own does.
        var names = constraint is null ? "" : $", table = 'mt_events', constraint = '{constraint}'";
        await fault.SqlAsync($"""
            create sequence fachwerk.{fault._name};
            create function fachwerk.{fault._name}() returns trigger language plpgsql as $$
            begin
              if nextval('fachwerk.{fault._name}') <= {failures} then
                raise exception 'append refused by the test (%)', '{errorCode}' using errcode = '{errorCode}'{names};
              end if;
              return new;
            end $$;
            create trigger {fault._name} before insert on fachwerk.mt_events for each row when (new.stream_id = '{stream}')
              execute function fachwerk.{fault._name}();
            """);
        return fault;
    }

    /// <summary>How often something tried to append to the stream since the fault was installed.</summary>
    public async Task<long> AttemptsAsync()
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"select case when is_called then last_value else 0 end from fachwerk.{_name}", connection);
        return (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    public async ValueTask DisposeAsync() =>
        await SqlAsync($"drop trigger {_name} on fachwerk.mt_events; drop function fachwerk.{_name}(); drop sequence fachwerk.{_name}");

    private async Task SqlAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
