using Fachwerk.Benchmarks;

// The benchmark harness (issue 8): `dotnet run -c Release --project Benchmarks` measures everything beside PostgreSQL's own
// floor and writes docs/benchmarks.md and docs/benchmarks.json; `-- --quick` runs a small version in under a minute or two
// and writes to artifacts/benchmarks/quick. Exit codes: 0 = measured (quick mode: whatever the targets say), 1 = a target
// failed (full mode), 2 = the harness itself broke.
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
