using System.Diagnostics;
using System.Globalization;
using Fachwerk.Benchmarks.Hosting;
using Fachwerk.Benchmarks.Measuring;
using Fachwerk.Benchmarks.Postgres;
using Fachwerk.Benchmarks.Reporting;
using Fachwerk.Host.Development.LocalPostgres;

namespace Fachwerk.Benchmarks;

public sealed partial class Harness
{
    /// <summary>(6) The first start creates the schema; the measured starts find it, as a restart or a new release does.</summary>
    private async Task<double> ColdStartAsync(string publish, string connectionString, LocalPostgresCluster cluster, CancellationToken cancellation)
    {
        await using (var first = HostProcess.Start(publish, connectionString, LogPath("host-first-start")))
        {
            var (_, firstCommand, _) = await FirstCommandAsync(first, cancellation);
            _notes.Add($"6a: the very first start, which also creates the schema, served its first command after {Format.Number(firstCommand.TotalMilliseconds)} ms.");
        }

        var starts = new List<(TimeSpan Ready, TimeSpan FirstCommand, TimeSpan Cpu)>();
        double idle = 0;
        for (var i = 0; i < settings.ColdStarts; i++)
        {
            // The first start applied the schema; a release start finds it applied (db-apply at deployment) and checks nothing.
            await using var host = HostProcess.Start(publish, connectionString, LogPath("host-cold-start"), applySchema: false);
            starts.Add(await FirstCommandAsync(host, cancellation));
            idle = host.ResidentMegabytes ?? 0;
        }

        var floors = new PostgresFloors(connectionString);
        await floors.InsertLatencyAtRateAsync(10, TimeSpan.FromSeconds(0.2), cancellation);
        var psql = Path.Combine(LocalPostgresCluster.FindBinDirectory(), "psql");
        var processFloor = new List<double>();
        for (var i = 0; i < Math.Max(3, settings.ColdStarts); i++)
        {
            var clock = Stopwatch.StartNew();
            await Processes.RunAsync(psql, ["-h", "127.0.0.1", "-p", cluster.Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", "-d", CommandsDatabase,
                "-c", "insert into bench_floor.commit_rows (payload) values ('{}')"], Repository.Root, null, TimeSpan.FromSeconds(30), cancellation);
            processFloor.Add(clock.Elapsed.TotalMilliseconds);
        }

        var firstCommands = starts.Select(s => s.FirstCommand.TotalMilliseconds).ToList();
        AddFigure(new Figure("6a", $"cold start of the release build to the first served command (median of {starts.Count})",
            Percentiles.Of(firstCommands, 50), "ms", Percentiles.Of(processFloor, 50), "a new psql process connecting and committing one insert (median)",
            Target.AtMost(2000))
        {
            Notes = $"schema applied beforehand, as a deployment does (Database:ApplySchemaOnStartup=false); pre-generated code loaded statically{(settings.ReadyToRun ? ", ReadyToRun" : ", JIT only (no ReadyToRun)")}; " +
                    $"all starts {string.Join(", ", firstCommands.Select(ms => Format.Number(ms)))} ms; listening (token issued) after " +
                    $"{string.Join(", ", starts.Select(s => Format.Number(s.Ready.TotalMilliseconds)))} ms; CPU used until the first command " +
                    $"{string.Join(", ", starts.Select(s => Format.Number(s.Cpu.TotalMilliseconds)))} ms",
        });
        return idle;
    }
}
