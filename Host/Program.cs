using Fachwerk.Host;
using Fachwerk.Host.Database;
using Fachwerk.Host.DemoWorld;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddFachwerkLogging();
builder.Services.AddFachwerkCodeGeneration();
builder.Services.AddFachwerkPersistence(builder.Configuration);
builder.Host.UseFachwerkMessaging(builder.Configuration);
builder.AddFachwerkApi();
builder.Services.AddFachwerkDemoWorld(builder.Configuration);

var app = builder.Build();
app.LogCodeGeneration();
app.UseFachwerkApi();

// A plain `dotnet run` starts the local PostgreSQL cluster (when no connection string is set) before anything else,
// so a missing installation is reported as one clear line instead of a stack trace deep inside the event store.
if (args.Length == 0 || args[0] == "run" || (args[0].StartsWith("--", StringComparison.Ordinal) && args[0] != "--help"))
{
    try
    {
        _ = app.Services.GetRequiredService<FachwerkDatabase>().ConnectionString;
    }
    catch (LocalPostgresUnavailableException e)
    {
        await Console.Error.WriteLineAsync($"Fachwerk cannot start: {e.Message}");
        return 2;
    }
}

return await app.RunJasperFxCommands(args);

/// <summary>Entry point; public so that the integration tests and benchmarks can host it.</summary>
public partial class Program;
