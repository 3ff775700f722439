using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Ideas;

/// <summary>Pure decisions for an alliance's project ideas.</summary>
public static class IdeaDecider
{
    public static ProjectIdeaRecorded Record(Guid ideaId, Alliance alliance, IdeaSketch sketch, Stamp stamp)
    {
        if (alliance.Status == AllianceStatus.Dissolved)
            throw new RuleViolation("idea.alliance-dissolved", $"'{alliance.Name}' is dissolved; it develops no more projects.");
        NetworkRules.EnsureNotInFuture(sketch.RecordedOn, stamp, "idea.date-in-future");

        return new ProjectIdeaRecorded(ideaId, alliance.Id, alliance.Name, alliance.FederalState, sketch.Title.Trim(), sketch.Idea.Trim(),
            [.. sketch.PartnersSought.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
            [.. sketch.TargetGroups.Distinct()], sketch.RecordedOn, stamp.By, stamp.At);
    }

    public static ProjectIdeaPartnerCommitted CommitPartner(ProjectIdea idea, NetworkParty partner, DateOnly committedOn, Stamp stamp)
    {
        EnsureOpen(idea);
        if (idea.Partners.Contains(partner.Id))
            throw new RuleViolation("idea.partner-already-committed", $"'{partner.Name}' already committed to '{idea.Title}'.");
        NetworkRules.EnsureNotBefore(committedOn, idea.RecordedOn, "idea.before-recording", "A commitment");
        NetworkRules.EnsureNotInFuture(committedOn, stamp, "idea.date-in-future");

        return new ProjectIdeaPartnerCommitted(idea.Id, partner, committedOn, stamp.By, stamp.At);
    }

    /// <summary>Links the idea to the funding application that realises it: an application of the same alliance's region.</summary>
    public static ProjectIdeaRealised Realise(ProjectIdea idea, FundingApplication application, DateOnly realisedOn, Stamp stamp)
    {
        EnsureOpen(idea);
        if (application.AllianceId != idea.AllianceId)
            throw new RuleViolation("idea.other-alliance", $"Application '{application.Plan.Title}' lies in another alliance's region than '{idea.Title}'.");
        NetworkRules.EnsureNotBefore(realisedOn, idea.RecordedOn, "idea.before-recording", "The realisation");
        NetworkRules.EnsureNotInFuture(realisedOn, stamp, "idea.date-in-future");

        return new ProjectIdeaRealised(idea.Id, application.Id, application.Plan.Title, application.District, realisedOn, stamp.By, stamp.At);
    }

    public static ProjectIdeaDropped Drop(ProjectIdea idea, DateOnly droppedOn, string reason, Stamp stamp)
    {
        EnsureOpen(idea);
        NetworkRules.EnsureNotBefore(droppedOn, idea.RecordedOn, "idea.before-recording", "Dropping");
        NetworkRules.EnsureNotInFuture(droppedOn, stamp, "idea.date-in-future");
        return new ProjectIdeaDropped(idea.Id, droppedOn, reason.Trim(), stamp.By, stamp.At);
    }

    private static void EnsureOpen(ProjectIdea idea)
    {
        if (IdeaLifecycle.IsClosed(idea.Status))
            throw new RuleViolation("idea.closed", idea.Status == IdeaStatus.Realised
                ? $"'{idea.Title}' is realised by application {idea.RealisedBy}."
                : $"'{idea.Title}' was dropped.");
    }
}
