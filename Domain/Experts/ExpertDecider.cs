using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Experts;

/// <summary>Pure decisions on the directory of external experts (ADR 0130); <c>expert</c> is null while the user is not in it.</summary>
public static class ExpertDecider
{
    /// <summary>An administrator enters a user in the directory; a user is entered once.</summary>
    public static ExpertRegistered Register(Expert? expert, string userId, ExpertProfile profile, Stamp stamp)
    {
        if (expert is not null)
            throw new RuleViolation("expert.already-registered",
                expert.Withdrawn
                    ? $"{userId} is in the directory already (withdrawn)."
                    : $"{userId} is in the directory already, as {expert.Profile.DisplayName}; change that entry instead.");
        var entry = Checked(profile);
        return new ExpertRegistered(Expert.IdOf(userId), userId, entry.DisplayName, entry.Affiliation, entry.Fields, entry.Email, stamp.By, stamp.At);
    }

    /// <summary>An administrator changes the entry of an expert who is not withdrawn; an entry that would stay as it is is refused.</summary>
    public static ExpertEntryChanged Change(Expert expert, ExpertProfile profile, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(expert);
        EnsureNotWithdrawn(expert);
        var entry = Checked(profile);
        if (entry.SameAs(expert.Profile))
            throw new RuleViolation("expert.unchanged", "The entry says this already.");
        return new ExpertEntryChanged(expert.Id, expert.UserId, entry.DisplayName, entry.Affiliation, entry.Fields, entry.Email, stamp.By, stamp.At);
    }

    /// <summary>An administrator withdraws an expert, with the reason: no longer assignable; their assignments so far stay.</summary>
    public static ExpertWithdrawn Withdraw(Expert expert, string reason, Stamp stamp)
    {
        ArgumentNullException.ThrowIfNull(expert);
        EnsureNotWithdrawn(expert);
        return new ExpertWithdrawn(expert.Id, expert.UserId, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>
    /// Whom a caseworker may assign as an external expert: a user with an entry in the directory that is not withdrawn. Answers the
    /// entry, whose name the assignment records.
    /// </summary>
    public static Expert EnsureAssignable(Expert? expert, string userId) =>
        expert is { Withdrawn: false }
            ? expert
            : throw new RuleViolation("review.expert-not-in-directory", expert is null
                ? $"{userId} is not in the directory of external experts; an administrator enters them first."
                : $"{userId} was withdrawn from the directory of external experts and is no longer assigned.");

    private static ExpertProfile Checked(ExpertProfile profile)
    {
        var entry = profile.Normalized();
        if (entry.DisplayName.Length == 0)
            throw new InvalidFields([new FieldError("displayName", "expert.name-missing", "Name the expert.")]);
        if (entry.Fields.Count == 0)
            throw new InvalidFields([new FieldError("fields", "expert.no-fields", "Name at least one field of expertise.")]);
        return entry;
    }

    private static void EnsureNotWithdrawn(Expert expert)
    {
        if (expert.Withdrawn)
            throw new RuleViolation("expert.withdrawn", $"{expert.Profile.DisplayName} was withdrawn from the directory.");
    }
}
