using System.Globalization;
using System.Text;
using Npgsql;

namespace Fachwerk.Benchmarks.Postgres;

/// <summary>
/// PostgreSQL's side of a phase, statement by statement (<c>--statements</c>): pg_stat_statements with nested statements
/// (the append function, the hash-chain trigger) and planning time. This is how the command path's plan and reset costs
/// were found (ADR 0020).
/// </summary>
public static class StatementProfile
{
    public static IReadOnlyList<string> ServerSettings { get; } =
        ["shared_preload_libraries=pg_stat_statements", "pg_stat_statements.track=all", "pg_stat_statements.track_planning=on"];

    public static async Task ResetAsync(string connectionString, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        await using var create = new NpgsqlCommand("create extension if not exists pg_stat_statements", connection);
        await create.ExecuteNonQueryAsync(cancellation);
        await using var reset = new NpgsqlCommand("select pg_stat_statements_reset(), pg_stat_reset()", connection);
        await reset.ExecuteNonQueryAsync(cancellation);
    }

    /// <summary>Writes the 60 statements with the most execution time, and the transactions per command.</summary>
    public static async Task WriteAsync(string connectionString, long commands, string file, CancellationToken cancellation)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellation);
        var report = new StringBuilder();
        await using (var database = new NpgsqlCommand(
                         "select xact_commit, tup_inserted, tup_updated, tup_deleted from pg_stat_database where datname = current_database()", connection))
        await using (var reader = await database.ExecuteReaderAsync(cancellation))
        {
            await reader.ReadAsync(cancellation);
            var perCommand = (int column) => (reader.GetInt64(column) / (double)Math.Max(commands, 1)).ToString("0.0", CultureInfo.InvariantCulture);
            report.AppendLine(CultureInfo.InvariantCulture,
                $"{commands} commands; per command: {perCommand(0)} transactions, {perCommand(1)} rows inserted, {perCommand(2)} updated, {perCommand(3)} deleted");
        }

        report.AppendLine("exec ms total | calls | exec ms mean | plan ms total | top level | statement");
        await using (var statements = new NpgsqlCommand(
                         """
                         select total_exec_time, calls, mean_exec_time, total_plan_time, toplevel, left(regexp_replace(query, '\s+', ' ', 'g'), 300)
                         from pg_stat_statements order by total_exec_time desc limit 60
                         """, connection))
        await using (var reader = await statements.ExecuteReaderAsync(cancellation))
        {
            while (await reader.ReadAsync(cancellation))
            {
                report.AppendLine(CultureInfo.InvariantCulture,
                    $"{reader.GetDouble(0):0.0} | {reader.GetInt64(1)} | {reader.GetDouble(2):0.000} | {reader.GetDouble(3):0.0} | {reader.GetBoolean(4)} | {reader.GetString(5)}");
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report.ToString(), cancellation);
    }
}
