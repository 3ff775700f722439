using Fachwerk.Application.Applications;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// The programme budget read model always equals what the events say: random sequences of approvals, payments, reductions,
/// reclaims, withdrawals and amendments of the financing (with and without a raise) (some refused, as in real life) end with the dashboard compared against sums computed here,
/// independently, from the raw events.
/// </summary>
public class BudgetConsistencyTests(AppFixture fixture) : FundingApi(fixture)
{
    private const int Applications = 8;
    private const int Steps = 40;

    /// <summary>
    /// With <paramref name="euPeriodEndsMidway"/> the first source is ESF+ whose EU funding period ends early in the history
    /// (the clock moves past it): grants committed after it are financed by the district alone (ADR 0124), and the parts still add up.
    /// </summary>
    [Theory]
    [InlineData(1, false)]
    [InlineData(7, false)]
    [InlineData(2026, false)]
    // A history that commits grants both before the EU period ends and after it (124's commits none after it).
    [InlineData(125, true)]
    public async Task The_budget_read_model_equals_the_sums_of_the_events_after_a_random_history(int seed, bool euPeriodEndsMidway)
    {
        var random = new Random(seed);
        // Amendments draw from their own sequence, after the step the history took anyway: the rest of the history stays as it was.
        var amending = new Random(seed + 131);
        var euPeriodEnd = Today.AddDays(5);
        var programme = await LaunchProgramme(budget: 150_000m, rules: Rules(voteRequired: false, cap: null), sources: euPeriodEndsMidway
            ? [new FundingSource("ESF+", 0.8m, FundingSourceKind.EuropeanSocialFund, new Period(new DateOnly(2021, 1, 1), euPeriodEnd)),
               new FundingSource("Landkreis Mansfeld-Südharz", 0.2m, FundingSourceKind.District)]
            : null);
        var applications = new List<Guid>();
        for (var i = 0; i < Applications; i++)
            applications.Add((await ReadyForDecision(programme, vote: false, Plan(requested: 60_000m, title: $"Projekt {seed}-{i}"))).Id);

        for (var step = 0; step < Steps; step++)
        {
            // Early, so that some grants are committed before the period ends and most after it.
            if (euPeriodEndsMidway && step == Steps / 10)
                Clock.Advance(TimeSpan.FromDays(7));
            var id = applications[random.Next(applications.Count)];
            await Host.ExecuteAndWaitAsync(() => RandomStep(random, id), 60_000);
            // Only once the step's budget workflow and letter are done: read in the middle of them, the application's status and
            // version depended on how far they had got, and so did the rest of the history (a flaky seed, 6 December).
            if (amending.Next(3) == 0 && await Details(id) is { Status: ApplicationStatus.Approved } approved)
                await Host.ExecuteAndWaitAsync(() => Amend(amending, approved, raise: amending.Next(2) == 0), 60_000);
        }

        await CatchUpProjections();
        var budget = await Budget(programme);
        await using var session = Store.QuerySession();
        var events = (await session.Events.QueryAllRawEvents().ToListAsync(TestContext.Current.CancellationToken)).Select(e => e.Data).ToList();
        var committed = events.OfType<FundsCommitted>().Sum(e => e.Amount) - events.OfType<FundsReleased>().Sum(e => e.Amount);

        budget.Committed.ShouldBe(committed);
        budget.Remaining.ShouldBe(150_000m - committed);
        budget.Paid.ShouldBe(events.OfType<PaymentReleased>().Sum(e => e.Amount));
        budget.Reclaimed.ShouldBe(events.OfType<ReclaimDemanded>().Sum(e => e.Amount));
        budget.Repaid.ShouldBe(events.OfType<RepaymentReceived>().Sum(e => e.Amount));
        budget.Released.ShouldBe(events.OfType<FundsReleased>().Sum(e => e.Amount));
        committed.ShouldBeLessThanOrEqualTo(150_000m, "never over-committed");

        // The months add up to the same sums, and the last month's end is where the budget stands.
        var months = (await Get<ProgrammeBudgetOverTime>(Caseworker, $"/api/programmes/{programme}/budget/months")).Months;
        months.Sum(m => m.Committed - m.Released).ShouldBe(committed);
        months.Sum(m => m.Paid).ShouldBe(budget.Paid);
        months.Sum(m => m.Reclaimed).ShouldBe(budget.Reclaimed);
        months.Sum(m => m.Repaid).ShouldBe(budget.Repaid);
        months[^1].RemainingAtEnd.ShouldBe(budget.Remaining);

        // Per funding source (80 % the state's or ESF+'s, 20 % the district's): each figure's parts add up to the programme's figure.
        budget.Sources.Select(s => s.Share).ShouldBe([0.8m, 0.2m]);
        budget.Sources.Sum(s => s.Budget).ShouldBe(budget.TotalBudget);
        budget.Sources.Sum(s => s.Committed).ShouldBe(budget.Committed);
        budget.Sources.Sum(s => s.Released).ShouldBe(budget.Released);
        budget.Sources.Sum(s => s.Paid).ShouldBe(budget.Paid);
        budget.Sources.Sum(s => s.Reclaimed).ShouldBe(budget.Reclaimed);
        budget.Sources.Sum(s => s.Repaid).ShouldBe(budget.Repaid);
        budget.Sources.Sum(s => s.Remaining).ShouldBe(budget.Remaining);
        if (!euPeriodEndsMidway)
            budget.Sources.ShouldAllBe(s => Math.Abs(s.Committed - budget.Committed * s.Share) < 0.01m);
        else
        {
            // ESF+ finances only the grants first committed within its period: computed here from the raw events, grant by grant.
            var firstCommitted = events.OfType<FundsCommitted>().GroupBy(e => e.ApplicationId)
                .ToDictionary(g => g.Key, g => Fachwerk.Domain.Common.AuthorityCalendar.DayOf(g.Min(e => e.RecordedAt)));
            decimal Held(Func<Guid, bool> grant) =>
                events.OfType<FundsCommitted>().Where(e => grant(e.ApplicationId)).Sum(e => e.Amount)
                - events.OfType<FundsReleased>().Where(e => grant(e.ApplicationId)).Sum(e => e.Amount);
            var inPeriod = Held(id => firstCommitted[id] <= euPeriodEnd);
            var afterPeriod = Held(id => firstCommitted[id] > euPeriodEnd);
            inPeriod.ShouldBe(committed - afterPeriod);
            Math.Abs(budget.Sources[0].Committed - inPeriod * 0.8m).ShouldBeLessThan(0.01m, "ESF+ holds its share of the grants committed in its period");
            budget.Sources[1].Committed.ShouldBe(committed - budget.Sources[0].Committed);
            firstCommitted.Values.ShouldContain(day => day > euPeriodEnd, "the history committed grants after the EU funding period");
        }

        // Every region (alliance and district) together is the programme's money, month by month too.
        var regions = await Get<RegionalBudgetView>(Caseworker, $"/api/programmes/{programme}/budget/regions");
        (regions.Committed, regions.Released, regions.Paid, regions.Reclaimed, regions.Repaid, regions.OwnContributions, regions.ActiveCommitments)
            .ShouldBe((budget.Committed, budget.Released, budget.Paid, budget.Reclaimed, budget.Repaid, budget.OwnContributions, budget.ActiveCommitments));
        regions.Regions.Sum(r => r.Committed).ShouldBe(committed);
        regions.Months.Sum(m => m.Committed - m.Released).ShouldBe(committed);
        regions.Months.Sum(m => m.Paid).ShouldBe(budget.Paid);

        // And the programme keeps committed exactly what each application still holds, with the own contribution of the decision
        // version in force of each grant that still holds money (amended or not, ADR 0131).
        var held = 0m;
        var own = 0m;
        foreach (var id in applications)
        {
            var details = await Details(id);
            if (details.Status is ApplicationStatus.Approved or ApplicationStatus.ReclaimDemanded or ApplicationStatus.Closed)
            {
                held += details.ApprovedAmount!.Value;
                if (details.ApprovedAmount > 0) own += details.DecisionVersions[^1].CostPlan.OwnContribution;
            }
            details.Status.ShouldNotBe(ApplicationStatus.AwaitingCommitment, "nothing half-done");
            details.PendingAmendment.ShouldBeNull("every confirmed amendment was put in force or blocked");
        }

        committed.ShouldBe(held);
        budget.OwnContributions.ShouldBe(own);
        budget.OwnContributions.ShouldBe(events.OfType<FundsCommitted>().Sum(e => e.OwnContribution)
            + events.OfType<CommitmentAdjusted>().Sum(e => e.OwnContributionChange) - events.OfType<FundsReleased>().Sum(e => e.OwnContributionReleased));
        regions.OwnContributions.ShouldBe(own);
        events.OfType<CommitmentAdjusted>().ShouldNotBeEmpty("the history amended own contributions");
        events.OfType<PaymentReleased>().Count().ShouldBeGreaterThan(0, "the history exercised payments");
    }

