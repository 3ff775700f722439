using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.IntegrationTests.Domain;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// A pilot's spending against its funding sources, by each source's own rules (ADR 0124), folded from events in memory: given a
/// history, when a spending is recorded, corrected or cancelled (ADR 0127), then the event or the refusal. "Today" is the day of the stamp: 2026-03-02.
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

    private static PilotSpendingRecorded Spent(Guid id, string source, decimal amount, DateOnly on, PilotCostCategory category = PilotCostCategory.Staff) =>
        Spent(source, amount, on, category) with { SpendingId = id };

    [Fact]
    public void A_correction_is_a_new_event_with_the_reason_and_moves_the_amount_to_the_corrected_source()
    {
        var id = Guid.NewGuid();
        var pilot = Given.History<Pilot>(Launched, Spent(id, Esf, 1_000m, new DateOnly(2025, 1, 15)));

        var corrected = PilotDecider.CorrectSpending(pilot, id,
            new PilotSpending(" land sachsen-anhalt", PilotCostCategory.Material, 800m, new DateOnly(2025, 1, 14), " Laptop "), "  Wrong source  ", Given.Stamp);

        corrected.ShouldBe(new PilotSpendingCorrected(PilotId, id, State, PilotCostCategory.Material, 800m, new DateOnly(2025, 1, 14), "Laptop",
            "Wrong source", Given.Stamp.By, Given.Stamp.At));
        var after = Pilot.Evolve(pilot, corrected);
        after.Spent[Esf].ShouldBe(0m);
        after.Spent[State].ShouldBe(800m);
        after.Spendings[id].Spending.Amount.ShouldBe(800m);
    }

    [Fact]
    public void A_correction_within_its_source_may_use_what_the_spending_itself_took_but_not_more_than_is_left()
    {
        var id = Guid.NewGuid();
        var pilot = Given.History<Pilot>(Launched, Spent(State, 1_500m, new DateOnly(2025, 1, 15)), Spent(id, State, 1_000m, new DateOnly(2025, 2, 1)));

        PilotDecider.CorrectSpending(pilot, id, Spending(State, 1_000m, new DateOnly(2025, 2, 1)) with { Note = "invoice 17" }, "note missing", Given.Stamp)
            .Amount.ShouldBe(1_000m);
        var refusal = Given.Refusal(() => PilotDecider.CorrectSpending(pilot, id, Spending(State, 1_000.01m, new DateOnly(2025, 2, 1)), "typo", Given.Stamp));
        refusal.Code.ShouldBe("pilot.source-exhausted");
        refusal.Message.ShouldContain("1000.00 EUR are left");
    }

    [Fact]
    public void A_correction_keeps_to_the_same_rules_as_a_new_spending()
    {
        var id = Guid.NewGuid();
        var pilot = Given.History<Pilot>(Launched, Spent(id, Esf, 100m, new DateOnly(2025, 1, 15)));
        string Refused(PilotSpending corrected) => Given.Refusal(() => PilotDecider.CorrectSpending(pilot, id, corrected, "typo", Given.Stamp)).Code;

        Refused(Spending(Esf, 100m, new DateOnly(2020, 12, 31))).ShouldBe("pilot.outside-eu-funding-period");
        Refused(Spending(Esf, 100m, new DateOnly(2025, 1, 15), PilotCostCategory.Material)).ShouldBe("pilot.category-not-funded");
        Refused(Spending(Esf, 100m, Today.AddDays(1))).ShouldBe("pilot.date-in-future");
        Refused(Spending(Esf, 100m, Phase.From.AddDays(-1))).ShouldBe("pilot.before-phase");
        Refused(Spending(State, 2_500.01m)).ShouldBe("pilot.source-exhausted");
        Refused(Spending("Bundesagentur", 1m)).ShouldBe("pilot.unknown-funding-source");
        Refused(Spending(Esf, 0m)).ShouldBe("pilot.spending-not-positive");
        Refused(Spending(Esf, 100m, new DateOnly(2025, 1, 15))).ShouldBe("pilot.spending-unchanged");
        Given.Refusal(() => PilotDecider.CorrectSpending(pilot, id, Spending(Esf, 90m), "  ", Given.Stamp)).Code.ShouldBe("pilot.correction-without-reason");
        Should.Throw<UnknownEntity>(() => PilotDecider.CorrectSpending(pilot, Guid.NewGuid(), Spending(Esf, 90m), "typo", Given.Stamp)).Code
            .ShouldBe("pilot.unknown-spending");
    }

    [Fact]
    public void A_cancelled_spending_counts_against_no_source_and_is_neither_corrected_nor_cancelled_again()
    {
        var id = Guid.NewGuid();
        var pilot = Given.History<Pilot>(Launched, Spent(id, State, 2_500m, new DateOnly(2025, 1, 15)));

        var cancelled = PilotDecider.CancelSpending(pilot, id, " Booked twice ", Given.Stamp);

        cancelled.ShouldBe(new PilotSpendingCancelled(PilotId, id, "Booked twice", Given.Stamp.By, Given.Stamp.At));
        var after = Pilot.Evolve(pilot, cancelled);
        after.Spent[State].ShouldBe(0m);
        after.Spendings[id].Cancelled.ShouldBeTrue();
        PilotDecider.RecordSpending(after, Guid.NewGuid(), Spending(State, 2_500m), Given.Stamp).Amount.ShouldBe(2_500m);
        Given.Refusal(() => PilotDecider.CorrectSpending(after, id, Spending(State, 100m), "typo", Given.Stamp)).Code.ShouldBe("pilot.spending-cancelled");
        Given.Refusal(() => PilotDecider.CancelSpending(after, id, "again", Given.Stamp)).Code.ShouldBe("pilot.spending-cancelled");
        Given.Refusal(() => PilotDecider.CancelSpending(pilot, id, "", Given.Stamp)).Code.ShouldBe("pilot.cancellation-without-reason");
    }

    [Fact]
    public void After_the_pilot_ended_its_spending_is_neither_corrected_nor_cancelled()
    {
        var id = Guid.NewGuid();
        var ended = Given.History<Pilot>(Launched, Spent(id, State, 100m, new DateOnly(2025, 1, 15)),
            new PilotEvaluationDue(PilotId, Phase.To, "system", DateTimeOffset.UnixEpoch),
            new PilotContinuationDecided(PilotId, ContinuationDecision.End, ["no demand"], Phase.To.AddDays(1), null,
                StableDemandRule.Default.Assess(Phase, Phase.To.AddDays(1), []), "u", DateTimeOffset.UnixEpoch));

        Given.Refusal(() => PilotDecider.CorrectSpending(ended, id, Spending(State, 90m, new DateOnly(2025, 1, 15)), "typo", Given.Stamp)).Code.ShouldBe("pilot.ended");
        Given.Refusal(() => PilotDecider.CancelSpending(ended, id, "booked twice", Given.Stamp)).Code.ShouldBe("pilot.ended");
    }

    [Fact]
    public void Over_random_spending_the_sums_per_source_equal_the_total_and_no_source_pays_against_its_rules()
    {
        var random = new Random(124);
        var sources = Launched.FundingSources;
        var categories = Enum.GetValues<PilotCostCategory>();
        PilotSpending RandomSpending() => new(sources[random.Next(sources.Count)].Name, categories[random.Next(categories.Length)],
            random.Next(1, 150_000) / 100m, Phase.From.AddDays(random.Next(Today.DayNumber - Phase.From.DayNumber + 1)), null);
        var (corrections, cancellations) = (0, 0);
        for (var run = 0; run < 200; run++)
        {
            var pilot = Given.History<Pilot>(Launched);
            // What stands of each spending by the events accepted, replayed here independently of the write model's fold.
            var standing = new Dictionary<Guid, PilotSpending?>();
            for (var attempt = 0; attempt < 60; attempt++)
            {
                var ids = standing.Keys.ToList();
                var id = ids.Count > 0 && random.Next(3) > 0 ? ids[random.Next(ids.Count)] : Guid.NewGuid();
                try
                {
                    object accepted;
                    if (!standing.ContainsKey(id))
                    {
                        var recorded = PilotDecider.RecordSpending(pilot, id, RandomSpending(), Given.Stamp);
                        standing[id] = new PilotSpending(recorded.Source, recorded.Category, recorded.Amount, recorded.SpentOn, recorded.Note);
                        accepted = recorded;
                    }
                    else if (random.Next(4) == 0)
                    {
                        accepted = PilotDecider.CancelSpending(pilot, id, "cancelled", Given.Stamp);
                        standing[id].ShouldNotBeNull($"run {run}: a cancelled spending was cancelled again");
                        standing[id] = null;
                        cancellations++;
                    }
                    else
                    {
                        var before = standing[id];
                        // Often only the amount changes, so that corrections within a source near its ceiling are tried.
                        var corrected = before is not null && random.Next(2) == 0
                            ? before with { Amount = Math.Max(0.01m, before.Amount + random.Next(-50_000, 50_000) / 100m) }
                            : RandomSpending();
                        var correction = PilotDecider.CorrectSpending(pilot, id, corrected, "corrected", Given.Stamp);
                        before.ShouldNotBeNull($"run {run}: a cancelled spending was corrected");
                        standing[id] = new PilotSpending(correction.Source, correction.Category, correction.Amount, correction.SpentOn, correction.Note);
                        accepted = correction;
                        corrections++;
                    }

                    pilot = Pilot.Evolve(pilot, accepted);
                }
                catch (RuleViolation)
                {
                    // Refused by a source's rule, or a cancelled spending: nothing recorded, checked below.
                }
            }

            var current = standing.Values.OfType<PilotSpending>().ToList();
            pilot.Spent.Values.Sum().ShouldBe(current.Sum(s => s.Amount), $"run {run}");
            foreach (var source in sources)
            {
                var against = current.Where(s => s.Source == source.Name).ToList();
                pilot.Spent.GetValueOrDefault(source.Name).ShouldBe(against.Sum(s => s.Amount), $"run {run}, {source.Name}");
                if (source.Amount is { } budget) against.Sum(s => s.Amount).ShouldBeLessThanOrEqualTo(budget, $"run {run}, {source.Name}");
                against.ShouldAllBe(s => source.FinancesOn(s.SpentOn) && source.Pays(s.Category), $"run {run}, {source.Name}");
            }
        }

        // The random history did exercise both: many corrections and cancellations were accepted.
        corrections.ShouldBeGreaterThan(500);
        cancellations.ShouldBeGreaterThan(500);
    }
}
