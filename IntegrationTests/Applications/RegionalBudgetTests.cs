using Fachwerk.Application.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// A programme's budget by alliance and district (GET /api/programmes/{id}/budget/regions): two approvals in two districts of the
/// alliance, a payment in one. Every region together is the programme's money; a district or the alliance is its share, with the
/// alliance's planning figure beside it; the months add up the same way; filters the API cannot read are refused.
/// </summary>
public class RegionalBudgetTests(AppFixture fixture) : FundingApi(fixture)
{
    [Fact]
    public async Task The_regions_add_up_to_the_programme_and_a_district_or_the_alliance_shows_its_own_money()
    {
        var programme = await LaunchProgramme(budget: 1_000_000m, rules: Rules(voteRequired: false));
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/planning-budgets/{AllianceId}", new SetPlanningBudget(1, 100_000m));
        var (halle, version) = await Approved(programme, 40_000m, title: "Expedition Job Halle");
        await Approved(programme, 30_000m, title: "Expedition Job Saalekreis", district: "Saalekreis");
        await Paid(halle, version, 20_000m, 5_000m);
        await CatchUpProjections();
        var budget = await Budget(programme);

        var every = await Regions(programme, "");
        every.Regions.Select(r => (r.AllianceId, r.District, r.Committed, r.Paid))
            .ShouldBe([(AllianceId, "Halle (Saale)", 40_000m, 20_000m), (AllianceId, "Saalekreis", 30_000m, 0m)]);
        (every.Committed, every.Paid, every.Released, every.OwnContributions, every.ActiveCommitments)
            .ShouldBe((budget.Committed, budget.Paid, budget.Released, budget.OwnContributions, budget.ActiveCommitments));
        every.Planned.ShouldBeNull("no single alliance was asked for");
        every.Months.ShouldNotBeEmpty();

        // Asked without months (as the dashboard asks for the table of every region): the same sums and regions, no months.
        var sumsOnly = await Regions(programme, "?months=false");
        sumsOnly.Months.ShouldBeEmpty();
        sumsOnly.Regions.ShouldBe(every.Regions);
        (sumsOnly.Committed, sumsOnly.Paid, sumsOnly.OwnContributions, sumsOnly.ActiveCommitments, sumsOnly.AsOf)
            .ShouldBe((every.Committed, every.Paid, every.OwnContributions, every.ActiveCommitments, every.AsOf));

        // A district, spelled in any case: only its application's money, with no planning figure (that belongs to the alliance).
        var saalekreis = await Regions(programme, "?district=SAALEKREIS");
        (saalekreis.District, saalekreis.Committed, saalekreis.Paid, saalekreis.ActiveCommitments, saalekreis.Planned)
            .ShouldBe(("SAALEKREIS", 30_000m, 0m, 1, (decimal?)null));
        saalekreis.Regions.ShouldHaveSingleItem().District.ShouldBe("Saalekreis");

        // The alliance: both districts, with its planning figure; the months add up to the same money.
        var alliance = await Regions(programme, $"?allianceId={AllianceId}");
        (alliance.AllianceName, alliance.Planned, alliance.Committed, alliance.Paid)
            .ShouldBe(("Fachkräfteallianz Sachsen-Anhalt Süd", (decimal?)100_000m, 70_000m, 20_000m));
        alliance.Months.Sum(m => m.Committed - m.Released).ShouldBe(70_000m);
        alliance.Months[^1].PaidAtEnd.ShouldBe(20_000m);
        var halleRegion = await Regions(programme, $"?allianceId={AllianceId}&district=Halle%20(Saale)");
        halleRegion.Planned.ShouldBeNull("the planning figure is the whole alliance's, not one district's");
        var halleMonths = halleRegion.Months;
        halleMonths.Sum(m => m.Paid).ShouldBe(20_000m);
        halleMonths.Sum(m => m.Committed).ShouldBe(40_000m);

        // An alliance with no money in the programme has nothing, and a period before the first movement no months.
        var other = await Regions(programme, $"?allianceId={Guid.NewGuid()}");
        (other.Committed, other.Regions.Count, other.Months.Count).ShouldBe((0m, 0, 0));
        (await Regions(programme, $"?allianceId={AllianceId}&from=2001-01-01&to=2001-12-31")).Months.ShouldBeEmpty();
    }

    [Fact]
    public async Task Filters_the_api_cannot_read_are_refused_and_an_unknown_programme_is_not_found()
    {
        var programme = await LaunchProgramme();

        await GetExpecting(Caseworker, $"/api/programmes/{programme}/budget/regions?allianceId=kein-bündnis", 400);
        var tooLong = await ValidationProblemOf(await GetExpecting(Caseworker, $"/api/programmes/{programme}/budget/regions?district={new string('x', 500)}", 400));
        tooLong.Errors.Keys.ShouldContain("district");
        var backwards = await ValidationProblemOf(await GetExpecting(Caseworker, $"/api/programmes/{programme}/budget/regions?from=2026-05-01&to=2026-04-01", 400));
        backwards.Errors.Keys.ShouldContain("to");
        await GetExpecting(Caseworker, $"/api/programmes/{programme}/budget/regions?months=vielleicht", 400);
        await GetExpecting(Caseworker, $"/api/programmes/{Guid.NewGuid()}/budget/regions", 404);

        // A programme with no money in any region yet answers empty, not 404.
        var empty = await Regions(programme, "");
        (empty.Regions.Count, empty.Committed).ShouldBe((0, 0m));
    }

    private Task<RegionalBudgetView> Regions(Guid programme, string query) =>
        Get<RegionalBudgetView>(Caseworker, $"/api/programmes/{programme}/budget/regions{query}");
}