    /// <summary>
    /// Amends the grant's financing with a new own contribution, up or down (ADR 0131), with a raise of 5,000 EUR or without one, and
    /// has a second person confirm it: balanced, within the 80 % funding rate; the rules may refuse it (409), the budget block a raise.
    /// </summary>
    private async Task Amend(Random random, ApplicationDetails application, bool raise)
    {
        var amount = application.ApprovedAmount!.Value + (raise ? 5_000m : 0m);
        var own = amount / 4 + 1_000m * random.Next(0, 6);
        var proposal = await Host.Scenario(s =>
        {
            Authorize(s, Caseworker);
            s.Post.Text(System.Text.Json.JsonSerializer.Serialize(new ProposeAmendment(application.Version, "Geänderter Finanzierungsplan", Today,
                Amount: raise ? amount : null, CostPlan: new CostPlan(amount + own, own, 0m)), Json)).ToUrl($"/api/applications/{application.Id}/amendments");
            s.WithRequestHeader("Content-Type", "application/json");
            s.IgnoreStatusCode();
        });
        proposal.Context.Response.StatusCode.ShouldBeOneOf(200, 409);
        if (proposal.Context.Response.StatusCode == 200)
            await Act(Approver, application.Id, "amendments/confirmation",
                new ConfirmAmendment((await Read<Fachwerk.Application.Common.CommandAccepted>(proposal)).Version));
    }

