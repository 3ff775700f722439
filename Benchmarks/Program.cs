namespace Fachwerk.Benchmarks;

/// <summary>
/// The benchmark harness (docs/benchmarks.md, ADR 0018): <c>dotnet run -c Release --project Benchmarks</c> measures everything beside PostgreSQL's
/// own floor and writes docs/benchmarks.md and docs/benchmarks.json; <c>-- --quick</c> runs a small version and writes to
/// artifacts/benchmarks/quick. Exit codes: 0 = measured (quick mode: whatever the targets say), 1 = a target failed (full
/// mode), 2 = the harness itself broke. A named entry point, because the host's top-level Program is public and the
/// integration tests reference both.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var settings = Settings.FromArguments(args);
        try
        {
            var run = await new Harness(settings).RunAsync(CancellationToken.None);
            return settings.TargetsEnforced && run.Failed > 0 ? 1 : 0;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"The benchmark harness failed: {e}");
            return 2;
        }
    }
}
