using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;

namespace Fachwerk.Domain.Alliances;

/// <summary>
/// Pure decisions for alliances: given the current state and an intent, the events to append,
/// or a <see cref="RuleViolation"/> when the intent is not allowed. Nothing here touches I/O.
/// </summary>
public static class AllianceDecider
{
    public static AllianceFounded Found(Guid allianceId, AllianceCharter charter, Stamp stamp)
    {
        var (name, federalState, districts, coordinatingOffice, foundedOn) = charter;
        var covered = districts.Select(d => d.Trim()).ToList();
        if (covered.Count == 0)
            throw new RuleViolation("alliance.no-districts", "An alliance covers at least one district.");
        var duplicate = covered.GroupBy(d => d, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new RuleViolation("alliance.duplicate-district", $"District '{duplicate.Key}' is listed more than once.");

        return new AllianceFounded(allianceId, name.Trim(), federalState, covered, coordinatingOffice.Trim(), foundedOn,
            stamp.By, stamp.At);
    }

    public static AllianceRecognized Recognize(
        Alliance alliance, string ministry, DateOnly recognizedOn, Period fundingPeriod, Stamp stamp)
    {
        EnsureNotDissolved(alliance);
        if (alliance.Status == AllianceStatus.Recognized)
            throw new RuleViolation("alliance.already-recognized",
                $"Alliance '{alliance.Name}' is already recognized by {alliance.Recognition!.Ministry} " +
                $"for {alliance.Recognition.FundingPeriod.From:yyyy-MM-dd} to {alliance.Recognition.FundingPeriod.To:yyyy-MM-dd}; " +
                "withdraw that recognition first.");
        if (fundingPeriod.To < fundingPeriod.From)
            throw new RuleViolation("alliance.invalid-funding-period", "The funding period ends before it starts.");
        if (recognizedOn < alliance.FoundedOn)
            throw new RuleViolation("alliance.recognized-before-founding",
                $"An alliance founded on {alliance.FoundedOn:yyyy-MM-dd} cannot be recognized before that day.");

        return new AllianceRecognized(alliance.Id, ministry.Trim(), recognizedOn, fundingPeriod, stamp.By, stamp.At);
    }

    public static AllianceRecognitionWithdrawn WithdrawRecognition(
        Alliance alliance, DateOnly withdrawnOn, string reason, Stamp stamp)
    {
        EnsureNotDissolved(alliance);
        if (alliance.Recognition is null)
            throw new RuleViolation("alliance.not-recognized", $"Alliance '{alliance.Name}' is not recognized.");
        if (withdrawnOn < alliance.Recognition.RecognizedOn)
            throw new RuleViolation("alliance.withdrawn-before-recognition",
                $"The recognition dates from {alliance.Recognition.RecognizedOn:yyyy-MM-dd}; it cannot be withdrawn before that day.");

        return new AllianceRecognitionWithdrawn(alliance.Id, withdrawnOn, reason.Trim(), stamp.By, stamp.At);
    }

    public static MemberJoined AdmitMember(Alliance alliance, Organisation organisation, DateOnly joinedOn, Stamp stamp)
    {
        EnsureNotDissolved(alliance);
        if (alliance.Members.TryGetValue(organisation.Id, out var existing))
            throw new RuleViolation("alliance.already-member",
                $"'{existing.OrganisationName}' has been a member of '{alliance.Name}' since {existing.JoinedOn:yyyy-MM-dd}.");
        if (joinedOn < alliance.FoundedOn)
            throw new RuleViolation("alliance.joined-before-founding",
                $"An alliance founded on {alliance.FoundedOn:yyyy-MM-dd} has no members before that day.");

        return new MemberJoined(alliance.Id, organisation.Id, organisation.Name, organisation.Kind, joinedOn, stamp.By, stamp.At);
    }

    public static MemberLeft RecordLeaving(Alliance alliance, Guid organisationId, DateOnly leftOn, string? reason, Stamp stamp)
    {
        EnsureNotDissolved(alliance);
        if (!alliance.Members.TryGetValue(organisationId, out var membership))
            throw new RuleViolation("alliance.not-a-member",
                $"Organisation {organisationId} is not a member of '{alliance.Name}'.");
        if (leftOn < membership.JoinedOn)
            throw new RuleViolation("alliance.left-before-joining",
                $"'{membership.OrganisationName}' joined on {membership.JoinedOn:yyyy-MM-dd} and cannot leave before that day.");

        return new MemberLeft(alliance.Id, organisationId, leftOn, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            stamp.By, stamp.At);
    }

    /// <summary>Sets the focus; an unchanged focus records nothing.</summary>
    public static IReadOnlyList<object> FocusOn(Alliance alliance, IEnumerable<TargetGroup> targetGroups, Stamp stamp)
    {
        EnsureNotDissolved(alliance);
        var focus = targetGroups.Distinct().Order().ToList();
        if (focus.SequenceEqual(alliance.TargetGroups.Order()))
            return [];

        return [new AllianceTargetGroupsFocused(alliance.Id, focus, stamp.By, stamp.At)];
    }

    public static AllianceDissolved Dissolve(Alliance alliance, DateOnly dissolvedOn, string reason, Stamp stamp)
    {
        EnsureNotDissolved(alliance);
        if (dissolvedOn < alliance.FoundedOn)
            throw new RuleViolation("alliance.dissolved-before-founding",
                $"An alliance founded on {alliance.FoundedOn:yyyy-MM-dd} cannot be dissolved before that day.");

        return new AllianceDissolved(alliance.Id, dissolvedOn, reason.Trim(), stamp.By, stamp.At);
    }

    private static void EnsureNotDissolved(Alliance alliance)
    {
        if (alliance.Status == AllianceStatus.Dissolved)
            throw new RuleViolation("alliance.dissolved", $"Alliance '{alliance.Name}' is dissolved; it no longer changes.");
    }
}
