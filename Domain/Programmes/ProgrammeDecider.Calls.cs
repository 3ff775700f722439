using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Programmes;

/// <summary>Pure decisions about a programme's funding authority, eligible alliances and calls for applications.</summary>
public static partial class ProgrammeDecider
{
    /// <summary>
    /// Sets the programme's funding authority and which alliances its applications may name. A state's programme binds itself to
    /// alliances of that state only; an unchanged setting records nothing.
    /// </summary>
    public static IReadOnlyList<object> SetEligibility(
        FundingProgramme programme, FundingAuthority authority, AllianceEligibility eligibility, string? reason, Stamp stamp)
    {
        if (authority.Level == AuthorityLevel.State && authority.State is null)
            throw new RuleViolation("programme.authority-without-state", "A state's funding authority names its federal state.");
        if (authority.Level == AuthorityLevel.Federal && authority.State is not null)
            throw new RuleViolation("programme.federal-authority-with-state", "A federal funding authority belongs to no single state.");
        var listed = eligibility.Alliances ?? [];
        switch (eligibility.Kind)
        {
            case EligibleAlliances.RecognizedInState when eligibility.State is null:
                throw new RuleViolation("programme.eligibility-without-state", "Name the state whose recognized alliances may apply.");
            case EligibleAlliances.RecognizedInState when authority.Level == AuthorityLevel.State && eligibility.State != authority.State:
                throw new RuleViolation("programme.eligibility-other-state",
                    $"A programme of {authority.State} accepts alliances recognized in {authority.State}, not in {eligibility.State}.");
            case EligibleAlliances.Listed when listed.Count == 0:
                throw new RuleViolation("programme.no-eligible-alliances", "List at least one alliance whose applications the programme accepts.");
        }

        var normalized = eligibility.Kind switch
        {
            EligibleAlliances.RecognizedInState => new AllianceEligibility(EligibleAlliances.RecognizedInState, eligibility.State),
            EligibleAlliances.Listed => new AllianceEligibility(EligibleAlliances.Listed, null, [.. listed.Distinct()]),
            _ => AllianceEligibility.AnyAlliance,
        };
        var trimmed = authority with { Name = authority.Name.Trim() };
        if (trimmed == programme.Authority && SameEligibility(normalized, programme.Eligibility))
            return [];
        return [new ProgrammeEligibilitySet(programme.Id, trimmed, normalized, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), stamp.By, stamp.At)];
    }

    /// <summary>Refuses an alliance the programme's applications may not name, with the rule that excludes it.</summary>
    public static void EnsureEligible(FundingProgramme programme, Alliance alliance)
    {
        if (programme.Eligibility.Admits(alliance)) return;
        throw new RuleViolation("programme.alliance-not-eligible", programme.Eligibility.Kind switch
        {
            EligibleAlliances.RecognizedInState when alliance.FederalState != programme.Eligibility.State =>
                $"{programme.Name} accepts applications for alliances recognized in {programme.Eligibility.State}; " +
                $"'{alliance.Name}' is an alliance of {alliance.FederalState}.",
            EligibleAlliances.RecognizedInState =>
                $"{programme.Name} accepts applications for alliances recognized in {programme.Eligibility.State}; '{alliance.Name}' is not recognized.",
            _ => $"{programme.Name} accepts applications only for the alliances it lists; '{alliance.Name}' is not one of them.",
        });
    }

    /// <summary>
    /// Opens a call for applications. Its window lies within the funding period and does not overlap another call that is still
    /// open, so every submission belongs to one call; the calls' budgets together stay within the programme's. Its last day is a hard
    /// deadline unless <paramref name="late"/> says later submissions are taken as late.
    /// </summary>
    public static CallOpened OpenCall(
        FundingProgramme programme, string name, Period window, decimal? budget, Stamp stamp, LateSubmissions late = LateSubmissions.Refused)
    {
        if (window.To < window.From)
            throw new RuleViolation("call.invalid-window", "A call's submission window ends before it starts.");
        if (!programme.FundingPeriod.Contains(window.From) || !programme.FundingPeriod.Contains(window.To))
            throw new RuleViolation("call.outside-funding-period",
                $"The submission window lies within the funding period {programme.FundingPeriod.From:yyyy-MM-dd} to {programme.FundingPeriod.To:yyyy-MM-dd}.");
        if (programme.Calls.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) is { } sameName)
            throw new RuleViolation("call.duplicate-name", $"Call {sameName.Number} is already named '{sameName.Name}'.");
        EnsureNoOverlap(programme, window, exceptNumber: null);
        if (budget is <= 0)
            throw new RuleViolation("programme.invalid-amount", "A call's budget is more than 0 EUR.");
        var budgeted = programme.Calls.Sum(c => c.Budget ?? 0) + (budget ?? 0);
        if (budget is not null && budgeted > programme.TotalBudget)
            throw new RuleViolation("call.budget-exceeds-programme",
                $"The calls' budgets would add up to {Eur(budgeted)}, more than the programme's budget of {Eur(programme.TotalBudget)}.");

        return new CallOpened(programme.Id, programme.Calls.Count + 1, name.Trim(), window, budget, stamp.By, stamp.At, late);
    }

    /// <summary>Moves an open call's last day later, within the funding period and clear of the other open calls.</summary>
    public static CallExtended ExtendCall(FundingProgramme programme, int number, DateOnly newLastDay, string reason, Stamp stamp)
    {
        var call = EnsureOpen(programme, number);
        if (newLastDay <= call.Window.To)
            throw new RuleViolation("call.not-later", $"Call '{call.Name}' already runs until {call.Window.To:yyyy-MM-dd}; an extension moves its last day later.");
        if (newLastDay > programme.FundingPeriod.To)
            throw new RuleViolation("call.outside-funding-period",
                $"The submission window lies within the funding period {programme.FundingPeriod.From:yyyy-MM-dd} to {programme.FundingPeriod.To:yyyy-MM-dd}.");
        EnsureNoOverlap(programme, call.Window with { To = newLastDay }, exceptNumber: number);
        return new CallExtended(programme.Id, number, newLastDay, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>Closes an open call before its window ends; it takes no further submissions.</summary>
    public static CallClosed CloseCall(FundingProgramme programme, int number, string reason, Stamp stamp)
    {
        EnsureOpen(programme, number);
        return new CallClosed(programme.Id, number, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>
    /// The call a submission at <paramref name="at"/> (German calendar day <paramref name="day"/>) belongs to; null when the programme runs
    /// no calls (then its funding period alone decides). A submission after the last day of the latest call that has started is taken as
    /// late when that call accepts late ones and is not closed. Refused when the programme runs calls and none takes submissions then.
    /// </summary>
    public static CallForSubmission? CallTakingSubmissions(FundingProgramme programme, DateOnly day, DateTimeOffset at)
    {
        if (programme.Calls.IsEmpty) return null;
        if (programme.Calls.FirstOrDefault(c => c.TakesSubmissions(day, at)) is { } open) return new CallForSubmission(open, 0);

        var next = programme.Calls.Where(c => c.ClosedAt is null && c.Window.From > day).MinBy(c => c.Window.From);
        var last = programme.Calls.Where(c => c.Window.From <= day).MaxBy(c => c.Window.From);
        if (last is not null && last.TakesLate(day, at)) return new CallForSubmission(last, day.DayNumber - last.Window.To.DayNumber);

        var hint = next is not null
            ? $" The next call, '{next.Name}', opens on {next.Window.From:yyyy-MM-dd}."
            : last is not null ? $" The last call, '{last.Name}', took submissions until {last.Window.To:yyyy-MM-dd}." : "";
        throw new RuleViolation("call.window-closed",
            $"{programme.Name} takes applications within its calls; none is open on {day:yyyy-MM-dd}.{hint}");
    }

    private static ProgrammeCall EnsureOpen(FundingProgramme programme, int number)
    {
        var call = programme.Call(number) ?? throw new UnknownEntity("call.unknown", $"{programme.Name} has no call {number}.");
        if (call.ClosedAt is not null)
            throw new RuleViolation("call.not-open", $"Call '{call.Name}' was closed on {call.ClosedAt:yyyy-MM-dd}.");
        return call;
    }

    private static void EnsureNoOverlap(FundingProgramme programme, Period window, int? exceptNumber)
    {
        var overlapping = programme.Calls.FirstOrDefault(c => c.Number != exceptNumber && c.ClosedAt is null
                                                              && c.Window.From <= window.To && window.From <= c.Window.To);
        if (overlapping is not null)
            throw new RuleViolation("call.window-overlaps",
                $"Call '{overlapping.Name}' takes submissions from {overlapping.Window.From:yyyy-MM-dd} to {overlapping.Window.To:yyyy-MM-dd}; " +
                "the windows of open calls do not overlap, so every application belongs to one call.");
    }

    private static bool SameEligibility(AllianceEligibility a, AllianceEligibility b) =>
        a.Kind == b.Kind && a.State == b.State && (a.Alliances ?? []).Order().SequenceEqual((b.Alliances ?? []).Order());
}
