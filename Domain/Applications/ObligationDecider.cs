using System.Collections.Immutable;
using System.Globalization;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// Pure decisions on a grant's obligations (ADR 0123): imposed on an approved grant, evidence recorded against due days, due days
/// passing without evidence marked overdue, and a breach that reclaims the unfulfilled share of what was paid, pro rata.
/// </summary>
public static class ObligationDecider
{
    /// <summary>The longest obligation: 30 years.</summary>
    public const int MaxMonths = 360;

    public static ObligationImposed Impose(
        FundingApplication application, ObligationKind kind, string description, DateOnly startsOn, int months, string requiredEvidence,
        IReadOnlyList<DateOnly> evidenceDueDates, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        if (application.Status is not (ApplicationStatus.Approved or ApplicationStatus.ReclaimDemanded))
            throw new RuleViolation("obligation.grant-not-approved", $"Obligations are imposed on an approved grant; application {application.Id} is {application.Status}.");
        if (months is < 1 or > MaxMonths)
            throw new RuleViolation("obligation.period-out-of-range", $"An obligation runs 1 to {MaxMonths} months; {months} given.");
        var endsOn = startsOn.AddMonths(months).AddDays(-1);
        var dues = evidenceDueDates.Distinct().Order().ToList();
        if (dues.Count == 0)
            throw new RuleViolation("obligation.no-evidence-due", "An obligation names at least one day by which evidence is due.");
        if (dues[0] < startsOn)
            throw new RuleViolation("obligation.evidence-before-start",
                $"Evidence cannot be due on {dues[0]:yyyy-MM-dd}, before the obligation starts on {startsOn:yyyy-MM-dd}.");
        if (dues[^1] > endsOn.AddYears(1))
            throw new RuleViolation("obligation.evidence-too-late",
                $"Evidence is due at the latest a year after the obligation ends on {endsOn:yyyy-MM-dd}, not on {dues[^1]:yyyy-MM-dd}.");
        return new ObligationImposed(application.Id, application.Obligations.Count + 1, kind, description.Trim(), startsOn, months,
            requiredEvidence.Trim(), dues, stamp.By, stamp.At);
    }

    /// <summary>Evidence for the due day <paramref name="dueBy"/> of obligation <paramref name="number"/>; also after the day passed (it clears the overdue mark).</summary>
    public static ObligationEvidenceRecorded RecordEvidence(FundingApplication application, int number, DateOnly dueBy, string evidence, Stamp stamp)
    {
        var obligation = Open(application, number);
        var due = obligation.Dues.FirstOrDefault(d => d.DueBy == dueBy)
                  ?? throw new RuleViolation("obligation.unknown-due-date",
                      $"Obligation {number} has evidence due on {string.Join(", ", obligation.Dues.Select(d => d.DueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}, not on {dueBy:yyyy-MM-dd}.");
        if (due.Evidence is not null)
            throw new RuleViolation("obligation.evidence-recorded", $"Evidence for {dueBy:yyyy-MM-dd} of obligation {number} is recorded already.");
        return new ObligationEvidenceRecorded(application.Id, number, dueBy, evidence.Trim(), stamp.By, stamp.At);
    }

    /// <summary>
    /// The timer of a due day: checks the state when it fires; nothing when evidence came in, the obligation was breached, or the day was
    /// marked already (a redelivered timer changes nothing), or the day has not passed.
    /// </summary>
    public static IReadOnlyList<object> EvidenceDeadlineReached(FundingApplication application, int number, DateOnly dueBy, Stamp stamp)
    {
        var obligation = application.Obligations.FirstOrDefault(o => o.Number == number);
        var due = obligation?.Dues.FirstOrDefault(d => d.DueBy == dueBy);
        if (obligation is null || obligation.Breach is not null || due is null || due.Evidence is not null || due.Overdue
            || AuthorityCalendar.DayOf(stamp.At) <= dueBy)
            return [];
        return [new ObligationEvidenceOverdue(application.Id, number, dueBy, stamp.By, stamp.At)];
    }

    /// <summary>
    /// The pro-rata reclaim of a breach: the unfulfilled share of the obligation's months times what was paid (net of repayments),
    /// rounded to cents, half away from zero (kaufmännisch, ADR 0123).
    /// </summary>
    public static decimal ProRataReclaim(decimal netPaid, int months, int fulfilledMonths) =>
        Math.Round(netPaid * (months - fulfilledMonths) / months, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A caseworker records the breach after <paramref name="fulfilledMonths"/> months: the unfulfilled share of the paid grant is
    /// reclaimed through the existing reclaim (its amount revoked from the grant, repayable by <paramref name="repayBy"/>).
    /// </summary>
    public static IReadOnlyList<object> RecordBreach(FundingApplication application, int number, int fulfilledMonths, DateOnly repayBy, Stamp stamp)
    {
        var obligation = Open(application, number);
        if (fulfilledMonths < 0 || fulfilledMonths >= obligation.Months)
            throw new RuleViolation("obligation.fulfilled-out-of-range",
                $"A breach comes after 0 to {obligation.Months - 1} of the obligation's {obligation.Months} months; {fulfilledMonths} given.");
        var funding = application.Funding ?? throw new RuleViolation("obligation.grant-not-approved", $"Application {application.Id} has no grant.");
        var reclaim = ProRataReclaim(funding.NetPaid, obligation.Months, fulfilledMonths);
        if (reclaim <= 0)
            throw new RuleViolation("obligation.nothing-paid", $"Nothing of the grant was paid; a breach reclaims nothing. Reduce the grant instead.");
        var breached = new ObligationBreached(application.Id, number, fulfilledMonths, reclaim, stamp.By, stamp.At);
        var reason = string.Create(CultureInfo.InvariantCulture,
            $"Obligation {number} ({obligation.Description}) broken after {fulfilledMonths} of {obligation.Months} months: {obligation.Months - fulfilledMonths}/{obligation.Months} of {funding.NetPaid:0.00} EUR paid.");
        return [breached, .. FundingDecider.DemandReclaim(FundingApplication.Evolve(application, breached), reclaim, reason, repayBy, stamp)];
    }

    private static Obligation Open(FundingApplication application, int number)
    {
        var obligation = application.Obligations.FirstOrDefault(o => o.Number == number)
                         ?? throw new UnknownEntity("obligation.unknown", $"Application {application.Id} has no obligation {number}.");
        if (obligation.Breach is not null)
            throw new RuleViolation("obligation.breached", $"Obligation {number} was breached on {obligation.Breach.RecordedAt:yyyy-MM-dd}; it is settled by the reclaim.");
        return obligation;
    }
}
