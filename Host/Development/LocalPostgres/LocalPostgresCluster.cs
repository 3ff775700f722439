using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Fachwerk.Host.Development.LocalPostgres;

/// <summary>
/// A PostgreSQL cluster run from this machine's server binaries (initdb, pg_ctl): the host uses it in Development when no
/// connection string is configured (<see cref="LocalClusterDatabase"/>), the tests use a throwaway one when neither a
/// connection string nor Docker is available, and the benchmark harness a durable throwaway one. Listens on 127.0.0.1 only, trusts local connections, and is stopped again by <see cref="Stop"/>.
/// When the process runs as root the server runs as the 'postgres' user, because initdb refuses root.
/// </summary>
public sealed class LocalPostgresCluster : IDisposable
{
    public const string DatabaseName = "fachwerk";
    public const int DefaultPort = 54329;
    private const string SuperUser = "postgres";

    private readonly string _binDirectory;
    private readonly bool _throwaway;
    private readonly bool _durable;
    private bool _started;

    private LocalPostgresCluster(string binDirectory, string dataDirectory, bool throwaway, bool durable = false)
    {
        _binDirectory = binDirectory;
        DataDirectory = dataDirectory;
        _throwaway = throwaway;
        _durable = durable;
    }

    public string DataDirectory { get; }

    /// <summary>Further server settings (<c>name=value</c>) for the next start, e.g. to load pg_stat_statements for a profile.</summary>
    public IList<string> ServerSettings { get; } = [];

    public int Port { get; private set; }
    public string ConnectionString => ConnectionStringFor(DatabaseName);

    /// <summary>A persistent cluster in <paramref name="dataDirectory"/>: created on first use, reused afterwards.</summary>
    public static LocalPostgresCluster Persistent(string dataDirectory, string? binDirectory = null) =>
        new(FindBinDirectory(binDirectory), Path.GetFullPath(dataDirectory), throwaway: false);

    /// <summary>A throwaway cluster in a temporary folder, tuned for speed (no fsync), deleted on <see cref="Stop"/>.</summary>
    public static LocalPostgresCluster Throwaway(string? binDirectory = null) =>
        new(FindBinDirectory(binDirectory),
            Path.Combine(Path.GetTempPath(), "fachwerk-pg-" + Guid.NewGuid().ToString("N")[..12]), throwaway: true);

    /// <summary>
    /// A throwaway cluster that keeps PostgreSQL's default durability (fsync, synchronous commit, full-page writes), deleted on
    /// <see cref="Stop"/>: the benchmarks measure real commits, so their floor and our figures pay the same commit cost.
    /// </summary>
    public static LocalPostgresCluster DurableThrowaway(string? binDirectory = null) =>
        new(FindBinDirectory(binDirectory),
            Path.Combine(Path.GetTempPath(), "fachwerk-pg-" + Guid.NewGuid().ToString("N")[..12]), throwaway: true, durable: true);

    /// <summary>
    /// Creates the cluster if needed, starts it (or adopts one already running on this folder) and creates the database.
    /// The server listens on <paramref name="preferredPort"/> when it is free, else (or when it is 0) on any free port.
    /// </summary>
    public void Start(int preferredPort = DefaultPort)
    {
        if (!File.Exists(Path.Combine(DataDirectory, "PG_VERSION")))
            InitializeDataDirectory();

        var runningPort = RunningPort();
        if (runningPort is { } port)
        {
            Port = port;
        }
        else
        {
            Port = preferredPort > 0 && IsPortFree(preferredPort) ? preferredPort : FreePort();
            var settings = $"-p {Port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=300";
            // A session whose client died (a killed host) ends within a second instead of when TCP gives up, and with it the
            // projection daemon's advisory lock and its open transaction (ADR 0081). Not on Windows, which lacks the check.
            if (!OperatingSystem.IsWindows()) settings += " -c client_connection_check_interval=1s";
            if (_throwaway && !_durable)
                settings += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
            foreach (var setting in ServerSettings) settings += $" -c {setting}";
            try
            {
                RunTool("pg_ctl", "start", "-w", "-t", "60", "-D", DataDirectory, "-l", LogFile, "-o", settings);
            }
            catch (LocalPostgresUnavailableException e) when (File.Exists(LogFile))
            {
                var log = File.ReadLines(LogFile).TakeLast(10);
                throw new LocalPostgresUnavailableException($"{e.Message}{Environment.NewLine}Server log ({LogFile}):{Environment.NewLine}{string.Join(Environment.NewLine, log)}", e);
            }
        }

        _started = true;
        EnsureDatabase();
    }

    /// <summary>Stops the server; a throwaway cluster's folder is deleted as well.</summary>
    public void Stop()
    {
        if (!_started) return;
        _started = false;
        try
        {
            // Someone may have stopped it already (another host that adopted the same folder): that is fine.
            if (RunningPort() is not null)
                RunTool("pg_ctl", "stop", "-w", "-m", "fast", "-D", DataDirectory);
        }
        finally
        {
            if (_throwaway && Directory.Exists(DataDirectory))
                Directory.Delete(DataDirectory, recursive: true);
        }
    }

    public void Dispose() => Stop();

    /// <summary>
    /// Stops the server as a restart or a crash of the database would (<paramref name="immediate"/>: without a checkpoint, every
    /// session cut off) and keeps the folder: <see cref="Start"/> with <see cref="Port"/> brings it back. For outage tests.
    /// </summary>
    public void Interrupt(bool immediate = false) =>
        RunTool("pg_ctl", "stop", "-w", "-m", immediate ? "immediate" : "fast", "-D", DataDirectory);

    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    /// <summary>The server's log (pg_ctl -l); a throwaway cluster's goes with its folder on <see cref="Stop"/>.</summary>
    public string LogFile => Path.Combine(DataDirectory, "server.log");

