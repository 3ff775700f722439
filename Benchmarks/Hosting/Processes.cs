using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Fachwerk.Benchmarks.Hosting;

/// <summary>Runs the tools the harness needs (dotnet, psql) and reads a process's memory and CPU time from /proc.</summary>
public static class Processes
{
    public static async Task<string> RunAsync(
        string fileName, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment,
        TimeSpan timeout, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {fileName}.");
        var output = new StringBuilder();
        var stdout = PumpAsync(process.StandardOutput, output);
        var stderr = PumpAsync(process.StandardError, output);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"'{fileName} {string.Join(' ', start.ArgumentList)}' did not finish within {timeout}.");
        }

        await Task.WhenAll(stdout, stderr);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', start.ArgumentList)}' failed with exit code {process.ExitCode}:{Environment.NewLine}{Tail(output.ToString(), 40)}");
        return output.ToString();
    }

    /// <summary>Peak resident memory (VmHWM) of a running process in megabytes, from /proc; null where /proc does not exist.</summary>
    public static double? PeakResidentMegabytes(int processId) => StatusValueMegabytes(processId, "VmHWM:");

    public static double? ResidentMegabytes(int processId) => StatusValueMegabytes(processId, "VmRSS:");

    /// <summary>CPU time (user + system) a running process has used so far, from /proc/&lt;pid&gt;/stat.</summary>
    public static TimeSpan? CpuTime(int processId) => ReadStat(processId) is { } stat ? stat.Own : null;

    /// <summary>
    /// CPU time (user + system) each thread of a running process named <paramref name="threadName"/> has used so far, by thread
    /// id, from /proc/&lt;pid&gt;/task (Linux keeps the first 15 characters of a thread's name); empty where there is none.
    /// </summary>
    public static IReadOnlyDictionary<int, TimeSpan> ThreadCpuTimes(int processId, string threadName)
    {
        var times = new Dictionary<int, TimeSpan>();
        try
        {
            foreach (var folder in Directory.EnumerateDirectories($"/proc/{processId}/task"))
            {
                if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) continue;
                try
                {
                    if (File.ReadAllText(Path.Combine(folder, "comm")).TrimEnd('\n') != threadName) continue;
                    times[id] = ProcessStat.Parse(File.ReadAllText(Path.Combine(folder, "stat"))).Own;
                }
                catch (IOException)
                {
                    // the thread ended while being read
                }
            }
        }
        catch (IOException)
        {
            // the process is gone
        }

        return times;
    }

    /// <summary>
    /// CPU time of a process and all its children, those still running and those it has waited for (PostgreSQL's postmaster
    /// and its backends: a backend's time moves into the postmaster's once the backend exits, so nothing is counted twice).
    /// </summary>
    public static TimeSpan? TreeCpuTime(int processId)
    {
        if (ReadStat(processId) is not { } root) return null;
        var total = root.Own + root.WaitedForChildren;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id == processId) continue;
            if (ReadStat(id) is { } child && child.ParentId == processId) total += child.Own + child.WaitedForChildren;
        }

        return total;
    }

    /// <summary>
    /// Busy time of all cores together since boot, from the first line of /proc/stat: user, nice, system, irq, softirq and
    /// steal (guest time is part of user already); idle and I/O wait are not busy.
    /// </summary>
    public static TimeSpan? MachineBusyTime()
    {
        try
        {
            return MachineBusyTime(File.ReadLines("/proc/stat").First());
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static TimeSpan MachineBusyTime(string cpuLine)
    {
        ArgumentNullException.ThrowIfNull(cpuLine);
        var ticks = cpuLine.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal ...
        return TimeSpan.FromSeconds((ticks[0] + ticks[1] + ticks[2] + ticks[5] + ticks[6] + ticks[7]) / 100.0);
    }

    /// <summary>The postmaster's process id, from the first line of postmaster.pid in the cluster's data directory.</summary>
    public static int? PostmasterId(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "postmaster.pid");
        try
        {
            return int.TryParse(File.ReadLines(path).FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null; // the data directory belongs to the postgres user, with mode 0700
        }
    }

    /// <summary>The fields of /proc/&lt;pid&gt;/stat the harness reads; CPU times in clock ticks of 1/100 s (USER_HZ).</summary>
    public sealed record ProcessStat(int ParentId, TimeSpan Own, TimeSpan WaitedForChildren)
    {
        public static ProcessStat Parse(string stat)
        {
            ArgumentNullException.ThrowIfNull(stat);
            // Fields after the command name (which may contain spaces and parentheses) start after the last ')': state is field 3,
            // ppid 4, utime 14, stime 15, cutime 16, cstime 17.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            long Field(int number) => long.Parse(fields[number - 3], CultureInfo.InvariantCulture);
            static TimeSpan Ticks(long ticks) => TimeSpan.FromSeconds(ticks / 100.0);
            return new ProcessStat((int)Field(4), Ticks(Field(14) + Field(15)), Ticks(Field(16) + Field(17)));
        }
    }

    private static ProcessStat? ReadStat(int processId)
    {
        try
        {
            return ProcessStat.Parse(File.ReadAllText($"/proc/{processId}/stat"));
        }
        catch (IOException)
        {
            return null; // not there, or it exited while being read
        }
    }

    private static double? StatusValueMegabytes(int processId, string key)
    {
        var path = $"/proc/{processId}/status";
        if (!File.Exists(path)) return null;
        var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        if (line is null) return null;
        var kilobytes = long.Parse(line[key.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        return kilobytes / 1024.0;
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder into)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (into) into.AppendLine(line);
        }
    }

    private static string Tail(string text, int lines) => string.Join(Environment.NewLine, text.Split('\n').TakeLast(lines));
}
