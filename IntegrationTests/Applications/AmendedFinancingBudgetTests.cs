using Fachwerk.Application.Applications;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// The budget follows a grant's financing as amended (ADR 0131): an amendment that raises the own contribution without raising the
/// grant, confirmed by a second person, shows in the budget, per region and in the commitment; rebuilt, the budget is the same.
/// </summary>
public class AmendedFinancingBudgetTests(AppFixture fixture) : FundingApi(fixture)
{
    private IProjectionDaemon Daemon => Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().DaemonForMainDatabase();

    [Fact]
    public async Task An_amended_own_contribution_without_a_raise_shows_in_the_budget_from_its_effective_date_and_survives_a_rebuild()
    {
        // Given a grant of 40,000 EUR on 50,000 costs, 10,000 of them the applicant's own.
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false));
        var (id, version) = await Approved(programme);
        (await Budget(programme)).OwnContributions.ShouldBe(10_000m);

        // When a caseworker amends the financing (own contribution 15,000 of 55,000 costs, the grant unchanged) and an approver confirms.
        version = await Act(Caseworker, id, "amendments",
            new ProposeAmendment(version, "Der Träger bringt 5.000 EUR mehr Eigenmittel ein.", Today, CostPlan: new CostPlan(55_000m, 15_000m, 0m)));
        (await Budget(programme)).OwnContributions.ShouldBe(10_000m, "a proposal is not in force");
        await Host.ExecuteAndWaitAsync(async () => await Act(Approver, id, "amendments/confirmation", new ConfirmAmendment(version)), 60_000);

        // Then the decision's version 2 is in force from today with the new financing, and the budget counts its own contribution.
        var details = await Details(id);
        details.DecisionVersions.Select(v => v.Version).ShouldBe([1, 2]);
        var amended = details.DecisionVersions[1];
        (amended.EffectiveFrom, amended.Amount, amended.CostPlan).ShouldBe((Today, 40_000m, new CostPlan(55_000m, 15_000m, 0m)));
        var budget = await Budget(programme);
        (budget.Committed, budget.OwnContributions, budget.ActiveCommitments).ShouldBe((40_000m, 15_000m, 1), "no money moved; the own contribution did");
        budget.Sources.Sum(s => s.Committed).ShouldBe(budget.Committed);
        var regions = await Get<RegionalBudgetView>(Caseworker, $"/api/programmes/{programme}/budget/regions?allianceId={AllianceId}");
        (regions.Committed, regions.OwnContributions).ShouldBe((40_000m, 15_000m));
        await using (var session = Store.QuerySession())
        {
            var commitment = (await session.LoadAsync<Commitment>(id, TestContext.Current.CancellationToken)).ShouldNotBeNull();
            (commitment.Amount, commitment.OwnContribution).ShouldBe((40_000m, 15_000m));
            var adjusted = (await session.Events.FetchStreamAsync(programme, token: TestContext.Current.CancellationToken))
                .Select(e => e.Data).OfType<CommitmentAdjusted>().ShouldHaveSingleItem();
            (adjusted.ApplicationId, adjusted.DecisionVersion, adjusted.EffectiveFrom, adjusted.OwnContributionChange, adjusted.RecordedBy)
                .ShouldBe((id, 2, Today, 5_000m, Approver.Id), "recorded with the confirmation that put version 2 in force");
        }

        // Rebuilt from the events, the budget and the regions give the same figures.
        await Daemon.RebuildProjectionAsync<ProgrammeBudgetProjection>(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        await Daemon.RebuildProjectionAsync<RegionBudgetProjection>(TimeSpan.FromMinutes(1), TestContext.Current.CancellationToken);
        var rebuilt = await Budget(programme);
        (rebuilt.Committed, rebuilt.OwnContributions, rebuilt.ActiveCommitments, rebuilt.Released).ShouldBe(
            (budget.Committed, budget.OwnContributions, budget.ActiveCommitments, budget.Released));
        (await Get<RegionalBudgetView>(Caseworker, $"/api/programmes/{programme}/budget/regions?allianceId={AllianceId}")).OwnContributions.ShouldBe(15_000m);

        // And withdrawn, the grant takes the amended own contribution back with its money.
        await Host.ExecuteAndWaitAsync(async () => await Act(Applicant, id, "withdrawal", new WithdrawApplication(details.Version, "Verzicht")), 60_000);
        var after = await Budget(programme);
        (after.Committed, after.OwnContributions, after.ActiveCommitments).ShouldBe((0m, 0m, 0));
    }
}
