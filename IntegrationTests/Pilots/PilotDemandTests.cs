using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// The demand dashboard and the continuation indicator on a scripted history: twelve months of a pilot phase recorded
/// today, month by month by business date.
/// </summary>
public class PilotDemandTests(AppFixture fixture) : PilotApi(fixture)
{
    private static readonly PilotService[] Services =
    [
        PilotService.HousingSearch, PilotService.VisitsToAuthorities, PilotService.RecognitionOfQualifications,
        PilotService.LanguageCourse, PilotService.Childcare, PilotService.School, PilotService.ChurchAndClubs, PilotService.Culture,
    ];

    /// <summary>
    /// Records one month: a company and a participant enrolled on the 2nd, then services to that participant until
    /// the month's demand is reached (the company and the participant count once each).
    /// </summary>
    private async Task<long> RecordMonth(Guid pilot, long version, DateOnly month, int demand, int serviceOffset)
    {
        var (_, v1) = await EnrolCompany(pilot, version, $"Betrieb {month:yyyy-MM}", month.AddDays(1), need: 1);
        var (participant, v2) = await EnrolParticipant(pilot, v1, month.AddDays(1), Person("Test", $"Person{month:yyyyMM}"));
        version = v2;
        for (var i = 0; i < demand - 2; i++)
            version = await Deliver(pilot, version, participant, Services[(serviceOffset + i) % Services.Length], month.AddDays(2 + i));
        return version;
    }

    private async Task<(Guid Pilot, long Version)> ScriptedPilot(params int[] demandPerMonth)
    {
        var phase = PastPhase;
        var created = await Launch(phase);
        var version = created.Version;
        for (var m = 0; m < demandPerMonth.Length; m++)
            version = await RecordMonth(created.Id, version, phase.From.AddMonths(m), demandPerMonth[m], m);
        return (created.Id, version);
    }

    [Fact]
    public async Task The_dashboard_counts_each_month_by_business_date_and_shows_stable_demand_with_the_numbers_behind_it()
    {
        int[] demand = [3, 4, 5, 4, 5, 6, 6, 7, 6, 8, 7, 7];
        var (pilot, version) = await ScriptedPilot(demand);
        var phase = PastPhase;

        var report = await Demand(pilot);

        report.Months.Count.ShouldBe(12);
        report.Months.Select(m => m.Month).ShouldBe(Enumerable.Range(0, 12).Select(i => phase.From.AddMonths(i)));
        report.Months.Select(m => m.Demand).ShouldBe(demand);
        report.Months.ShouldAllBe(m => m.NewParticipants == 1 && m.NewCompanies == 1 && m.NewSkilledWorkers == 1 && m.SkilledWorkersNeeded == 1);
        report.Months[11].ServicesDelivered.ShouldBe(5);
        report.Months[11].ServicesByType.Values.Sum().ShouldBe(5);
        report.Totals.NewParticipants.ShouldBe(12);
        report.Totals.NewCompanies.ShouldBe(12);
        report.Totals.ServicesDelivered.ShouldBe(demand.Sum() - 24);
        report.Totals.ServicesByType.Values.Sum().ShouldBe(demand.Sum() - 24);
        report.Totals.Demand.ShouldBe(demand.Sum());

        var indicator = report.Indicator;
        indicator.Verdict.ShouldBe(DemandVerdict.Stable);
        indicator.Window.Select(m => m.Month).ShouldBe(Enumerable.Range(6, 6).Select(i => phase.From.AddMonths(i)));
        indicator.Window.Select(m => m.Demand).ShouldBe([6, 7, 6, 8, 7, 7]);
        indicator.LowestMonthlyDemand.ShouldBe(6);
        indicator.EarlierAverage.ShouldBe(6.33m);
        indicator.LaterAverage.ShouldBe(7.33m);
        indicator.ChangePercent.ShouldBe(15.8m);
        indicator.Findings.ShouldNotBeEmpty();

        // The decision records the indicator as the decider saw it, so an auditor can replay what was known.
        await Post(Lead, $"/api/pilots/{pilot}/continuation",
            new DecideContinuation(version, ContinuationDecision.Continue, ["Stable demand over the last six months"], Today, Today.AddYears(1)));
        var recorded = (await Details(pilot)).Continuation!.Assessment;
        recorded.Verdict.ShouldBe(DemandVerdict.Stable);
        recorded.Window.ShouldBe(indicator.Window);
        recorded.AssessedOn.ShouldBe(Today);
    }

    [Fact]
    public async Task Falling_demand_at_the_end_of_the_phase_is_not_stable()
    {
        var (pilot, _) = await ScriptedPilot(8, 8, 8, 8, 8, 8, 10, 10, 10, 6, 5, 5);

        var indicator = (await Demand(pilot)).Indicator;

        indicator.Verdict.ShouldBe(DemandVerdict.NotStable);
        indicator.ChangePercent.ShouldBe(-46.7m);
        indicator.Findings.ShouldContain(f => f.StartsWith("Demand is falling", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Placements_and_intercultural_trainings_are_counted_in_their_months_and_anyone_signed_in_reads_the_dashboard()
    {
        var phase = RunningPhase;
        var pilot = (await Launch(phase)).Id;
        var (company, v1) = await EnrolCompany(pilot, 1, "Elbe Metallbau GmbH", phase.From);
        var (participant, v2) = await EnrolParticipant(pilot, v1, phase.From.AddDays(3));
        var version = await Refer(pilot, v2, participant, company, phase.From.AddDays(20));
        version = await Place(pilot, version, participant, company, phase.From.AddMonths(1).AddDays(4));
        await HoldTraining(pilot, version, [company], phase.From.AddMonths(2));

        var report = await Demand(pilot);

        report.Months.Select(m => (m.Placements, m.InterculturalTrainings, m.Demand)).ShouldBe([(0, 0, 2), (1, 0, 0), (0, 1, 1)]);
        report.Totals.Placements.ShouldBe(1);
        report.Totals.InterculturalTrainings.ShouldBe(1);
        (await Get<PilotDemandReport>(DemoUsers.Applicant, $"/api/pilots/{pilot}/demand")).Totals.Demand.ShouldBe(report.Totals.Demand);
    }
}
