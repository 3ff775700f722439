using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using static Fachwerk.IntegrationTests.Domain.ApplicationWorld;

namespace Fachwerk.IntegrationTests.Domain;

/// <summary>Who may take, hand on, reassign and release a case (AssignmentDecider).</summary>
public class AssignmentRulesTests
{
    private static readonly Colleague Sabine = new("sabine", "Sabine Sachbearbeitung");
    private static readonly Colleague Carsten = new("carsten", "Carsten Sachbearbeitung");
    private static readonly Stamp BySabine = new("sabine", Now);
    private static readonly Stamp ByCarsten = new("carsten", Now);
    private static readonly Stamp ByLead = new("theo", Now);

    private static FundingApplication Case(params object[] events) =>
        Given.History<FundingApplication>([Drafted(Alliance(true, Chamber, HausSteinstrasse), Programme()), Submitted(), .. events]);

    private static CaseAssigned AssignedTo(Colleague colleague) => new(AppId, colleague.Id, colleague.Name, null, null, colleague.Id, Now);

    [Fact]
    public void Anyone_of_the_team_takes_a_case_from_the_queue_or_hands_it_to_a_colleague_and_the_status_stays()
    {
        var taken = AssignmentDecider.Assign(Case(), Sabine, null, actsAsTeamLead: false, BySabine);
        taken.ShouldBe(new CaseAssigned(AppId, "sabine", "Sabine Sachbearbeitung", null, null, "sabine", Now));

        var handed = AssignmentDecider.Assign(Case(), Carsten, " Carsten kennt den Träger ", actsAsTeamLead: false, BySabine);
        handed.Assignee.ShouldBe("carsten");
        handed.Reason.ShouldBe("Carsten kennt den Träger");

        var application = FundingApplication.Evolve(Case(), taken);
        application.Status.ShouldBe(ApplicationStatus.Submitted);
        application.Assignment.ShouldBe(new Assignment("sabine", "Sabine Sachbearbeitung", Now));
    }

    [Fact]
    public void The_person_assigned_hands_the_case_on_or_gives_it_back_without_a_reason()
    {
        var mine = Case(AssignedTo(Sabine));

        AssignmentDecider.Assign(mine, Carsten, null, actsAsTeamLead: false, BySabine).PreviousAssignee.ShouldBe("sabine");
        var released = AssignmentDecider.Release(mine, null, actsAsTeamLead: false, BySabine);
        released.ShouldBe(new CaseReleased(AppId, "sabine", null, "sabine", Now));
        FundingApplication.Evolve(mine, released).Assignment.ShouldBeNull();
    }

    [Fact]
    public void A_colleagues_case_is_reassigned_or_released_only_by_a_team_lead_who_says_why()
    {
        var sabines = Case(AssignedTo(Sabine));

        Given.Refusal(() => AssignmentDecider.Assign(sabines, Carsten, "Ich mache das", actsAsTeamLead: false, ByCarsten))
            .Code.ShouldBe("assignment.someone-elses");
        Given.Refusal(() => AssignmentDecider.Release(sabines, "Urlaub", actsAsTeamLead: false, ByCarsten)).Code.ShouldBe("assignment.someone-elses");
        var refusal = Given.Refusal(() => AssignmentDecider.Assign(sabines, Carsten, " ", actsAsTeamLead: true, ByLead));
        refusal.Code.ShouldBe("assignment.reason-required");
        refusal.Message.ShouldContain("Sabine Sachbearbeitung");
        Given.Refusal(() => AssignmentDecider.Release(sabines, null, actsAsTeamLead: true, ByLead)).Code.ShouldBe("assignment.reason-required");

        var reassigned = AssignmentDecider.Assign(sabines, Carsten, "Sabine ist drei Wochen im Urlaub", actsAsTeamLead: true, ByLead);
        reassigned.ShouldBe(new CaseAssigned(AppId, "carsten", "Carsten Sachbearbeitung", "sabine", "Sabine ist drei Wochen im Urlaub", "theo", Now));
        AssignmentDecider.Release(sabines, "Neu verteilen", actsAsTeamLead: true, ByLead).PreviousAssignee.ShouldBe("sabine");
    }

    [Fact]
    public void Nothing_is_assigned_twice_released_when_free_or_assigned_before_submission_or_after_the_end()
    {
        Given.Refusal(() => AssignmentDecider.Assign(Case(AssignedTo(Sabine)), Sabine with { Id = "SABINE" }, null, false, BySabine))
            .Code.ShouldBe("assignment.unchanged");
        Given.Refusal(() => AssignmentDecider.Release(Case(), null, true, ByLead)).Code.ShouldBe("assignment.not-assigned");

        var draft = Given.History<FundingApplication>(Drafted(Alliance(true, Chamber, HausSteinstrasse), Programme()));
        Given.Refusal(() => AssignmentDecider.Assign(draft, Sabine, null, false, BySabine)).Code.ShouldBe("assignment.draft");
        var withdrawn = Case(new ApplicationWithdrawn(AppId, ApplicationStatus.Submitted, "Projekt entfällt", "anna", Now));
        Given.Refusal(() => AssignmentDecider.Assign(withdrawn, Sabine, null, false, BySabine)).Code.ShouldBe("assignment.case-closed");
    }
}
