using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// The pilot's spending against its funding sources through the API (ADR 0124): recorded spending lowers what is left of its
/// source in the pilot's figures; bad input answers 400 by field, a source's rule 409, and neither appends anything.
/// </summary>
public class PilotSpendingTests(AppFixture fixture) : PilotApi(fixture)
{
    private const string Esf = "ESF+";
    private const string State = "Land Sachsen-Anhalt";

    private Task<Alba.IScenarioResult> Spend(Guid pilot, object body, int status) => Post(Lead, $"/api/pilots/{pilot}/spending", body, status);

    private async Task<Guid> LaunchWithSources()
    {
        var launched = await Post<Fachwerk.Application.Common.StreamCreated>(Lead, "/api/pilots", Relocation(RunningPhase) with
        {
            FundingSources =
            [
                new FundingSource(Esf, FundingSourceKind.EuropeanSocialFund, 5_000m, new Period(RunningPhase.From, RunningPhase.To.AddYears(1)),
                    [PilotCostCategory.Staff, PilotCostCategory.ExternalServices]),
                new FundingSource(State, FundingSourceKind.StateGovernment, 1_000m),
            ],
        }, 201);
        return launched.Id;
    }

    [Fact]
    public async Task Recorded_spending_lowers_what_is_left_of_its_source_and_the_sums_per_source_equal_the_total()
    {
        var pilot = await LaunchWithSources();

        var first = await Post<PilotItemAdded>(Lead, $"/api/pilots/{pilot}/spending",
            new RecordPilotSpending(1, Esf, PilotCostCategory.ExternalServices, 1_840.50m, Today, "German course B1"), 201);
        var second = await Post<PilotItemAdded>(Lead, $"/api/pilots/{pilot}/spending",
            new RecordPilotSpending(first.Version, State, PilotCostCategory.Material, 250m, Today.AddDays(-1)), 201);

        second.Version.ShouldBe(3);
        var details = await Details(pilot);
        details.Version.ShouldBe(3);
        details.Funding.Select(f => (f.Name, f.Budget, f.Spent, f.Remaining)).ShouldBe(
            [(Esf, 5_000m, 1_840.50m, 3_159.50m), (State, 1_000m, 250m, 750m)]);
        details.Funding.Sum(f => f.Spent).ShouldBe(details.Spending.Sum(s => s.Amount));
        details.Spending.Select(s => (s.Id, s.Source, s.Category, s.Note)).ShouldBe(
            [(first.ItemId, Esf, PilotCostCategory.ExternalServices, "German course B1"), (second.ItemId, State, PilotCostCategory.Material, (string?)null)]);
        details.Funding[0].CostCategories.ShouldBe([PilotCostCategory.Staff, PilotCostCategory.ExternalServices]);
    }

    [Fact]
    public async Task Bad_input_answers_400_naming_each_field_and_appends_nothing()
    {
        var pilot = await LaunchWithSources();
        var before = await EventCount();

        var problem = await ValidationProblemOf(await Spend(pilot,
            new { expectedVersion = 1, source = "", category = "Staff", amount = 10.005m, spentOn = "1989-12-31" }, 400));

        problem.Errors.Keys.ShouldBe(["source", "amount", "spentOn"], ignoreOrder: true);
        (await ValidationProblemOf(await Spend(pilot, new { expectedVersion = 1, source = Esf, category = 99, amount = 10m, spentOn = Today }, 400)))
            .Errors.Keys.ShouldBe(["category"]);
        (await ValidationProblemOf(await Spend(pilot, new RecordPilotSpending(1, Esf, PilotCostCategory.Staff, -5m, Today), 400)))
            .Errors.Keys.ShouldBe(["amount"]);
        (await ValidationProblemOf(await Spend(pilot, new RecordPilotSpending(1, Esf, PilotCostCategory.Staff, 5m, Today, new string('x', 2_001)), 400)))
            .Errors.Keys.ShouldBe(["note"]);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_sources_rules_answer_409_with_the_rule_and_append_nothing()
    {
        var pilot = await LaunchWithSources();
        var before = await EventCount();

        async Task<string?> Refusal(RecordPilotSpending body) => (await ProblemOf(await Spend(pilot, body, 409))).Type;

        (await Refusal(new RecordPilotSpending(1, State, PilotCostCategory.Staff, 1_000.01m, Today))).ShouldBe("urn:fachwerk:problem:pilot.source-exhausted");
        (await Refusal(new RecordPilotSpending(1, Esf, PilotCostCategory.Travel, 10m, Today))).ShouldBe("urn:fachwerk:problem:pilot.category-not-funded");
        (await Refusal(new RecordPilotSpending(1, Esf, PilotCostCategory.Staff, 10m, Today.AddDays(1)))).ShouldBe("urn:fachwerk:problem:pilot.date-in-future");
        (await Refusal(new RecordPilotSpending(1, "Bundesagentur für Arbeit", PilotCostCategory.Staff, 10m, Today)))
            .ShouldBe("urn:fachwerk:problem:pilot.unknown-funding-source");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task An_EU_funding_period_on_money_that_is_not_EU_money_answers_400()
    {
        var before = await EventCount();

        var problem = await ValidationProblemOf(await Post(Lead, "/api/pilots", Relocation(RunningPhase) with
        {
            FundingSources = [new FundingSource(State, FundingSourceKind.StateGovernment, 1m, RunningPhase)],
        }, 400));

        problem.Errors.Keys.ShouldContain("fundingSources[0].euFundingPeriod");
        (await EventCount()).ShouldBe(before);
    }
}
