using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// A dashboard read right after the command that created its subject answers what is known, marked as being built, not 404.
/// The asynchronous projections are not running here, as on a node whose daemon has not caught up yet.
/// </summary>
public class ReadsBeforeTheDashboardsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly Period Esf = new(new DateOnly(2021, 1, 1), new DateOnly(2035, 12, 31));

    [Fact]
    public async Task A_programmes_budget_right_after_its_launch_shows_the_programmes_own_figures_as_being_built()
    {
        var programme = (await Post<StreamCreated>(DemoUsers.Caseworker, "/api/programmes", new LaunchProgramme("Arbeitsmarktkreis",
            [new Fachwerk.Domain.Programmes.FundingSource("Land", 0.8m), new Fachwerk.Domain.Programmes.FundingSource("Landkreis", 0.2m)], Esf, 20_000_000m,
            new ProgrammeRules(0.8m, 100_000m, true, 14, false, 30)), 201)).Id;

        var budget = await Get<ProgrammeBudgetView>(DemoUsers.Caseworker, $"/api/programmes/{programme}/budget");

        budget.Building.ShouldBeTrue();
        budget.Name.ShouldBe("Arbeitsmarktkreis");
        budget.TotalBudget.ShouldBe(20_000_000m);
        budget.Remaining.ShouldBe(20_000_000m);
        (await ProblemOf(await Host.Scenario(s =>
        {
            Authorize(s, DemoUsers.Caseworker);
            s.Get.Url($"/api/programmes/{Guid.NewGuid()}/budget");
            s.StatusCodeShouldBe(404);
        }))).Type.ShouldBe("urn:fachwerk:problem:not-found");
    }

    [Fact]
    public async Task A_pilots_demand_right_after_its_launch_is_empty_and_being_built()
    {
        var today = AuthorityCalendar.DayOf(Clock.GetUtcNow());
        var pilot = (await Post<StreamCreated>(DemoUsers.ProjectLead, "/api/pilots", new LaunchPilot("Relocation Service", "Stadt Magdeburg",
            new Period(today.AddMonths(-1), today.AddMonths(11)), [], [PilotService.HousingSearch]), 201)).Id;

        var demand = await Get<PilotDemandReport>(DemoUsers.Auditor, $"/api/pilots/{pilot}/demand");

        demand.Building.ShouldBeTrue();
        demand.Name.ShouldBe("Relocation Service");
        demand.Months.ShouldBeEmpty();
        await Host.Scenario(s =>
        {
            Authorize(s, DemoUsers.Auditor);
            s.Get.Url($"/api/pilots/{Guid.NewGuid()}/demand");
            s.StatusCodeShouldBe(404);
        });
    }
}
