using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using static Fachwerk.Domain.Programmes.ProgrammeDecider;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// Pure decisions on change notices (Änderungsbescheide) to an approved grant (ADR 0121): a caseworker proposes, a second person
/// confirms or returns (four-eyes, as for the decision itself). A confirmed amendment is the decision's next version from its
/// effective date; one that raises the amount first has the extra money committed by the budget workflow (<see cref="BudgetCommitment"/>).
/// </summary>
public static class AmendmentDecider
{
    /// <summary>
    /// Proposes to amend the approved decision from <paramref name="effectiveFrom"/>: within the programme's rules (funding rate, own
    /// share, cap, funding period), with a balanced financing when the amount or the costs change, never below what is paid or
    /// requested, proof-of-use dates only for proofs not yet submitted and within the project. One amendment is pending at a time.
    /// </summary>
    public static AmendmentProposed Propose(
        FundingApplication application, FundingProgramme programme, AmendmentTerms terms, string reason, DateOnly effectiveFrom, long basedOnVersion,
        Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var (funding, current) = Amendable(application, "amended");
        if (application.PendingAmendment is { } pending)
            throw new RuleViolation("amendment.pending",
                $"Amendment {pending.Number} is still pending; it is confirmed or returned before another one is proposed.");

        var approved = application.ApprovedAmount!.Value;
        var amount = terms.Amount ?? approved;
        var end = terms.ProjectEnd ?? current.ProjectEnd;
        var costs = terms.CostPlan ?? current.CostPlan;
        var conditions = terms.Conditions is null ? current.Conditions : [.. terms.Conditions.Select(c => c.Trim())];
        var proofs = ProofsOfUse(application, funding, terms, end);
        var changes = new List<AmendmentChange>();
        if (amount != approved) changes.Add(AmendmentChange.Amount);
        if (end != current.ProjectEnd) changes.Add(AmendmentChange.ProjectEnd);
        if (proofs.Any(p => funding.Proofs.Single(o => o.Proof == p.Proof).DueBy != p.DueBy)) changes.Add(AmendmentChange.ProofDueDates);
        if (!conditions.SequenceEqual(current.Conditions)) changes.Add(AmendmentChange.Conditions);
        if (costs != current.CostPlan) changes.Add(AmendmentChange.CostPlan);
        var obligations = ObligationDecider.CheckedForAmendment(application, terms);
        if (ObligationDecider.TouchesObligations(obligations)) changes.Add(AmendmentChange.Obligations);
        if (changes.Count == 0)
            throw new RuleViolation("amendment.no-change", "The amendment changes nothing in the decision as it stands.");

        if (effectiveFrom < current.EffectiveFrom || effectiveFrom > end)
            throw new RuleViolation("amendment.effective-date-out-of-range",
                $"An amendment takes effect from the day the version it amends is in force ({current.EffectiveFrom:yyyy-MM-dd}) until the " +
                $"project's end ({end:yyyy-MM-dd}); {effectiveFrom:yyyy-MM-dd} is outside.");
        EnsureAboveWhatIsPaid(funding, amount);
        if (end <= application.Plan.Duration.From)
            throw new RuleViolation("amendment.project-end-out-of-range",
                $"The project starts on {application.Plan.Duration.From:yyyy-MM-dd}; it cannot end on {end:yyyy-MM-dd}.");
        if ((terms.Amount is not null || terms.CostPlan is not null)
            && amount + costs.OwnContribution + costs.ThirdPartyFunding != costs.TotalCosts)
            throw new RuleViolation("amendment.financing-unbalanced",
                $"Amount {Eur(amount)} + own {Eur(costs.OwnContribution)} + third-party {Eur(costs.ThirdPartyFunding)} = " +
                $"{Eur(amount + costs.OwnContribution + costs.ThirdPartyFunding)}, but the eligible costs are {Eur(costs.TotalCosts)}; " +
                "an amended amount comes with the amended financing.");
        if (changes.Any(c => c is AmendmentChange.Amount or AmendmentChange.CostPlan or AmendmentChange.ProjectEnd))
            ApplicationDecider.EnsureWithinRules(application.Plan with
            {
                Duration = application.Plan.Duration with { To = end },
                RequestedAmount = amount,
                TotalCosts = costs.TotalCosts,
                OwnContribution = costs.OwnContribution,
                ThirdPartyFunding = costs.ThirdPartyFunding,
            }, programme);

        var stated = obligations with
        {
            Conditions = terms.Conditions is null ? null : conditions,
            PlanningExceedanceReason = string.IsNullOrWhiteSpace(terms.PlanningExceedanceReason) ? null : terms.PlanningExceedanceReason.Trim(),
        };
        return new AmendmentProposed(application.Id, application.Amendments + 1, stated, changes, reason.Trim(), effectiveFrom, basedOnVersion,
            stamp.By, stamp.At);
    }

