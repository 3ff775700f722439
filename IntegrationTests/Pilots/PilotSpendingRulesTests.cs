using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.IntegrationTests.Domain;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// A pilot's spending against its funding sources, by each source's own rules (ADR 0124), folded from events in memory: given a
/// history, when a spending is recorded, then the event or the refusal. "Today" is the day of the stamp: 2026-03-02.
/// </summary>
public class PilotSpendingRulesTests
{
    private static readonly Guid PilotId = Guid.NewGuid();
    private static readonly Period Phase = new(new DateOnly(2020, 9, 1), new DateOnly(2026, 8, 31));
    private static readonly Period EsfPeriod = new(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31));
    private static readonly DateOnly Today = AuthorityCalendar.DayOf(Given.Stamp.At);
    private const string Esf = "ESF+";
    private const string State = "Land Sachsen-Anhalt";
    private const string City = "Stadt Magdeburg";

    // ESF+ pays staff, bought services and travel within 2021–2027; the state pays anything; the city's amount is not public.
    private static readonly PilotLaunched Launched = new(PilotId, "Relocation Service", "Stadt Magdeburg", Phase,
        [
            new FundingSource(Esf, FundingSourceKind.EuropeanSocialFund, 10_000m, EsfPeriod,
                [PilotCostCategory.Staff, PilotCostCategory.ExternalServices, PilotCostCategory.Travel]),
            new FundingSource(State, FundingSourceKind.StateGovernment, 2_500m),
            new FundingSource(City, FundingSourceKind.Municipality, null),
        ],
        [PilotService.HousingSearch], "u", DateTimeOffset.UnixEpoch);

    private static PilotSpendingRecorded Spent(string source, decimal amount, DateOnly on, PilotCostCategory category = PilotCostCategory.Staff) =>
        new(PilotId, Guid.NewGuid(), source, category, amount, on, null, "u", DateTimeOffset.UnixEpoch);

    private static PilotSpending Spending(string source, decimal amount, DateOnly? on = null, PilotCostCategory category = PilotCostCategory.Staff) =>
        new(source, category, amount, on ?? Today, null);

    [Fact]
    public void A_spending_within_what_is_left_of_the_source_is_recorded_under_the_sources_own_name()
    {
        var pilot = Given.History<Pilot>(Launched, Spent(Esf, 9_000m, new DateOnly(2025, 1, 15)));

        var recorded = PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending("esf+ ", 1_000m) with { Note = "  Sprachkurs B1  " }, Given.Stamp);

        recorded.Source.ShouldBe(Esf);
        recorded.Amount.ShouldBe(1_000m);
        recorded.Note.ShouldBe("Sprachkurs B1");
        Pilot.Evolve(pilot, recorded).Spent[Esf].ShouldBe(10_000m);
    }

    [Fact]
    public void A_spending_beyond_what_is_left_of_the_source_is_refused_and_names_what_is_left()
    {
        var pilot = Given.History<Pilot>(Launched, Spent(State, 2_000m, new DateOnly(2025, 1, 15), PilotCostCategory.Material));

        var refusal = Given.Refusal(() => PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(State, 500.01m), Given.Stamp));

        refusal.Code.ShouldBe("pilot.source-exhausted");
        refusal.Message.ShouldContain("500.00 EUR are left");
    }

    [Fact]
    public void A_source_whose_amount_is_not_public_has_no_ceiling()
    {
        var pilot = Given.History<Pilot>(Launched);

        PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(City, 1_000_000m, category: PilotCostCategory.PublicRelations), Given.Stamp)
            .Amount.ShouldBe(1_000_000m);
    }

    [Fact]
    public void EU_money_pays_only_what_is_spent_within_its_EU_funding_period()
    {
        var pilot = Given.History<Pilot>(Launched);

        Given.Refusal(() => PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(Esf, 100m, new DateOnly(2020, 12, 31)), Given.Stamp))
            .Code.ShouldBe("pilot.outside-eu-funding-period");
        PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(Esf, 100m, new DateOnly(2021, 1, 1)), Given.Stamp).SpentOn.ShouldBe(new DateOnly(2021, 1, 1));
        // The state's money has no such period: the same day is fine for it.
        PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(State, 100m, new DateOnly(2020, 12, 31)), Given.Stamp).Source.ShouldBe(State);
    }

    [Fact]
    public void A_source_that_names_cost_categories_pays_only_those()
    {
        var pilot = Given.History<Pilot>(Launched);

        Given.Refusal(() => PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(Esf, 100m, category: PilotCostCategory.Material), Given.Stamp))
            .Code.ShouldBe("pilot.category-not-funded");
        PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(State, 100m, category: PilotCostCategory.Material), Given.Stamp).Category
            .ShouldBe(PilotCostCategory.Material);
    }

    [Fact]
    public void A_spending_lies_in_the_phase_not_in_the_future_and_against_a_source_of_the_pilot()
    {
        var pilot = Given.History<Pilot>(Launched);

        Given.Refusal(() => PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(State, 1m, Today.AddDays(1)), Given.Stamp)).Code.ShouldBe("pilot.date-in-future");
        Given.Refusal(() => PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(State, 1m, Phase.From.AddDays(-1)), Given.Stamp)).Code.ShouldBe("pilot.before-phase");
        Given.Refusal(() => PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending("Bundesagentur", 1m), Given.Stamp)).Code.ShouldBe("pilot.unknown-funding-source");
        Given.Refusal(() => PilotDecider.RecordSpending(pilot, Guid.NewGuid(), Spending(State, 0m), Given.Stamp)).Code.ShouldBe("pilot.spending-not-positive");
    }

    [Fact]
    public void Only_EU_money_has_an_EU_funding_period()
    {
        Given.Refusal(() => PilotDecider.Launch(PilotId, new PilotCharter("P", "S", Phase,
                [new FundingSource(State, FundingSourceKind.StateGovernment, 1m, EsfPeriod)], [PilotService.Culture]), Given.Stamp))
            .Code.ShouldBe("pilot.eu-period-not-eu-funds");
    }

    [Fact]
    public void Over_random_spending_the_sums_per_source_equal_the_total_and_no_source_pays_against_its_rules()
    {
        var random = new Random(124);
        var sources = Launched.FundingSources;
        for (var run = 0; run < 200; run++)
        {
            var pilot = Given.History<Pilot>(Launched);
            var accepted = new List<PilotSpendingRecorded>();
            for (var attempt = 0; attempt < 40; attempt++)
            {
                var source = sources[random.Next(sources.Count)];
                var spending = new PilotSpending(source.Name, (PilotCostCategory)random.Next(Enum.GetValues<PilotCostCategory>().Length),
                    random.Next(1, 150_000) / 100m, Phase.From.AddDays(random.Next(Today.DayNumber - Phase.From.DayNumber + 1)), null);
                try
                {
                    var recorded = PilotDecider.RecordSpending(pilot, Guid.NewGuid(), spending, Given.Stamp);
                    accepted.Add(recorded);
                    pilot = Pilot.Evolve(pilot, recorded);
                }
                catch (RuleViolation)
                {
                    // Refused by a source's rule: nothing recorded, checked below.
                }
            }

            pilot.Spent.Values.Sum().ShouldBe(accepted.Sum(s => s.Amount), $"run {run}");
            foreach (var source in sources)
            {
                var against = accepted.Where(s => s.Source == source.Name).ToList();
                pilot.Spent.GetValueOrDefault(source.Name).ShouldBe(against.Sum(s => s.Amount), $"run {run}, {source.Name}");
                if (source.Amount is { } budget) against.Sum(s => s.Amount).ShouldBeLessThanOrEqualTo(budget, $"run {run}, {source.Name}");
                against.ShouldAllBe(s => source.FinancesOn(s.SpentOn) && source.Pays(s.Category), $"run {run}, {source.Name}");
            }
        }
    }
}
