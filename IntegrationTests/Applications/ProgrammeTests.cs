using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Applications;

public class ProgrammeTests(AppFixture fixture) : ApplicationApi(fixture)
{
    [Fact]
    public async Task A_programme_is_launched_topped_up_cut_and_given_planning_budgets()
    {
        var programme = await LaunchProgramme(budget: 20_000_000m);
        var version = (await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/top-ups",
            new TopUpProgramme(1, 2_500_000m, "Nachtragshaushalt 2026"))).Version;
        version = (await Post<CommandAccepted>(Caseworker, $"/api/programmes/{programme}/cuts", new CutProgramme(version, 500_000m, "Haushaltssperre"))).Version;
        version = (await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/planning-budgets/{AllianceId}",
            new SetPlanningBudget(version, 3_000_000m))).ReadAsJson<CommandAccepted>()!.Version;

        var details = await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}");
        details.Version.ShouldBe(version);
        details.TotalBudget.ShouldBe(22_000_000m);
        details.Sources.Select(s => s.Share).ShouldBe([0.8m, 0.2m]);
        details.PlanningBudgets[AllianceId].ShouldBe(3_000_000m);
        (await Get<Page<ProgrammeDetails>>(Caseworker, "/api/programmes?name=arbeitsmarkt")).Items.ShouldHaveSingleItem().Id.ShouldBe(programme);

        var budget = await Budget(programme);
        budget.Building.ShouldBeFalse();
        budget.ToppedUp.ShouldBe(2_500_000m);
        budget.Cut.ShouldBe(500_000m);
        budget.Remaining.ShouldBe(22_000_000m);
        var planning = budget.Alliances.ShouldHaveSingleItem();
        planning.AllianceName.ShouldBe("Fachkräfteallianz Sachsen-Anhalt Süd");
        planning.Planned.ShouldBe(3_000_000m);
        planning.Left.ShouldBe(3_000_000m);
    }

    [Fact]
    public async Task A_cut_below_what_is_committed_is_refused_with_what_can_be_cut()
    {
        var programme = await LaunchProgramme(budget: 100_000m, rules: Rules(voteRequired: false));
        var (id, version) = await Proposed(programme, amount: 40_000m, vote: false);
        await ConfirmAndWait(id, version);
        var programmeVersion = (await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}")).Version;
        var before = await EventCount();

        var problem = await ProblemOf(await Post(Caseworker, $"/api/programmes/{programme}/cuts", new CutProgramme(programmeVersion, 70_000m, "Kürzung"), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:programme.cut-below-commitments");
        problem.Detail.ShouldNotBeNull().ShouldContain("at most 60,000.00 EUR can be cut");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Launching_with_bad_input_answers_400_with_the_fields_and_appends_nothing()
    {
        var before = await EventCount();
        var launch = new LaunchProgramme("", [new FundingSource("ESF+", 0.5m)], new(new DateOnly(2027, 1, 1), new DateOnly(2021, 1, 1)), 10.001m,
            new ProgrammeRules(1.5m, -1m, true, 0, false, 0));

        var problem = await ValidationProblemOf(await Post(Caseworker, "/api/programmes", launch, 400));

        problem.Errors.Keys.ShouldBe(["name", "sources", "fundingPeriod", "totalBudget", "rules.maxFundingRate", "rules.maxAmountPerApplication",
            "rules.documentDeadlineDays", "rules.decisionReminderDays"], ignoreOrder: true);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Funding_sources_say_their_kind_only_eu_funds_name_an_eu_period_and_the_budget_splits_every_figure_by_them()
    {
        var before = await EventCount();
        var period = new Period(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31));
        // A district's money has no EU funding period; an EU fund's period does not end before it begins.
        foreach (var given in new[]
                 {
                     new[] { new FundingSource("ESF+", 0.8m, FundingSourceKind.EuropeanSocialFund, period), new FundingSource("Landkreis", 0.2m, FundingSourceKind.District, period) },
                     [new FundingSource("Landkreis", 0.2m, FundingSourceKind.District), new FundingSource("ESF+", 0.8m, FundingSourceKind.EuropeanSocialFund, new Period(period.To, period.From))],
                 })
        {
            var problem = await ValidationProblemOf(await Post(Caseworker, "/api/programmes", new LaunchProgramme("Regionalbudget", given, period, 1_000m, Rules()), 400));
            problem.Errors.Keys.ShouldBe(["sources[1].euFundingPeriod"]);
        }

        (await EventCount()).ShouldBe(before);

        var programme = (await Post<StreamCreated>(Caseworker, "/api/programmes", new LaunchProgramme("Regionalbudget Mansfeld-Südharz",
            [new FundingSource("Land Sachsen-Anhalt", 0.8m, FundingSourceKind.StateGovernment),
             new FundingSource("Landkreis Mansfeld-Südharz", 0.2m, FundingSourceKind.District)], period, 20_000_000m, Rules(voteRequired: false)), 201)).Id;
        var details = await Get<ProgrammeDetails>(Caseworker, $"/api/programmes/{programme}");
        details.Sources.Select(s => s.Kind).ShouldBe([FundingSourceKind.StateGovernment, FundingSourceKind.District]);
        var (id, version) = await Proposed(programme, amount: 12_345.67m, vote: false);
        await ConfirmAndWait(id, version);
        await CatchUpProjections();

        var sources = (await Budget(programme)).Sources;
        sources.Select(s => (s.Name, s.Kind, s.Budget, s.Committed, s.Remaining)).ShouldBe(
        [
            ("Land Sachsen-Anhalt", FundingSourceKind.StateGovernment, 16_000_000m, 9_876.54m, 15_990_123.46m),
            ("Landkreis Mansfeld-Südharz", FundingSourceKind.District, 4_000_000m, 2_469.13m, 3_997_530.87m),
        ]);
    }

    [Fact]
    public async Task Budget_changes_check_versions_ids_and_roles()
    {
        var programme = await LaunchProgramme();
        var before = await EventCount();

        (await ProblemOf(await Post(Caseworker, $"/api/programmes/{programme}/top-ups", new TopUpProgramme(7, 1m, "x"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:stale-version");
        await ProblemOf(await Post(Caseworker, $"/api/programmes/{Guid.NewGuid()}/top-ups", new TopUpProgramme(1, 1m, "x"), 404));
        await ProblemOf(await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/planning-budgets/{Guid.NewGuid()}",
            new SetPlanningBudget(1, 1m), 404));
        await ProblemOf(await Post(DemoUsers.Applicant, $"/api/programmes/{programme}/top-ups", new TopUpProgramme(1, 1m, "x"), 403));
        (await ValidationProblemOf(await Post(Caseworker, $"/api/programmes/{programme}/top-ups", new TopUpProgramme(1, 0.001m, ""), 400)))
            .Errors.Keys.ShouldBe(["amount", "reason"], ignoreOrder: true);
        (await EventCount()).ShouldBe(before);
    }
}