    private void InitializeDataDirectory()
    {
        Directory.CreateDirectory(DataDirectory);
        if (RunsAsRoot)
        {
            // initdb refuses root: the 'postgres' user owns the cluster and needs to reach the folder.
            RunProcess("chown", ["-R", SuperUser + ":", DataDirectory]);
        }

        RunTool("initdb", "-D", DataDirectory, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--no-locale", "--no-instructions");
    }

    /// <summary>The port of a server already running on this data folder (e.g. left over by a host that was killed).</summary>
    private int? RunningPort()
    {
        var pidFile = Path.Combine(DataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        var status = RunProcess(Tool("pg_ctl"), ["status", "-D", DataDirectory], asClusterOwner: true, throwOnFailure: false);
        if (status.ExitCode != 0) return null;

        // Line 4 of postmaster.pid is the port the server listens on.
        var lines = File.ReadAllLines(pidFile);
        return lines.Length > 3 && int.TryParse(lines[3].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var port)
            ? port
            : null;
    }

    private void EnsureDatabase()
    {
        // Unpooled: after a restart of the server in this process a pooled connection would be one it has cut off.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionStringFor("postgres")) { Pooling = false }.ConnectionString);
        connection.Open();
        using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", DatabaseName);
        if (exists.ExecuteScalar() is not null) return;

        using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", connection);
        create.ExecuteNonQuery();
    }

    private void RunTool(string tool, params string[] arguments) =>
        RunProcess(Tool(tool), arguments, asClusterOwner: true, throwOnFailure: true);

    private string Tool(string name) => Path.Combine(_binDirectory, name);

    private static bool RunsAsRoot => OperatingSystem.IsLinux() && Environment.UserName == "root";

    private static (int ExitCode, string Output) RunProcess(string fileName, string[] arguments) =>
        RunProcess(fileName, arguments, asClusterOwner: false, throwOnFailure: true);

    private static (int ExitCode, string Output) RunProcess(string fileName, string[] arguments, bool asClusterOwner, bool throwOnFailure)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asClusterOwner && RunsAsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", SuperUser, "--", fileName }) start.ArgumentList.Add(argument);
        }
        else
        {
            start.FileName = fileName;
        }

        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        using var process = Process.Start(start)
                            ?? throw new LocalPostgresUnavailableException($"Could not start {fileName}.");
        // pg_ctl start leaves the server running with our pipes open; read both streams to the end of the tool only.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new LocalPostgresUnavailableException($"{Path.GetFileName(fileName)} did not finish within two minutes.");
        }

        var output = (stdout.Result + stderr.Result).Trim();
        if (throwOnFailure && process.ExitCode != 0)
            throw new LocalPostgresUnavailableException(
                $"'{Path.GetFileName(fileName)} {string.Join(' ', arguments)}' failed with exit code {process.ExitCode}: {output}");
        return (process.ExitCode, output);
    }

    /// <summary>
    /// Where initdb and pg_ctl live: the configured folder, the PATH, or the usual install locations
    /// (Debian/Ubuntu /usr/lib/postgresql/N/bin, Homebrew, EDB installers), newest version first.
    /// </summary>
    public static string FindBinDirectory(string? configured = null) =>
        FindBinDirectory(configured, Environment.GetEnvironmentVariable("PATH"), InstallRoots);

    /// <summary>Folders whose versioned subfolders hold PostgreSQL installations.</summary>
    public static readonly IReadOnlyList<string> InstallRoots =
        ["/usr/lib/postgresql", "/opt/homebrew/opt", "/usr/local/opt", "/opt/postgresql", "/usr/pgsql", "/usr/local/pgsql"];

    public static string FindBinDirectory(string? configured, string? path, IEnumerable<string> installRoots)
    {
        var candidates = new List<string>();
        if (!string.IsNullOrWhiteSpace(configured)) candidates.Add(configured);
        candidates.AddRange((path ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        foreach (var root in installRoots)
        {
            if (!Directory.Exists(root)) continue;
            candidates.AddRange(Directory.GetDirectories(root)
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .Select(d => Path.Combine(d, "bin")));
            candidates.Add(Path.Combine(root, "bin"));
        }

        foreach (var directory in candidates)
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
                return ResolveLinks(directory);
        }

        throw new LocalPostgresUnavailableException(
            "No PostgreSQL server binaries (initdb, pg_ctl) were found, and no connection string is configured. " +
            "Install the PostgreSQL 15+ server (Debian/Ubuntu: 'sudo apt-get install postgresql'; macOS: 'brew install postgresql@16'), " +
            "set LocalPostgres__BinDirectory to the folder that holds initdb and pg_ctl, " +
            "or point ConnectionStrings__Fachwerk at an existing PostgreSQL database (e.g. the one from 'docker compose up db').");
    }

    // /usr/local/bin/initdb may be a link into /usr/lib/postgresql/15/bin; pg_ctl finds 'postgres' beside the real file.
    private static string ResolveLinks(string directory)
    {
        var initdb = new FileInfo(Path.Combine(directory, "initdb"));
        var target = initdb.ResolveLinkTarget(returnFinalTarget: true);
        return target is null ? directory : Path.GetDirectoryName(target.FullName)!;
    }

    private static bool IsPortFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
