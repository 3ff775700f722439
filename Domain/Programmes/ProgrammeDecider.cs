using System.Globalization;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>What a commitment attempt came to: the event that reserves the money, or why it cannot be reserved.</summary>
public abstract record CommitmentOutcome
{
    public sealed record Committed(FundsCommitted Event) : CommitmentOutcome;

    public sealed record Refused(string Code, string Reason) : CommitmentOutcome;
}

/// <summary>Pure decisions for funding programmes.</summary>
public static partial class ProgrammeDecider
{
    public static FundingProgrammeLaunched Launch(Guid programmeId, ProgrammeSetup setup, Stamp stamp)
    {
        var (name, sources, fundingPeriod, totalBudget, rules) = setup;
        if (sources.Count == 0)
            throw new RuleViolation("programme.no-funding-source", "A programme has at least one funding source.");
        if (sources.Sum(s => s.Share) != 1m)
            throw new RuleViolation("programme.source-shares",
                $"The shares of the funding sources add up to {Percent(sources.Sum(s => s.Share))}, not 100 %.");
        if (fundingPeriod.To < fundingPeriod.From)
            throw new RuleViolation("programme.invalid-funding-period", "The funding period ends before it starts.");
        if (totalBudget <= 0)
            throw new RuleViolation("programme.no-budget", "A programme has a budget above 0 EUR.");
        if (rules.MaxFundingRate is <= 0 or > 1)
            throw new RuleViolation("programme.funding-rate", "The maximum funding rate lies above 0 % and at most 100 %.");

        return new FundingProgrammeLaunched(programmeId, name.Trim(), [.. sources.Select(s => s with { Name = s.Name.Trim() })],
            fundingPeriod, totalBudget, rules, stamp.By, stamp.At);
    }

    public static FundingProgrammeToppedUp TopUp(FundingProgramme programme, decimal amount, string reason, Stamp stamp)
    {
        if (amount <= 0)
            throw new RuleViolation("programme.invalid-amount", "A top-up adds more than 0 EUR.");
        return new FundingProgrammeToppedUp(programme.Id, amount, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>Cuts the budget, but never below what is already committed.</summary>
    public static FundingProgrammeCut Cut(FundingProgramme programme, decimal amount, string reason, Stamp stamp)
    {
        if (amount <= 0)
            throw new RuleViolation("programme.invalid-amount", "A cut takes away more than 0 EUR.");
        if (amount > programme.Available)
            throw new RuleViolation("programme.cut-below-commitments",
                $"Cutting {Eur(amount)} would leave {Eur(programme.TotalBudget - amount)}, less than the {Eur(programme.Committed)} already committed; " +
                $"at most {Eur(programme.Available)} can be cut.");
        return new FundingProgrammeCut(programme.Id, amount, reason.Trim(), stamp.By, stamp.At);
    }

    public static AlliancePlanningBudgetSet SetPlanningBudget(FundingProgramme programme, Guid allianceId, decimal amount, Stamp stamp)
    {
        if (amount < 0)
            throw new RuleViolation("programme.invalid-amount", "A planning budget is 0 EUR or more.");
        return new AlliancePlanningBudgetSet(programme.Id, allianceId, amount, stamp.By, stamp.At);
    }

    /// <summary>
    /// Whether an approval's amount can be reserved now: never beyond the available budget, and beyond the
    /// alliance's planning budget only with a reason, and never beyond what is left of the budget of the call the application was
    /// submitted to. Pure: the caller appends the event or records the refusal.
    /// </summary>
    public static CommitmentOutcome Commit(FundingProgramme programme, CommitmentRequest request, Stamp stamp)
    {
        var (applicationId, allianceId, amount, ownContribution, planningExceedanceReason, callNumber, district, raise) = request;
        if (amount > programme.Available)
            return new CommitmentOutcome.Refused("programme.insufficient-funds",
                $"{programme.Name} has {Eur(programme.Available)} available ({Eur(programme.TotalBudget)} budget, {Eur(programme.Committed)} committed); " +
                $"the approval needs {Eur(amount)}.");

        var call = callNumber is { } number ? programme.Call(number) : null;
        if (call is { Budget: { } callBudget, Remaining: { } remaining } && amount > remaining)
            return new CommitmentOutcome.Refused("call.insufficient-funds",
                $"Call '{call.Name}' has {Eur(remaining)} left ({Eur(callBudget)} budget, {Eur(call.Committed)} committed); " +
                $"the approval needs {Eur(amount)}.");

        if (programme.PlanningBudgets.TryGetValue(allianceId, out var planned))
        {
            var after = programme.CommittedFor(allianceId) + amount;
            if (after > planned && string.IsNullOrWhiteSpace(planningExceedanceReason))
                return new CommitmentOutcome.Refused("programme.planning-budget-exceeded",
                    $"The alliance's planning budget is {Eur(planned)}; with this approval its commitments would reach {Eur(after)}. " +
                    "Propose the decision again with a reason for exceeding the planning figure.");
        }

        return new CommitmentOutcome.Committed(new FundsCommitted(programme.Id, applicationId, allianceId, amount, ownContribution,
            string.IsNullOrWhiteSpace(planningExceedanceReason) ? null : planningExceedanceReason.Trim(), stamp.By, stamp.At, call?.Number, district, raise));
    }

    /// <summary>
    /// Lowers an application's <paramref name="commitment"/> (null: none) to <paramref name="remaining"/>; nothing when it is
    /// already there (idempotent).
    /// </summary>
    public static IReadOnlyList<object> Release(FundingProgramme programme, Commitment? commitment, decimal remaining, string reason, Stamp stamp)
    {
        if (commitment is null || commitment.Amount <= remaining)
            return [];
        if (commitment.ProgrammeId != programme.Id)
            throw new InvalidOperationException($"The commitment of application {commitment.ApplicationId} belongs to programme {commitment.ProgrammeId}, not {programme.Id}.");
        return
        [
            new FundsReleased(programme.Id, commitment.ApplicationId, commitment.Amount - remaining, remaining, commitment.AllianceId,
                remaining == 0 ? commitment.OwnContribution : 0, reason, stamp.By, stamp.At, commitment.CallNumber, commitment.District),
        ];
    }

    /// <summary>
    /// Lets an application's <paramref name="commitment"/> (null: none) count the own contribution of the decision version now in force
    /// (ADR 0131); nothing when it counts it already (idempotent) or nothing is committed.
    /// </summary>
    public static IReadOnlyList<object> Adjust(Commitment? commitment, FinancingInForce financing, Stamp stamp)
    {
        if (commitment is null || commitment.OwnContribution == financing.OwnContribution)
            return [];
        return
        [
            new CommitmentAdjusted(commitment.ProgrammeId, commitment.ApplicationId, commitment.AllianceId, financing.DecisionVersion,
                financing.EffectiveFrom, financing.TotalCosts, financing.OwnContribution, financing.ThirdPartyFunding,
                financing.OwnContribution - commitment.OwnContribution, financing.Reason, stamp.By, stamp.At, commitment.CallNumber, commitment.District),
        ];
    }

    public static string Eur(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " EUR";

    public static string Percent(decimal rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}
