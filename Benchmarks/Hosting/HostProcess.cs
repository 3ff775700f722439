using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Fachwerk.Benchmarks.Workload;

namespace Fachwerk.Benchmarks.Hosting;

/// <summary>
/// The released host as a separate process, as in production: Development environment only for the development token
/// issuer (the demo world stays off), pointed at the harness's database, on a free loopback port; its output goes to a log.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly Task _pump;
    private readonly StreamWriter _log;

    private HostProcess(Process process, Stopwatch sinceStart, Uri address, StreamWriter log)
    {
        _process = process;
        SinceStart = sinceStart;
        Address = address;
        _log = log;
        _pump = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
    }

    public Uri Address { get; }

    /// <summary>Time since the process was started.</summary>
    public Stopwatch SinceStart { get; }

    public int Id => _process.Id;

    /// <param name="applySchema">false for a start as deployments do it, with the schema applied beforehand (db-apply).</param>
    /// <param name="cluster">For a node of several on one database (ADR 0125): its name and the folder of the keys the nodes share.</param>
    /// <summary>The harness's environment variable whose connection-string keywords every host process gets added (A/B runs).</summary>
    public const string HostConnectionOptionsVariable = "FACHWERK_BENCH_HOST_CONNECTION_OPTIONS";

    /// <param name="settings">Configuration of the host's own beyond the harness's defaults, as environment variables.</param>
    public static HostProcess Start(string publishFolder, string connectionString, string logPath, bool applySchema = true,
        (string NodeName, string KeyFolder)? cluster = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = publishFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(publishFolder, "Fachwerk.Host.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DemoWorld__Enabled"] = "false";
        start.Environment["Authentication__DevelopmentTokens"] = "true";
        // A full run lasts longer than the hour a development token lives by default.
        start.Environment["Authentication__DevelopmentTokenMaxMinutes"] = FachwerkApi.TokenMinutes.ToString(CultureInfo.InvariantCulture);
        // The workload is a handful of users sending hundreds of commands a second: the per-user limits would measure themselves.
        start.Environment["RateLimits__Enabled"] = "false";
        // For A/B runs of connection settings: keywords added to the host's connection string, which win over the host's defaults.
        start.Environment["ConnectionStrings__Fachwerk"] =
            Environment.GetEnvironmentVariable(HostConnectionOptionsVariable) is { Length: > 0 } options ? connectionString + ";" + options : connectionString;
        start.Environment["Database__ApplySchemaOnStartup"] = applySchema ? "true" : "false";
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        if (cluster is { } node)
        {
            start.Environment["Cluster__NodeName"] = node.NodeName;
            start.Environment["Cluster__KeyFolder"] = node.KeyFolder;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key] = value;

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: true, Encoding.UTF8) { AutoFlush = true };
        var clock = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the host.");
        return new HostProcess(process, clock, new Uri($"http://127.0.0.1:{port}/"), log);
    }

    public bool HasExited => _process.HasExited;

    public double? PeakResidentMegabytes => Processes.PeakResidentMegabytes(_process.Id);

    public double? ResidentMegabytes => Processes.ResidentMegabytes(_process.Id);

    public TimeSpan? CpuTime => Processes.CpuTime(_process.Id);

    /// <summary>Ends the host as <c>kill -9</c> does (SIGKILL): no shutdown, nothing flushed, its database sessions simply gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops the host as an orchestrator would (SIGTERM, then a grace period), killing it only if it hangs.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        await _pump;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        await _log.DisposeAsync();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_log) _log.WriteLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
