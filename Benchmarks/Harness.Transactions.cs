using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Benchmarks.Workload;
using Npgsql;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    // Here the confirmation's count includes the budget workflow it starts.
    private static readonly string[] StepNames = [.. CommandCase.Kinds.SkipLast(1), "confirmation (+ budget workflow)"];

    /// <summary>
    /// (issue 25, item 1) What PostgreSQL does per command, by kind of command and by whom (<c>--only transactions</c>; counts, not
    /// times, so a busy machine gives the same table). For each step of the workflow in turn, as many clients as the throughput
    /// phase send it for a number of applications and the harness waits until the budget workflow and every async projection are done;
    /// the transactions (pg_stat_database) and the top-level statements (pg_stat_statements, each attributed to what sent it by
    /// the table it touches) in that window, less what the host does idle in the same time (measured first), are the command's.
    /// The harness's own queries run on one connection of their own, are left out of the statements and subtracted from the
    /// transactions. Round trips are the host's Npgsql operations (a statement or a batch of them sent at once, from its /metrics)
    /// plus the commits and rollbacks, which Npgsql sends on their own (a BEGIN rides along with the next statement).
    /// Written to transactions.md in the output folder.
    /// </summary>
    private async Task TransactionsAsync(string publish, string connectionString, CancellationToken cancellation)
    {
        var perStep = settings.TransactionCommands;
        Log($"transactions: {perStep} commands of each kind, one kind after the other, sent by {settings.Clients} clients, attributed by statement");
        // Npgsql's statement log, as JSON lines with UTC timestamps, for the round trips by origin (RoundTripOrigins).
        var hostLog = LogPath("host-transactions");
        await using var host = HostProcess.Start(publish, connectionString, hostLog, settings: new Dictionary<string, string>
        {
            ["Database__StatementLogging"] = "true",
            ["Logging__LogLevel__Npgsql.Command"] = "Debug",
            ["Logging__LogLevel__Npgsql.Transaction"] = "Debug",
            ["Logging__Console__FormatterName"] = "json",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "yyyy-MM-ddTHH:mm:ss.fffZ",
        });
        await FirstCommandAsync(host, cancellation);
        using var api = new FachwerkApi(host.Address);
        var world = await CommandWorld.SetUpAsync(api, applicants: 4, programmes: 2, cancellation);
        await StatementProfile.ResetAsync(connectionString, cancellation);
        using var metrics = new HttpClient { BaseAddress = host.Address };
        await using var observer = new StatisticsObserver(connectionString, token => NpgsqlOperationsAsync(metrics, token));
        await observer.OpenAsync(cancellation);

        await observer.QuietAsync(cancellation);
        var idle = await observer.SampleAsync(() => Task.Delay(settings.TransactionIdleWindow, cancellation), cancellation);
        Log($"  idle: {idle.Transactions / idle.Seconds:F1} transactions/s, {idle.RoundTrips / idle.Seconds:F1} round trips/s, " +
            $"{idle.Statements.Values.Sum() / idle.Seconds:F1} statements/s");
        var idleBySource = idle with { Statements = BySource(idle.Statements) };

        var rows = new List<(string Kind, double Transactions, double RoundTrips, IReadOnlyDictionary<string, double> Statements)>();
        var windows = new List<(string Kind, StatisticsSample Sample)>();
        var mixStatements = new List<IReadOnlyDictionary<string, double>>();
        for (var step = 0; step < CommandCase.Steps; step++)
        {
            var cases = Enumerable.Range(0, perStep).Select(_ => NewCase(world)).ToList();
            foreach (var next in cases)
                while (next.Step < step && await next.NextAsync(cancellation)) { }
            await observer.QuietAsync(cancellation);
            // As many clients as the throughput phase: the daemon and the budget workflow batch what arrives together, as they do there.
            var sample = await observer.SampleAsync(async () =>
            {
                await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = settings.Clients, CancellationToken = cancellation },
                    async (next, token) =>
                    {
                        if (!await next.NextAsync(token)) throw new InvalidOperationException($"{StepNames[step]} was refused ({CommandCase.LastFailure}).");
                    });
                await observer.QuietAsync(cancellation);
            }, cancellation);
            var row = sample.LessIdle(idle, perStep);
            windows.Add((StepNames[step], sample));
            rows.Add((StepNames[step], row.Transactions, row.RoundTrips, BySource(row.Statements)));
            Log($"  {StepNames[step]}: {row.Transactions:F1} transactions, {row.RoundTrips:F1} round trips, {row.Statements.Values.Sum():F1} statements per command");
            mixStatements.Add(row.Statements);
        }

        var table = TransactionTable(rows, idleBySource, perStep, settings.Clients) +
                    OriginTable(RoundTripOrigins.Read(hostLog), idle, windows, perStep) +
                    StatementList(mixStatements, "The statements behind it, per command of the mix (one of each kind), most frequent first:", 0.05, 60) +
                    string.Concat(mixStatements.Select((statements, step) =>
                        StatementList([statements], $"{StepNames[step]}: the statements sent at least half as often as the commands, per command:", 0.5, 40)));
        var file = Path.Combine(settings.OutputFolder, "transactions.md");
        Directory.CreateDirectory(settings.OutputFolder);
        await File.WriteAllTextAsync(file, table, cancellation);
        Console.WriteLine(table);
        var mix = rows.Average(r => r.Transactions);
        _notes.Add($"transactions per command over the harness's mix (one of each step): {Format.Number(mix)}; round trips " +
                   $"{Format.Number(rows.Average(r => r.RoundTrips))}; statements " +
                   $"{Format.Number(rows.Average(r => r.Statements.Values.Sum()))}; the table by kind and source is in transactions.md");
        Log($"written to {file}");
    }

    /// <summary>
    /// The round trips of each kind by who sent them (RoundTripOrigins), per command; what the host does at a steady pace by itself
    /// less its idle rate in as long a window.
    /// </summary>
    private static string OriginTable(IReadOnlyList<RoundTripOrigins.Unit> units, StatisticsSample idle, IReadOnlyList<(string Kind, StatisticsSample Sample)> windows, int perStep)
    {
        // Every command took a round trip; none in the log means the host did not write its statements as asked.
        if (!units.Any(u => u.Origin == "command"))
            throw new InvalidOperationException("The host's log has no statements of a command: it did not honour Database:StatementLogging or the JSON log format.");
        var idleCounts = RoundTripOrigins.Count(units, idle.From, idle.To);
        var perKind = windows.Select(w => (w.Kind, Counts: RoundTripOrigins.Count(units, w.Sample.From, w.Sample.To)
            .Concat(idleCounts.Where(i => RoundTripOrigins.Polling.Contains(i.Key)).Select(i => KeyValuePair.Create(i.Key, -i.Value * w.Sample.Seconds / idle.Seconds)))
            .GroupBy(c => c.Key).ToDictionary(g => g.Key, g => g.Sum(c => c.Value) / perStep))).ToList();
        var origins = perKind.SelectMany(k => k.Counts).GroupBy(c => c.Key).Select(g => (Origin: g.Key, Mix: g.Sum(c => c.Value) / perKind.Count))
            .Where(o => Math.Abs(o.Mix) >= 0.005).OrderByDescending(o => o.Mix).ToList();
        string Cell(double value) => value.ToString("F2", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("Round trips per command by who sent them (the host's statement log: each statement or batch Npgsql sent, each commit; " +
                        "the host's own polling less its idle rate, so a small negative figure is noise):");
        text.AppendLine();
        text.AppendLine("| origin | " + string.Join(" | ", perKind.Select(k => k.Kind)) + " | mix (mean) |");
        text.AppendLine("|---|" + string.Concat(perKind.Select(_ => "---:|")) + "---:|");
        foreach (var (origin, mix) in origins)
            text.AppendLine($"| {origin} | " + string.Join(" | ", perKind.Select(k => Cell(k.Counts.GetValueOrDefault(origin)))) + $" | {Cell(mix)} |");
        text.AppendLine("| **all** | " + string.Join(" | ", perKind.Select(k => Cell(k.Counts.Values.Sum()))) + $" | {Cell(perKind.Average(k => k.Counts.Values.Sum()))} |");
        text.AppendLine();
        text.AppendLine("Idle, per second: " + string.Join("; ", idleCounts.OrderByDescending(c => c.Value)
            .Select(c => FormattableString.Invariant($"{c.Key} {c.Value / idle.Seconds:F1}"))) + " round trips.");
        return text.ToString();
    }

    /// <summary>How many operations (statements or batches) the host's Npgsql has executed, summed over its /metrics series.</summary>
    private static async Task<double> NpgsqlOperationsAsync(HttpClient metrics, CancellationToken cancellation)
    {
        var text = await metrics.GetStringAsync(new Uri("/metrics", UriKind.Relative), cancellation);
        return text.Split('\n')
            .Where(line => line.StartsWith("db_client_operation_duration_seconds_count", StringComparison.Ordinal))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static Dictionary<string, double> BySource(IReadOnlyDictionary<string, double> statements) =>
        statements.GroupBy(s => StatementSources.Of(s.Key)).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));

    /// <summary>
    /// The statements behind the table, by how often a command of <paramref name="steps"/> (one of each kind given) sends them:
    /// for the mix, and for each kind alone (which of them a kind's round trips are).
    /// </summary>
    private static string StatementList(IReadOnlyList<IReadOnlyDictionary<string, double>> steps, string heading, double least, int most)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(heading);
        text.AppendLine();
        text.AppendLine("| per command | source | statement |");
        text.AppendLine("|---:|---|---|");
        foreach (var (query, calls) in steps.SelectMany(s => s).GroupBy(s => s.Key)
                     .Select(g => (Query: g.Key, Calls: g.Sum(s => s.Value) / steps.Count)).Where(s => s.Calls >= least).OrderByDescending(s => s.Calls).Take(most))
        {
            var shown = System.Text.RegularExpressions.Regex.Replace(query, @"\s+", " ").Replace("|", "\\|", StringComparison.Ordinal);
            text.AppendLine(FormattableString.Invariant($"| {calls:F2} | {StatementSources.Of(query)} | `{(shown.Length > 160 ? shown[..160] + "…" : shown)}` |"));
        }

        return text.ToString();
    }

    private static string TransactionTable(
        IReadOnlyList<(string Kind, double Transactions, double RoundTrips, IReadOnlyDictionary<string, double> Statements)> rows, StatisticsSample idle, int perStep, int clients)
    {
        var sources = rows.SelectMany(r => r.Statements).GroupBy(s => s.Key).OrderByDescending(g => g.Sum(s => s.Value)).Select(g => g.Key).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Per command, {perStep} commands of each kind sent by {clients} clients, one kind after the other, each kind until its budget workflow and the async projections were done; " +
            $"idle host subtracted ({idle.Transactions / idle.Seconds:F1} transactions/s, {idle.RoundTrips / idle.Seconds:F1} round trips/s, " +
            $"{idle.Statements.Values.Sum() / idle.Seconds:F1} statements/s).");
        text.AppendLine();
        text.AppendLine("| command | transactions | round trips | statements | " + string.Join(" | ", sources) + " |");
        text.AppendLine("|---|---:|---:|---:|" + string.Concat(sources.Select(_ => "---:|")));
        foreach (var (kind, transactions, roundTrips, statements) in rows)
            text.AppendLine(FormattableString.Invariant($"| {kind} | {transactions:F1} | {roundTrips:F1} | {statements.Values.Sum():F1} | ") +
                                                          string.Join(" | ", sources.Select(s => statements.GetValueOrDefault(s).ToString("F1", CultureInfo.InvariantCulture))) + " |");
        text.AppendLine(FormattableString.Invariant($"| mix (mean) | {rows.Average(r => r.Transactions):F1} | {rows.Average(r => r.RoundTrips):F1} | {rows.Average(r => r.Statements.Values.Sum()):F1} | ") +
                                                      string.Join(" | ", sources.Select(s => rows.Average(r => r.Statements.GetValueOrDefault(s)).ToString("F1", CultureInfo.InvariantCulture))) + " |");
        text.AppendLine();
        text.AppendLine(FormattableString.Invariant($"Idle, per second: {idle.Transactions / idle.Seconds:F1} transactions; ") +
            string.Join("; ", idle.Statements.OrderByDescending(s => s.Value).Select(s => FormattableString.Invariant($"{s.Key} {s.Value / idle.Seconds:F1}"))) + " statements.");
        return text.ToString();
    }

    /// <summary>What PostgreSQL counted in a window: transactions, and top-level statements by their source; and the host's round trips.</summary>
    private sealed record StatisticsSample(double Seconds, double Transactions, double RoundTrips, IReadOnlyDictionary<string, double> Statements)
    {
        /// <summary>The window's start and end (UTC), for the host's statement log.</summary>
        public DateTime From { get; init; }

        public DateTime To { get; init; }

        /// <summary>Per command, with what the idle host does in as long a window taken away (never below zero).</summary>
        public StatisticsSample LessIdle(StatisticsSample idle, int commands)
        {
            var rate = Seconds / idle.Seconds;
            return new StatisticsSample(Seconds, Math.Max(0, (Transactions - idle.Transactions * rate) / commands),
                Math.Max(0, (RoundTrips - idle.RoundTrips * rate) / commands),
                Statements.ToDictionary(s => s.Key, s => Math.Max(0, (s.Value - idle.Statements.GetValueOrDefault(s.Key) * rate) / commands)));
        }
    }

    /// <summary>
    /// The harness's view of the statistics, on one connection of its own (so it adds exactly one transaction per query it runs).
    /// PostgreSQL 15 publishes a backend's transaction counts when it goes idle, at most once a second and within ten seconds,
    /// so a window ends only after that long without work.
    /// </summary>
    private sealed class StatisticsObserver(string connectionString, Func<CancellationToken, Task<double>> clientOperations) : IAsyncDisposable
    {
        private static readonly TimeSpan Publication = TimeSpan.FromSeconds(11);
        private readonly NpgsqlConnection _connection = new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        private long _queries;

        public Task OpenAsync(CancellationToken cancellation) => _connection.OpenAsync(cancellation);

        /// <summary>Until no application awaits its commitment, no message waits in the inbox and every async projection has caught up.</summary>
        public Task QuietAsync(CancellationToken cancellation) => UnsettledWork.WaitAsync(ScalarAsync, Schema, cancellation);

        public async Task<StatisticsSample> SampleAsync(Func<Task> work, CancellationToken cancellation)
        {
            await Task.Delay(Publication, cancellation);
            var (transactionsBefore, queriesBefore, statementsBefore) = await SnapshotAsync(cancellation);
            var operationsBefore = await clientOperations(cancellation);
            var from = DateTime.UtcNow;
            var clock = Stopwatch.StartNew();
            await work();
            await Task.Delay(Publication, cancellation);
            var seconds = clock.Elapsed.TotalSeconds;
            var operationsAfter = await clientOperations(cancellation);
            var (transactionsAfter, queriesAfter, statementsAfter) = await SnapshotAsync(cancellation);
            // Counted between the two reads of the counter: the first snapshot's statement query and every query after it, not the
            // second read itself (still running when it reads).
            var ownQueries = queriesAfter - queriesBefore - 1;
            var statements = statementsAfter.ToDictionary(s => s.Key, s => s.Value - statementsBefore.GetValueOrDefault(s.Key));
            var endings = statements.Where(s => s.Key.Trim().ToUpperInvariant() is "COMMIT" or "ROLLBACK").Sum(s => s.Value);
            return new StatisticsSample(seconds, transactionsAfter - transactionsBefore - ownQueries, operationsAfter - operationsBefore + endings, statements)
            {
                From = from,
                To = from + clock.Elapsed,
            };
        }

        private async Task<(double Transactions, long QueriesAtRead, IReadOnlyDictionary<string, double> Statements)> SnapshotAsync(CancellationToken cancellation)
        {
            var transactions = await ScalarAsync("/* bench */ select xact_commit + xact_rollback from pg_stat_database where datname = current_database()", cancellation);
            var queriesAtRead = _queries;
            var statements = new Dictionary<string, double>();
            _queries++;
            await using var command = new NpgsqlCommand(
                "/* bench */ select query, calls from pg_stat_statements where toplevel and dbid = (select oid from pg_database where datname = current_database()) " +
                "and query not like '/* bench */%'", _connection);
            await using var reader = await command.ExecuteReaderAsync(cancellation);
            while (await reader.ReadAsync(cancellation))
            {
                var query = reader.GetString(0);
                statements[query] = statements.GetValueOrDefault(query) + reader.GetInt64(1);
            }

            return (transactions, queriesAtRead, statements);
        }

        private async Task<long> ScalarAsync(string sql, CancellationToken cancellation)
        {
            _queries++;
            await using var command = new NpgsqlCommand(sql, _connection);
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellation), CultureInfo.InvariantCulture);
        }

        public ValueTask DisposeAsync() => _connection.DisposeAsync();
    }
}
