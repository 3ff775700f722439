using Alba;
using Fachwerk.Application.Audit;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Marten.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Fachwerk.IntegrationTests.Audit;

/// <summary>The application workflow of <see cref="ApplicationApi"/> and <see cref="FundingApi"/>, read as the auditor, plus direct access to the database for tampering.</summary>
public abstract class AuditApi(AppFixture fixture) : FundingApi(fixture)
{
    protected static readonly DemoUser Auditor = DemoUsers.Auditor;
    protected static readonly DemoUser Administrator = DemoUsers.Administrator;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected EventChainVerifier Verifier => Host.Services.GetRequiredService<EventChainVerifier>();

    /// <summary>Runs SQL straight against the store's database, as someone with database access could; returns the rows affected.</summary>
    protected async Task<int> Sql(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", Store.Options.Events.DatabaseSchemaName, StringComparison.Ordinal), connection);
        return await command.ExecuteNonQueryAsync(Cancellation);
    }

    /// <summary>An open connection straight to the store's database.</summary>
    protected async Task<NpgsqlConnection> OpenConnectionAsync()
    {
        var connection = Store.Storage.Database.CreateConnection(ConnectionUsage.ReadWrite);
        await connection.OpenAsync(Cancellation);
        return connection;
    }

    /// <summary>An application approved through the whole workflow: drafted, submitted, complete, voted, proposed, confirmed (v6), approved (v7).</summary>
    protected async Task<Guid> Approved(decimal amount = 30_000m)
    {
        var programme = await LaunchProgramme();
        var (id, version) = await Proposed(programme, amount);
        await ConfirmAndWait(id, version);
        return id;
    }
}
