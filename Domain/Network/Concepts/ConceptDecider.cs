using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Cohorts;

namespace Fachwerk.Domain.Network.Concepts;

/// <summary>
/// Pure decisions for concepts. The line from a programme of people to funding: a cohort's participants develop a concept,
/// the concept becomes a project (once), and the project's lead organisation applies for funding with it.
/// </summary>
public static class ConceptDecider
{
    public static ConceptDeveloped Develop(
        Guid conceptId, Cohort cohort, string title, string summary, IReadOnlyList<TargetGroup> targetGroups, IReadOnlyList<Guid> developedBy,
        DateOnly developedOn, Stamp stamp)
    {
        var authors = developedBy.Distinct().ToList();
        if (authors.Count == 0)
            throw new RuleViolation("concept.no-authors", "Name the participants who developed the concept.");
        foreach (var author in authors) CohortDecider.Participant(cohort, author);
        if (!cohort.Period.Contains(developedOn))
            throw new RuleViolation("concept.developed-outside-cohort",
                $"{cohort.Title} ran from {cohort.Period.From:yyyy-MM-dd} to {cohort.Period.To:yyyy-MM-dd}; its concepts were developed then.");
        NetworkRules.EnsureNotInFuture(developedOn, stamp, "concept.date-in-future");

        return new ConceptDeveloped(conceptId, cohort.Id, cohort.Title, title.Trim(), summary.Trim(), [.. targetGroups.Distinct()], authors, developedOn,
            stamp.By, stamp.At);
    }

    /// <summary>The concept becomes a project led by an organisation. A concept becomes a project once.</summary>
    public static ConceptAdoptedAsProject AdoptAsProject(Concept concept, string projectTitle, NetworkParty lead, DateOnly adoptedOn, Stamp stamp)
    {
        if (concept.Project is { } project)
            throw new RuleViolation("concept.already-a-project",
                $"'{concept.Title}' became the project '{project.Title}' of {project.Lead.Name} on {project.AdoptedOn:yyyy-MM-dd}.");
        if (lead.Kind != PartyKind.Organisation)
            throw new RuleViolation("concept.lead-not-organisation", $"A project is led by an organisation that can apply for funding; '{lead.Name}' is not one.");
        NetworkRules.EnsureNotBefore(adoptedOn, concept.DevelopedOn, "concept.adopted-before-development", "The adoption");
        NetworkRules.EnsureNotInFuture(adoptedOn, stamp, "concept.date-in-future");

        return new ConceptAdoptedAsProject(concept.Id, projectTitle.Trim(), lead, adoptedOn, stamp.By, stamp.At);
    }

    /// <summary>Links the project to the funding application its lead organisation submitted for it; once.</summary>
    public static ConceptLinkedToApplication LinkApplication(Concept concept, FundingApplication application, DateOnly linkedOn, Stamp stamp)
    {
        if (concept.Project is not { } project)
            throw new RuleViolation("concept.not-a-project", $"'{concept.Title}' has not become a project; adopt it first.");
        if (concept.ApplicationId is { } linked)
            throw new RuleViolation("concept.already-linked", $"'{concept.Title}' is already realised by application {linked}.");
        if (application.ApplicantId != project.Lead.Id)
            throw new RuleViolation("concept.applicant-not-lead",
                $"The project '{project.Title}' is led by {project.Lead.Name}; application '{application.Plan.Title}' is another organisation's.");
        NetworkRules.EnsureNotBefore(linkedOn, project.AdoptedOn, "concept.linked-before-adoption", "The link");
        NetworkRules.EnsureNotInFuture(linkedOn, stamp, "concept.date-in-future");

        return new ConceptLinkedToApplication(concept.Id, application.Id, application.Plan.Title, linkedOn, stamp.By, stamp.At);
    }
}
