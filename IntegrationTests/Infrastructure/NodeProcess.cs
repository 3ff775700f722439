using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>
/// A node of a cluster as deployed: the host in its own process, started from the build beside the tests, its output kept line by
/// line. <see cref="Kill"/> ends it like <c>kill -9</c> (SIGKILL: no shutdown, no goodbye to the database).
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _lines = new();

    private NodeProcess(string name, string address, Process process)
    {
        Name = name;
        Address = new Uri(address);
        _process = process;
        _process.OutputDataReceived += (_, line) => { if (line.Data is { } text) _lines.Enqueue(text); };
        _process.ErrorDataReceived += (_, line) => { if (line.Data is { } text) _lines.Enqueue(text); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Address { get; }

    /// <summary>Everything the node wrote so far (standard output and error).</summary>
    public IReadOnlyCollection<string> Output => _lines;

    public static NodeProcess Start(string name, IReadOnlyDictionary<string, string> environment)
    {
        var address = $"http://127.0.0.1:{FreePort()}";
        var start = HostProcess.StartInfo(environment);
        start.Environment["ASPNETCORE_URLS"] = address;
        start.Environment["Cluster__NodeName"] = name;
        return new NodeProcess(name, address, Process.Start(start)!);
    }

    /// <summary>The first line the node wrote that matches; fails the test if none came <paramref name="within"/> (a guard, not a measurement).</summary>
    public async Task<string> LineAsync(Func<string, bool> matches, TimeSpan within) =>
        await Eventually.Async(_ =>
        {
            if (_process.HasExited && !_lines.Any(matches))
                throw new InvalidOperationException($"Node {Name} exited with {_process.ExitCode}:\n{string.Join('\n', _lines.TakeLast(40))}");
            return Task.FromResult(_lines.FirstOrDefault(matches));
        }, within, TimeSpan.FromMilliseconds(100));

    /// <summary>Ends the process at once, as <c>kill -9</c> does.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited) Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