    /// <summary>Sends a command that the rules may refuse (409); anything else than success or refusal fails the test.</summary>
    private async Task Attempt(Fachwerk.Host.Development.DemoUser user, Guid id, string step, object body)
    {
        var result = await Host.Scenario(s =>
        {
            Authorize(s, user);
            s.Post.Text(System.Text.Json.JsonSerializer.Serialize(body, body.GetType(), Json)).ToUrl($"/api/applications/{id}/{step}");
            s.WithRequestHeader("Content-Type", "application/json");
            s.IgnoreStatusCode();
        });
        result.Context.Response.StatusCode.ShouldBeOneOf(200, 409);
    }

    private async Task RandomStep(Random random, Guid id)
    {
        var application = await Details(id);
        var version = application.Version;
        switch (application.Status)
        {
            case ApplicationStatus.FormallyComplete or ApplicationStatus.ApprovalBlocked:
                if (random.Next(6) == 0)
                {
                    await Send(Applicant, HttpMethod.Post, $"/api/applications/{id}/withdrawal", new WithdrawApplication(version, "Zufall"), 200);
                    return;
                }

                var amount = 10_000m * random.Next(1, 7);
                version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, amount));
                await Act(Approver, id, "decision-confirmation", new ConfirmDecision(version));
                return;

            case ApplicationStatus.Approved:
                var funding = application.Funding!;
                var open = application.ApprovedAmount!.Value - funding.Paid + funding.Repaid - funding.Pending;
                switch (random.Next(5))
                {
                    case 0 or 1 when open > 0:
                        await Paid(id, version, Math.Min(open, 5_000m * random.Next(1, 5)), ownSpent: 1_000_000m);
                        return;
                    case 2 when funding.Paid == 0:
                        await Act(Applicant, id, "withdrawal", new WithdrawApplication(version, "Verzicht"));
                        return;
                    case 3 when application.ApprovedAmount > funding.Paid - funding.Repaid + funding.Pending + 1_000m:
                        await Act(Caseworker, id, "approved-amount-reduction",
                            new ReduceApprovedAmount(version, application.ApprovedAmount.Value - 1_000m, "Geringere Kosten"));
                        return;
                    default:
                        if (application.ApprovedAmount > 0)
                            await Attempt(Caseworker, id, "reclaims", new DemandReclaim(version,
                                Math.Min(application.ApprovedAmount.Value, 2_500m * random.Next(1, 4)), "Prüfungsfeststellung", Today.AddDays(30)));
                        return;
                }

            case ApplicationStatus.ReclaimDemanded:
                var due = application.Funding!.Reclaims.Sum(r => r.RepaymentDue) - application.Funding.Repaid;
                await Act(Caseworker, id, "repayments", new RecordRepayment(version, random.Next(2) == 0 ? due : Math.Max(0.01m, Math.Round(due / 2, 2)), Today));
                return;
        }
    }
}
