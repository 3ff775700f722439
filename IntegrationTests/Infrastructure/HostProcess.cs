using System.Diagnostics;

namespace Fachwerk.IntegrationTests.Infrastructure;

/// <summary>The host as it is deployed: its own process, started from the build beside the tests, run until it stops.</summary>
public static class HostProcess
{
    /// <summary>The host of the build beside the tests, with <paramref name="environment"/> and its output redirected.</summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Fachwerk.Host.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        return start;
    }

    /// <summary>Starts the host with <paramref name="environment"/> and waits until it exits; answers its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunUntilExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        using var host = Process.Start(StartInfo(environment))!;
        var output = host.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = host.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        // A guard against a host that does not stop (it would listen until killed), not a measurement.
        using (var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            guard.CancelAfter(TimeSpan.FromMinutes(2));
            try
            {
                await host.WaitForExitAsync(guard.Token);
            }
            finally
            {
                if (!host.HasExited) host.Kill(entireProcessTree: true);
            }
        }

        return (host.ExitCode, await output, await error);
    }
}
