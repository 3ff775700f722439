using Fachwerk.Application.Privacy;
using Fachwerk.Host;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.Database;
using Fachwerk.Host.Development;
using Fachwerk.Host.Startup;
using JasperFx.CommandLine;
using Fachwerk.Web;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddFachwerkLogging();
// Traces and metrics; /metrics for Prometheus (ADR 0083).
builder.AddFachwerkTelemetry();
builder.Services.AddFachwerkCodeGeneration();
builder.Services.AddFachwerkPersistence(builder.Configuration);
builder.Host.UseFachwerkMessaging(builder.Configuration);
builder.AddFachwerkApi();
// Keys all nodes share: data protection (cookies, antiforgery) and the development tokens' signing key (ADR 0125).
Fachwerk.Host.Cluster.SharedKeys.AddFachwerkSharedKeys(builder);
// The local cluster, the development tokens and sign-in, the demo world: nothing of it outside Development.
builder.AddFachwerkDevelopment();
// The web UI, a client of the API above (ADR 0050).
builder.AddFachwerkUi();

var app = builder.Build();

// A plain `dotnet run` opens the database before anything else, mapping the endpoints included (that opens the store): in
// Development it starts the local PostgreSQL cluster when no connection string is set. So a missing setting or installation
// is reported as one clear line instead of a stack trace deep inside the event store.
if (ServiceRun.RunsTheService(args))
{
    if (app.Services.GetRequiredService<TokenSettings>().StartProblem is { } tokens)
    {
        await Console.Error.WriteLineAsync($"Fachwerk cannot start: {tokens}");
        return 2;
    }

    try
    {
        _ = app.Services.GetRequiredService<FachwerkDatabase>().ConnectionString;
        // Without the key-encryption key no personal data can be sealed or opened (ADR 0061).
        _ = app.Services.GetRequiredService<KeyEncryptionKeys>();
    }
    catch (Exception e) when (e is DatabaseUnavailableException or KeyRingUnavailableException)
    {
        await Console.Error.WriteLineAsync($"Fachwerk cannot start: {e.Message}");
        return 2;
    }
}

app.LogCodeGeneration();
app.UseFachwerkApi();
app.UseFachwerkDevelopment();
app.MapFachwerkWeb();

// A start that fails ends the process with one line (ADR 0082). Hosts of the test factories (which set AutoStartHost) keep
// JasperFx's run, which they hook into.
if (ServiceRun.RunsTheService(args) && args.FirstOrDefault() != "run" && !JasperFxEnvironment.AutoStartHost)
    return await ServiceRun.RunAsync(app);
return await app.RunJasperFxCommands(args);

/// <summary>Entry point; public so that the integration tests and benchmarks can host it.</summary>
public partial class Program;
