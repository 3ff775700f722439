using Fachwerk.Application.Common;
using Fachwerk.Host.Database;
using Microsoft.AspNetCore.Connections;

namespace Fachwerk.Host.Startup;

/// <summary>
/// The service's own run (<c>dotnet run</c>, <c>dotnet Fachwerk.Host.dll</c>): a start that fails ends the process within
/// seconds with exit code 3 and one line saying why (the address in use, the database unreachable, the schema missing). Without
/// this the host could keep running after a failed start: a server that had bound one of its addresses served on it while the
/// disposal of background agents that had started waited on a database that was gone (issue 24, ADR 0082).
/// </summary>
public static class ServiceRun
{
    public const int StartFailedExitCode = 3;

    /// <summary>How long stopping what did start may take after a failed start before the process ends anyway.</summary>
    public static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        try
        {
            await app.StartAsync();
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"Fachwerk cannot start: {Why(e)}");
            await StopWithinGraceAsync(app);
            // Whatever a library left running (a foreground thread, a retry loop) must not keep the process alive.
            Environment.Exit(StartFailedExitCode);
        }

        await app.WaitForShutdownAsync();
        await app.DisposeAsync();
        return 0;
    }

    /// <summary>Stops the started parts and the local cluster first (it must not outlive the process), each within the grace.</summary>
    private static async Task StopWithinGraceAsync(WebApplication app)
    {
        using var grace = new CancellationTokenSource(StopGrace);
        try
        {
            await app.StopAsync(grace.Token).WaitAsync(grace.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException or InvalidOperationException or AggregateException)
        {
            // Parts that do not stop in time are left to the end of the process.
        }

        (app.Services.GetService<IFallbackDatabase>() as IDisposable)?.Dispose();
    }

    /// <summary>One line: what failed and what to do.</summary>
    public static string Why(Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        for (var e = failure; e is not null; e = e.InnerException)
        {
            if (e is AddressInUseException || e is IOException { InnerException: AddressInUseException })
                return $"{FirstLine(e.Message)} Another process listens there: stop it, or give this service another address (ASPNETCORE_URLS or --urls).";
            if (e is DatabaseUnavailableException) return e.Message;
        }

        if (DatabaseFailures.TransientIn(failure) is { } database)
            return $"the database does not answer ({FirstLine(database.Message)}). Check {FachwerkDatabase.ConnectionStringVariable} and that PostgreSQL runs.";
        var innermost = failure;
        while (innermost.InnerException is not null && innermost is AggregateException or System.Reflection.TargetInvocationException)
            innermost = innermost.InnerException;
        return FirstLine(innermost.Message);
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

    /// <summary>Whether the arguments run the service itself rather than one of the JasperFx commands (db-apply, codegen, ...).</summary>
    public static bool RunsTheService(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Length == 0 || args[0] == "run" || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] != "--help");
    }
}
