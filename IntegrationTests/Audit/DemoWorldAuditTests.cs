using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Audit;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.DemoWorld;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Audit;

/// <summary>The audit views over the demo world: what the auditors of the articles' programmes would look at.</summary>
public class DemoWorldAuditTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DemoUser Auditor = DemoUsers.Auditor;

    private async Task<Guid> SeedAndFind(string title)
    {
        var seeder = DemoWorld();
        await Host.ExecuteAndWaitAsync(async () => await seeder.SeedAsync(TestContext.Current.CancellationToken), 120_000);
        await CatchUpProjections();
        return (await Get<Page<ApplicationSummary>>(Auditor, $"/api/applications?title={Uri.EscapeDataString(title)}")).Items.Single().Id;
    }

    [Fact]
    public async Task The_chains_of_the_demo_world_verify_and_a_tampered_row_is_caught()
    {
        var expeditionJob = await SeedAndFind("Expedition Job");

        var output = new StringWriter();
        (await VerifyChainsCommand.RunAsync(new VerifyChainsInput(), Host.Services, output, TestContext.Current.CancellationToken)).ShouldBeTrue();
        output.ToString().ShouldContain("All chains are intact.");
        var verification = await Get<ChainVerification>(Auditor, "/api/audit/chains/verification");
        verification.Intact.ShouldBeTrue();
        verification.Events.ShouldBe(await EventCount());
        verification.Streams.ShouldBeGreaterThan(20);

        // The approved amount of Expedition Job is raised in the stored event.
        await using (var connection = Store.Storage.Database.CreateConnection(Marten.Storage.ConnectionUsage.ReadWrite))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var tamper = new Npgsql.NpgsqlCommand(
                $"UPDATE {Store.Options.Events.DatabaseSchemaName}.mt_events SET data = jsonb_set(data, '{{amount}}', '58000') " +
                $"WHERE stream_id = '{expeditionJob}' AND type = 'application_approved'", connection);
            (await tamper.ExecuteNonQueryAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
        }

        output = new StringWriter();
        (await VerifyChainsCommand.RunAsync(new VerifyChainsInput(), Host.Services, output, TestContext.Current.CancellationToken)).ShouldBeFalse();
        // Drafted, submitted, complete, proposed, confirmed, approved: no alliance vote in this programme.
        output.ToString().ShouldContain($"BROKEN stream {expeditionJob} at version 6: EventAltered");
        output.ToString().ShouldContain("1 broken chain(s).");
    }

    [Fact]
    public async Task A_demo_application_as_of_its_decision_differs_from_today_and_nothing_breaks_the_rules()
    {
        var expeditionJob = await SeedAndFind("Expedition Job");

        var provenance = await Get<DecisionProvenance>(Auditor, $"/api/audit/applications/{expeditionJob}/decisions");
        var proposal = provenance.Decisions.Single(d => d.Kind == "proposal");
        var asOfProposal = await Get<JsonElement>(Auditor, $"/api/audit/streams/{expeditionJob}/state?version={proposal.BasedOnVersion}");
        var today = await Get<JsonElement>(Auditor, $"/api/audit/streams/{expeditionJob}/state");

        // The programme asks for no alliance vote: the caseworker proposed on the formally complete application.
        proposal.StateAtBasis!.Status.ShouldBe(ApplicationStatus.FormallyComplete);
        proposal.Outcome.ShouldBe("approve 48,000.00 EUR");
        asOfProposal.GetProperty("details").GetProperty("status").GetString().ShouldBe("FormallyComplete");
        asOfProposal.GetProperty("details").GetProperty("approvedAmount").ValueKind.ShouldBe(JsonValueKind.Null);
        asOfProposal.GetProperty("state").GetProperty("status").GetString().ShouldBe("FormallyComplete");
        today.GetProperty("details").GetProperty("status").GetString().ShouldBe("Approved");
        // Approved at 48,000 EUR, raised to 50,000 EUR by the demo's amendment (ADR 0121).
        today.GetProperty("details").GetProperty("approvedAmount").GetDecimal().ShouldBe(50_000m);
        today.GetProperty("version").GetInt64().ShouldBeGreaterThan(asOfProposal.GetProperty("version").GetInt64());
        provenance.Decisions.ShouldAllBe(d => !d.ApplicationChangedAfterwards);

        (await Get<Page<ApplicationRuleCheck>>(Auditor, "/api/audit/rule-findings")).Items.ShouldBeEmpty();
        (await Get<Page<ApplicationRuleCheck>>(Auditor, "/api/audit/rule-findings?all=true&pageSize=100")).TotalItems
            .ShouldBe(DemoFundingData.Applications.Count + DemoFundingData.PersonApplications.Count);
    }
}