    /// <summary>
    /// A second person confirms the pending amendment (four-eyes). One that raises the amount waits for the budget workflow to
    /// commit the extra money; any other is the decision's new version at once (a lower amount's money goes back to the programme).
    /// </summary>
    public static IReadOnlyList<object> Confirm(FundingApplication application, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var pending = Pending(application, "confirmed");
        if (string.Equals(pending.ProposedBy, stamp.By, StringComparison.OrdinalIgnoreCase))
            throw new RuleViolation(Duties.DecisionFourEyes,
                "The person who proposed an amendment cannot confirm it; a second person must (four-eyes principle).");
        var (funding, _) = Amendable(application, "amended");
        var approved = application.ApprovedAmount!.Value;
        var amount = pending.Terms.Amount ?? approved;
        // Money may have been requested, an obligation breached since the proposal.
        EnsureAboveWhatIsPaid(funding, amount);
        ObligationDecider.CheckedForAmendment(application, pending.Terms);

        var confirmed = new AmendmentConfirmed(application.Id, pending.Number, Math.Max(0, amount - approved), pending.ProposedBy, stamp.By, stamp.At);
        return confirmed.Raise > 0 ? [confirmed] : [confirmed, .. InForceWithObligations(FundingApplication.Evolve(application, confirmed), stamp)];
    }

    /// <summary>
    /// The confirmed pending amendment in force: its <see cref="DecisionAmended"/> and, in the same transaction, the obligations it adds,
    /// changes and lifts, carrying the new version (ADR 0129).
    /// </summary>
    public static IReadOnlyList<object> InForceWithObligations(FundingApplication application, Stamp stamp)
    {
        var amended = InForce(application, stamp);
        return [amended, .. ObligationDecider.WithAmendment(FundingApplication.Evolve(application, amended), application.PendingAmendment!, amended.Version, stamp)];
    }

