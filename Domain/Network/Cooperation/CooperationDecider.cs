using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Cooperation;

/// <summary>Pure decisions for cooperation agreements.</summary>
public static class CooperationDecider
{
    public static CooperationAgreementConcluded Conclude(Guid agreementId, AgreementTerms terms, Stamp stamp)
    {
        var parties = NetworkRules.EachOnce(terms.Parties, "cooperation.duplicate-party");
        if (parties.Count < 2)
            throw new RuleViolation("cooperation.too-few-parties", "A cooperation agreement has at least two parties.");
        if (terms.ValidUntil is { } until && until < terms.ValidFrom)
            throw new RuleViolation("cooperation.invalid-term", "The agreement cannot end before it starts.");
        NetworkRules.EnsureNotInFuture(terms.ConcludedOn, stamp, "cooperation.date-in-future");

        return new CooperationAgreementConcluded(agreementId, terms.Subject.Trim(), parties, terms.ConcludedOn, terms.ValidFrom, terms.ValidUntil,
            stamp.By, stamp.At);
    }

    public static CooperationAgreementExtended Extend(CooperationAgreement agreement, DateOnly newEnd, Stamp stamp)
    {
        EnsureNotTerminated(agreement);
        if (agreement.ValidUntil is not { } end)
            throw new RuleViolation("cooperation.open-ended", $"'{agreement.Subject}' has no end to extend.");
        if (newEnd <= end)
            throw new RuleViolation("cooperation.extension-not-later", $"'{agreement.Subject}' runs until {end:yyyy-MM-dd}; an extension ends later.");

        return new CooperationAgreementExtended(agreement.Id, end, newEnd, stamp.By, stamp.At);
    }

    public static CooperationAgreementTerminated Terminate(CooperationAgreement agreement, DateOnly terminatedOn, string reason, Stamp stamp)
    {
        EnsureNotTerminated(agreement);
        NetworkRules.EnsureNotBefore(terminatedOn, agreement.ValidFrom, "cooperation.terminated-outside-term", "Termination");
        if (agreement.ValidUntil is { } end && terminatedOn > end)
            throw new RuleViolation("cooperation.terminated-outside-term", $"'{agreement.Subject}' ran out on {end:yyyy-MM-dd}; it needs no termination.");
        NetworkRules.EnsureNotInFuture(terminatedOn, stamp, "cooperation.date-in-future");

        return new CooperationAgreementTerminated(agreement.Id, terminatedOn, reason.Trim(), stamp.By, stamp.At);
    }

    private static void EnsureNotTerminated(CooperationAgreement agreement)
    {
        if (agreement.TerminatedOn is { } on)
            throw new RuleViolation("cooperation.terminated", $"'{agreement.Subject}' was terminated on {on:yyyy-MM-dd}.");
    }
}
