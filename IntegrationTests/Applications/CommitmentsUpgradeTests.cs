using Fachwerk.Application;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// What each application holds is a document of its own, and the programme's snapshot keeps only sums (ADR 0021); a store
/// written before that is brought up to date from its events once, when the service starts.
/// </summary>
public class CommitmentsUpgradeTests(AppFixture fixture) : ApplicationApi(fixture)
{
    [Fact]
    public async Task An_approval_holds_its_money_in_a_commitment_document_that_a_withdrawal_removes()
    {
        var (programme, id) = await ApprovedFor40000();

        var commitment = (await Load<Commitment>(id)).ShouldNotBeNull();
        commitment.ProgrammeId.ShouldBe(programme);
        commitment.Amount.ShouldBe(40_000m);
        (await Load<FundingProgramme>(programme)).ShouldNotBeNull().Committed.ShouldBe(40_000m);

        await Withdraw(id);

        (await Load<Commitment>(id)).ShouldBeNull();
        (await Load<FundingProgramme>(programme)).ShouldNotBeNull().Committed.ShouldBe(0m);
        (await Budget(programme)).Committed.ShouldBe(0m);
    }

    [Fact]
    public void The_host_runs_the_upgrade_when_it_starts() =>
        Store.Advanced.InitialDataCollection.OfType<CommitmentsUpgrade>().ShouldHaveSingleItem();

    [Fact]
    public async Task A_store_from_before_gets_its_commitments_and_programme_snapshots_from_the_events_and_releases_correctly()
    {
        var (programme, id) = await ApprovedFor40000();
        // Such a store has no commitment documents, and programme snapshots that list every commitment.
        await using (var session = Store.LightweightSession())
        {
            session.Delete<Commitment>(id);
            session.QueueSqlCommand(
                $"update {FachwerkApplication.SchemaName}.mt_doc_fundingprogramme set data = (data - 'committedByAlliance') || " +
                "jsonb_build_object('commitments', jsonb_build_object(?::text, jsonb_build_object('amount', 40000))) where id = ?",
                id.ToString(), programme);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        (await Load<FundingProgramme>(programme)).ShouldNotBeNull().CommittedByAlliance.ShouldBeNull("the old shape has no sums");

        await new CommitmentsUpgrade(NullLogger<CommitmentsUpgrade>.Instance).Populate(Store, TestContext.Current.CancellationToken);

        (await Load<Commitment>(id)).ShouldNotBeNull().Amount.ShouldBe(40_000m);
        (await Load<FundingProgramme>(programme)).ShouldNotBeNull().Committed.ShouldBe(40_000m);

        await Withdraw(id);

        (await Load<Commitment>(id)).ShouldBeNull();
        (await Budget(programme)).Committed.ShouldBe(0m);
    }

    [Fact]
    public async Task A_store_of_the_current_shape_is_left_as_it_is()
    {
        var (programme, id) = await ApprovedFor40000();
        await using (var session = Store.LightweightSession())
        {
            session.Delete<Commitment>(id);
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await new CommitmentsUpgrade(NullLogger<CommitmentsUpgrade>.Instance).Populate(Store, TestContext.Current.CancellationToken);

        (await Load<Commitment>(id)).ShouldBeNull("no programme snapshot of the old shape, so nothing was rebuilt");
    }

    /// <summary>A programme of 100,000 EUR with one application approved for 40,000 EUR, its budget workflow finished.</summary>
    private async Task<(Guid Programme, Guid Application)> ApprovedFor40000()
    {
        var programme = await LaunchProgramme(budget: 100_000m);
        var (id, version) = await Proposed(programme, amount: 40_000m);
        await ConfirmAndWait(id, version);
        return (programme, id);
    }

    private async Task Withdraw(Guid id) =>
        await Host.ExecuteAndWaitAsync(async () =>
            await Act(Applicant, id, "withdrawal", new WithdrawApplication((await Details(id)).Version, "Projektträger hat keine Räume mehr")), 60_000);

    private async Task<T?> Load<T>(Guid id) where T : class
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<T>(id, TestContext.Current.CancellationToken);
    }
}
