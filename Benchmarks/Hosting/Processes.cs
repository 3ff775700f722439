using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Fachwerk.Benchmarks.Hosting;

/// <summary>Runs the tools the harness needs (dotnet, psql) and reads a process's memory from /proc.</summary>
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
    public static TimeSpan? CpuTime(int processId)
    {
        var path = $"/proc/{processId}/stat";
        if (!File.Exists(path)) return null;
        // Fields after the command name (which may contain spaces) start after the last ')'; utime and stime are fields 14 and 15.
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
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
