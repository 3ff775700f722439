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
        if (obligation is null || obligation.Breach is not null || obligation.Lifted || due is null || due.Evidence is not null || due.Overdue
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
        if (obligation.Lifted)
            throw new RuleViolation("obligation.lifted",
                $"Obligation {number} was lifted by decision version {obligation.LiftedInVersion}; it asks for no evidence and cannot be breached.");
        return obligation;
    }

    /// <summary>Whether amendment terms add, change or lift obligations.</summary>
    public static bool TouchesObligations(AmendmentTerms terms) =>
        terms.NewObligations is { Count: > 0 } || terms.ChangedObligations is { Count: > 0 } || terms.LiftedObligations is { Count: > 0 };

    /// <summary>
    /// The obligations an amendment adds, changes and lifts, checked against the grant (ADR 0129): new and changed terms keep the rules of
    /// <see cref="Checked"/>, at most <see cref="MaxPerApproval"/> new ones; a changed or lifted number names an obligation of the grant that is
    /// neither breached nor lifted, each number once. Answers the terms with the obligations trimmed, a change that changes nothing left out,
    /// and empty lists as none.
    /// </summary>
    public static AmendmentTerms CheckedForAmendment(FundingApplication application, AmendmentTerms terms)
    {
        var added = (terms.NewObligations ?? []).Select(Checked).ToList();
        if (added.Count > MaxPerApproval)
            throw new RuleViolation("amendment.too-many-obligations", $"An amendment adds at most {MaxPerApproval} obligations; {added.Count} given.");
        var changed = terms.ChangedObligations ?? [];
        var lifted = terms.LiftedObligations ?? [];
        var numbers = changed.Select(c => c.Number).Concat(lifted).ToList();
        if (numbers.GroupBy(n => n).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new RuleViolation("amendment.obligation-named-twice",
                $"Obligation {twice.Key} is named more than once; an amendment changes or lifts an obligation once.");
        foreach (var number in numbers)
            Amendable(application, number);
        var changes = changed.Select(c => c with { Terms = Checked(c.Terms) })
            .Where(c => !SameTerms(application.Obligations.Single(o => o.Number == c.Number).Terms, c.Terms)).ToList();
        return terms with
        {
            NewObligations = added.Count == 0 ? null : added,
            ChangedObligations = changes.Count == 0 ? null : changes,
            LiftedObligations = lifted.Count == 0 ? null : [.. lifted],
        };
    }

    /// <summary>
    /// The obligation events of the amendment put in force as decision version <paramref name="version"/>, in its transaction (ADR 0129):
    /// new obligations imposed, numbered after those the grant has; changed ones with their new terms; lifted ones. An obligation breached
    /// since the proposal is left as its breach settled it.
    /// </summary>
    public static IReadOnlyList<object> WithAmendment(FundingApplication application, PendingAmendment amendment, int version, Stamp stamp)
    {
        var terms = amendment.Terms;
        var events = new List<object>();
        events.AddRange((terms.NewObligations ?? []).Select((t, i) =>
            Imposed(application, application.Obligations.Count + 1 + i, Checked(t), stamp, null) with { DecisionVersion = version }));
        foreach (var change in terms.ChangedObligations ?? [])
            if (application.Obligations.FirstOrDefault(o => o.Number == change.Number) is { Breach: null, Lifted: false })
            {
                var t = Checked(change.Terms);
                events.Add(new ObligationAmended(application.Id, change.Number, t.Kind, t.Description, t.StartsOn, t.Months, t.RequiredEvidence,
                    t.EvidenceDueDates, version, amendment.Number, stamp.By, stamp.At));
            }
        foreach (var number in terms.LiftedObligations ?? [])
            if (application.Obligations.FirstOrDefault(o => o.Number == number) is { Breach: null, Lifted: false })
                events.Add(new ObligationLifted(application.Id, number, version, amendment.Number, stamp.By, stamp.At));
        return events;
    }

    /// <summary>Whether two statements of an obligation say the same.</summary>
    public static bool SameTerms(ObligationTerms a, ObligationTerms b) =>
        a.Kind == b.Kind && a.Description == b.Description && a.StartsOn == b.StartsOn && a.Months == b.Months && a.RequiredEvidence == b.RequiredEvidence
        && a.EvidenceDueDates.SequenceEqual(b.EvidenceDueDates);

    private static Obligation Amendable(FundingApplication application, int number)
    {
        var obligation = application.Obligations.FirstOrDefault(o => o.Number == number)
                         ?? throw new RuleViolation("amendment.obligation-unknown",
                             application.Obligations.Count == 0
                                 ? $"The grant has no obligations; there is no obligation {number} to change or lift."
                                 : $"The grant has the obligations 1 to {application.Obligations.Count}, not {number}.");
        if (obligation.Breach is not null)
            throw new RuleViolation("amendment.obligation-breached",
                $"Obligation {number} was breached on {obligation.Breach.RecordedAt:yyyy-MM-dd}; the reclaim settled it, an amendment no longer changes or lifts it.");
        if (obligation.Lifted)
            throw new RuleViolation("amendment.obligation-lifted", $"Obligation {number} was lifted by decision version {obligation.LiftedInVersion} already.");
        return obligation;
    }
}