    public static AmendmentReturned Return(FundingApplication application, string reason, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var pending = Pending(application, "returned");
        return new AmendmentReturned(application.Id, pending.Number, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>The confirmed pending amendment as the decision's next version: the whole decision as amended, and what changed.</summary>
    public static DecisionAmended InForce(FundingApplication application, Stamp stamp)
    {
        var pending = application.PendingAmendment is { Confirmed: true } confirmed
            ? confirmed
            : throw new InvalidOperationException($"Application {application.Id} has no confirmed amendment pending.");
        var current = application.Decisions[^1];
        var approved = application.ApprovedAmount!.Value;
        var amount = pending.Terms.Amount ?? approved;
        var end = pending.Terms.ProjectEnd ?? current.ProjectEnd;
        var costs = pending.Terms.CostPlan ?? current.CostPlan;
        return new DecisionAmended(application.Id, application.ProgrammeId, pending.Number, current.Version + 1, pending.EffectiveFrom, approved, amount,
            end, pending.Terms.Conditions ?? current.Conditions, costs, Math.Round(amount / costs.TotalCosts, 6),
            ProofsOfUse(application, application.Funding!, pending.Terms, end), pending.Changes, pending.Reason, pending.ProposedBy,
            pending.ConfirmedBy!, stamp.By, stamp.At);
    }

    /// <summary>
    /// Attaches the change notice (Änderungsbescheid) rendered for decision version <paramref name="version"/>: only for a version after the
    /// approval, and once per version (its document id is derived from the version, so a second delivery finds it attached).
    /// </summary>
    public static IReadOnlyList<object> AttachChangeNotice(FundingApplication application, int version, StoredDocument notice, Stamp stamp) =>
        version > 1 && application.Decisions.Any(d => d.Version == version) && !application.ChangeNotices.Contains(notice.DocumentId)
            ? [new DocumentAttached(application.Id, notice.DocumentId, notice.FileName, notice.MediaType, notice.Size, notice.Sha256,
                DocumentKind.ChangeNotice, null, stamp.By, stamp.At)]
            : [];

    /// <summary>
    /// Every proof of use with its due date after the amendment: the dates it names, the final proof six months after a moved end
    /// unless named; submitted proofs keep theirs.
    /// </summary>
    private static IReadOnlyList<ProofOfUseDue> ProofsOfUse(FundingApplication application, Funding funding, AmendmentTerms terms, DateOnly end)
    {
        var named = terms.ProofDueDates ?? [];
        foreach (var due in named)
        {
            var proof = funding.Proofs.FirstOrDefault(p => p.Proof == due.Proof)
                        ?? throw new RuleViolation("proof.unknown",
                            $"The approval asks for the proofs of use {string.Join(", ", funding.Proofs.Select(p => p.Proof))}, not '{due.Proof}'.");
            if (proof.Submitted && proof.DueBy != due.DueBy)
                throw new RuleViolation("proof.already-submitted", $"Proof of use '{proof.Proof}' has been submitted; its deadline no longer matters.");
        }

        var endMoved = end != application.Plan.Duration.To;
        var proofs = funding.Proofs.Select(p => new ProofOfUseDue(p.Proof, p.Kind,
            p.Submitted ? p.DueBy
            : named.FirstOrDefault(d => d.Proof == p.Proof)?.DueBy
              ?? (p.Kind == ProofKind.Final && endMoved ? end.AddMonths(6) : p.DueBy))).ToList();
        var final = proofs.First(p => p.Kind == ProofKind.Final);
        if (!funding.FinalProof!.Submitted && final.DueBy <= end)
            throw new RuleViolation("amendment.proof-date-out-of-range",
                $"The final proof of use falls due after the project's end ({end:yyyy-MM-dd}); {final.DueBy:yyyy-MM-dd} does not.");
        var start = application.Plan.Duration.From;
        if (proofs.FirstOrDefault(p => p.Kind == ProofKind.Interim && named.Any(n => n.Proof == p.Proof)
                                       && (p.DueBy <= start || p.DueBy >= final.DueBy)) is { } outside)
            throw new RuleViolation("amendment.proof-date-out-of-range",
                $"Interim proofs of use fall due after the project starts ({start:yyyy-MM-dd}) and before the final proof ({final.DueBy:yyyy-MM-dd}); " +
                $"{outside.DueBy:yyyy-MM-dd} does not.");
        return proofs;
    }

    private static void EnsureAboveWhatIsPaid(Funding funding, decimal amount)
    {
        if (amount <= 0)
            throw new RuleViolation("amendment.amount-out-of-range", $"An amended grant is more than 0 EUR; proposed: {Eur(amount)}.");
        var taken = funding.NetPaid + funding.Pending;
        if (amount < taken)
            throw new RuleViolation("amendment.amount-below-payments",
                $"{Eur(taken)} is paid or requested already; the approved amount cannot fall below it (reclaim instead).");
    }

    private static (Funding Funding, DecisionVersion Current) Amendable(FundingApplication application, string what) =>
        application is { Status: ApplicationStatus.Approved, Funding: { } funding, Decisions.Count: > 0 }
            ? (funding, application.Decisions[^1])
            : throw new RuleViolation("amendment.illegal-transition",
                $"An application can be {what} only while it is approved and not closed; this one is {application.Status}.");

    private static PendingAmendment Pending(FundingApplication application, string what) =>
        application.PendingAmendment is { Confirmed: false } pending
            ? pending
            : throw new RuleViolation("amendment.none-pending",
                application.PendingAmendment is { } waiting
                    ? $"Amendment {waiting.Number} is confirmed and waits for its money to be committed; it can no longer be {what}."
                    : $"No amendment is waiting to be {what} on this application.");
}
