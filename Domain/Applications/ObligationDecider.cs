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

    /// <summary>The most obligations one approval proposes.</summary>
    public const int MaxPerApproval = 10;

    /// <summary>The last day of an obligation from <paramref name="startsOn"/>, <paramref name="months"/> long.</summary>
    public static DateOnly EndOf(DateOnly startsOn, int months) => startsOn.AddMonths(months).AddDays(-1);

    /// <summary>The latest day evidence may be due: a year after the obligation's last day.</summary>
    public static DateOnly LatestDueDate(DateOnly startsOn, int months) => EndOf(startsOn, months).AddYears(1);

    public static ObligationImposed Impose(
        FundingApplication application, ObligationKind kind, string description, DateOnly startsOn, int months, string requiredEvidence,
        IReadOnlyList<DateOnly> evidenceDueDates, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        EnsureGranted(application);
        var terms = Checked(new ObligationTerms(kind, description, startsOn, months, requiredEvidence, evidenceDueDates));
        return Imposed(application, application.Obligations.Count + 1, terms, stamp, null);
    }

    /// <summary>
    /// The obligations of confirmed proposal <paramref name="proposalNumber"/>, imposed as proposed in the transaction that approves the grant
    /// (<paramref name="application"/> is the grant as approved), numbered after those it has; recorded by the approval's actor (ADR 0126).
    /// </summary>
    public static IReadOnlyList<ObligationImposed> ImposeWithApproval(
        FundingApplication application, int proposalNumber, IReadOnlyList<ObligationTerms> obligations, Stamp stamp)
    {
        EnsureGranted(application);
        return [.. obligations.Select((terms, i) => Imposed(application, application.Obligations.Count + 1 + i, Checked(terms), stamp, proposalNumber))];
    }

    /// <summary>
    /// The rules every obligation keeps, wherever it is stated: a period of 1 to <see cref="MaxMonths"/> months, at least one due day,
    /// none before the start, none later than a year after the end. Answers the terms trimmed, the due days once each and in order.
    /// </summary>
    public static ObligationTerms Checked(ObligationTerms terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var (_, description, startsOn, months, requiredEvidence, evidenceDueDates) = terms;
        if (months is < 1 or > MaxMonths)
            throw new RuleViolation("obligation.period-out-of-range", $"An obligation runs 1 to {MaxMonths} months; {months} given.");
        var endsOn = EndOf(startsOn, months);
        var dues = (evidenceDueDates ?? []).Distinct().Order().ToList();
        if (dues.Count == 0)
            throw new RuleViolation("obligation.no-evidence-due", "An obligation names at least one day by which evidence is due.");
        if (dues[0] < startsOn)
            throw new RuleViolation("obligation.evidence-before-start",
                $"Evidence cannot be due on {dues[0]:yyyy-MM-dd}, before the obligation starts on {startsOn:yyyy-MM-dd}.");
        if (dues[^1] > endsOn.AddYears(1))
            throw new RuleViolation("obligation.evidence-too-late",
                $"Evidence is due at the latest a year after the obligation ends on {endsOn:yyyy-MM-dd}, not on {dues[^1]:yyyy-MM-dd}.");
        return terms with { Description = description.Trim(), RequiredEvidence = requiredEvidence.Trim(), EvidenceDueDates = dues };
    }

    private static void EnsureGranted(FundingApplication application)
    {
        if (application.Status is not (ApplicationStatus.Approved or ApplicationStatus.ReclaimDemanded))
            throw new RuleViolation("obligation.grant-not-approved", $"Obligations are imposed on an approved grant; application {application.Id} is {application.Status}.");
    }

    private static ObligationImposed Imposed(FundingApplication application, int number, ObligationTerms terms, Stamp stamp, int? proposalNumber) =>
        new(application.Id, number, terms.Kind, terms.Description, terms.StartsOn, terms.Months, terms.RequiredEvidence, terms.EvidenceDueDates,
            stamp.By, stamp.At, proposalNumber);

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
