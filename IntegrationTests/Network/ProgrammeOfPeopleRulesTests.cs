using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Cohorts;
using Fachwerk.Domain.Network.Concepts;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Pilots;
using Fachwerk.IntegrationTests.Domain;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>A leadership programme's cohort and the line from its concepts to projects and funding applications, as pure functions.</summary>
public class ProgrammeOfPeopleRulesTests
{
    private static readonly Guid CohortId = Guid.NewGuid();
    private static readonly NetworkParty Metropolregion = new(Guid.NewGuid(), "Metropolregion Mitteldeutschland", PartyKind.NetworkActor);
    private static readonly NetworkParty HausSteinstrasse = new(Guid.NewGuid(), "Haus Steinstraße e.V.", PartyKind.Organisation, OrganisationKind.Association);
    private static readonly Period Run2 = new(new DateOnly(2015, 10, 1), new DateOnly(2016, 4, 30));
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly Guid Ben = Guid.NewGuid();

    private static SealedPersonalData Sealed(Guid person) => new(person, "A256GCM", "bm9uY2U=", "c2VhbGVk");

    private static Cohort Opened() => Given.History<Cohort>(
        CohortDecider.Open(CohortId, new CohortCharter("Mitarbeiter für Verantwortung", 2, Metropolregion, "Zuwanderung als Potenzial", Run2), Given.Stamp));

    private static Cohort WithParticipants()
    {
        var cohort = Opened();
        cohort = Cohort.Evolve(cohort, CohortDecider.Enrol(cohort, Anna, "Stadtwerke", new DateOnly(2015, 10, 1), Sealed(Anna), Given.Stamp));
        return Cohort.Evolve(cohort, CohortDecider.Enrol(cohort, Ben, "Sparkasse", new DateOnly(2015, 11, 1), Sealed(Ben), Given.Stamp));
    }

    [Fact]
    public void A_cohorts_sessions_fall_in_its_period_and_are_attended_by_participants_enrolled_by_then()
    {
        var cohort = WithParticipants();

        CohortDecider.HoldSession(cohort, Guid.NewGuid(), new DateOnly(2015, 11, 20), " Workshop 2 ", [Anna, Ben], Given.Stamp).Attendees.ShouldBe([Anna, Ben]);
        Given.Refusal(() => CohortDecider.HoldSession(cohort, Guid.NewGuid(), new DateOnly(2016, 5, 2), "Workshop 6", [Anna], Given.Stamp))
            .Code.ShouldBe("cohort.outside-period");
        Given.Refusal(() => CohortDecider.HoldSession(cohort, Guid.NewGuid(), new DateOnly(2015, 9, 30), "Workshop 0", [Anna], Given.Stamp))
            .Code.ShouldBe("cohort.outside-period");
        Given.Refusal(() => CohortDecider.HoldSession(cohort, Guid.NewGuid(), new DateOnly(2015, 10, 16), "Workshop 1", [Anna, Ben], Given.Stamp))
            .Code.ShouldBe("cohort.attended-before-enrolment");
        Given.Refusal(() => CohortDecider.HoldSession(cohort, Guid.NewGuid(), new DateOnly(2015, 11, 20), "Workshop 2", [Anna, Anna], Given.Stamp))
            .Code.ShouldBe("cohort.duplicate-attendee");
        Should.Throw<UnknownEntity>(() => CohortDecider.HoldSession(cohort, Guid.NewGuid(), new DateOnly(2015, 11, 20), "Workshop 2", [Guid.NewGuid()],
            Given.Stamp)).Code.ShouldBe("cohort.unknown-participant");
    }

    [Fact]
    public void The_final_presentation_follows_the_sessions_in_the_period_and_completes_the_run()
    {
        var cohort = WithParticipants();
        Given.Refusal(() => CohortDecider.PresentResults(cohort, new DateOnly(2016, 4, 29), "Leipzig", 80, Given.Stamp)).Code.ShouldBe("cohort.no-sessions");
        cohort = Cohort.Evolve(cohort, CohortDecider.HoldSession(cohort, Guid.NewGuid(), new DateOnly(2016, 3, 18), "Workshop 5", [Anna], Given.Stamp));
        Given.Refusal(() => CohortDecider.PresentResults(cohort, new DateOnly(2016, 3, 17), "Leipzig", 80, Given.Stamp))
            .Code.ShouldBe("cohort.presentation-before-sessions");

        var complete = Cohort.Evolve(cohort, CohortDecider.PresentResults(cohort, new DateOnly(2016, 4, 29), "Leipzig", 80, Given.Stamp));

        Given.Refusal(() => CohortDecider.HoldSession(complete, Guid.NewGuid(), new DateOnly(2016, 4, 30), "Extra", [Anna], Given.Stamp))
            .Code.ShouldBe("cohort.completed");
        var late = Guid.NewGuid();
        Given.Refusal(() => CohortDecider.Enrol(complete, late, "Late GmbH", new DateOnly(2016, 4, 30), Sealed(late), Given.Stamp)).Code.ShouldBe("cohort.completed");
        var erased = CohortDecider.EraseParticipant(complete, Ben, new ErasureRequest(ErasureGround.ConsentWithdrawn, new DateOnly(2026, 1, 5), null), Given.Stamp);
        Cohort.Evolve(complete, erased).Participants[Ben].PersonalDataErased.ShouldBeTrue("erasure is possible after the run, too");
    }

    [Fact]
    public void A_concept_of_the_cohorts_participants_becomes_a_project_once_and_is_realised_by_its_leads_application()
    {
        var cohort = WithParticipants();
        Should.Throw<UnknownEntity>(() => ConceptDecider.Develop(Guid.NewGuid(), cohort, "Expedition Job", "s", [], [Guid.NewGuid()], new DateOnly(2016, 4, 29),
            Given.Stamp)).Code.ShouldBe("cohort.unknown-participant");
        Given.Refusal(() => ConceptDecider.Develop(Guid.NewGuid(), cohort, "Expedition Job", "s", [], [Anna], new DateOnly(2016, 5, 2), Given.Stamp))
            .Code.ShouldBe("concept.developed-outside-cohort");
        var developed = ConceptDecider.Develop(Guid.NewGuid(), cohort, " Expedition Job ", "s", [TargetGroup.YoungPeople], [Anna, Ben, Anna],
            new DateOnly(2016, 4, 29), Given.Stamp);
        developed.DevelopedBy.ShouldBe([Anna, Ben]);
        developed.Cohort.ShouldBe("Mitarbeiter für Verantwortung (run 2)");
        var concept = Given.History<Concept>(developed);

        Given.Refusal(() => ConceptDecider.LinkApplication(concept, Application(HausSteinstrasse.Id), new DateOnly(2016, 9, 1), Given.Stamp))
            .Code.ShouldBe("concept.not-a-project");
        Given.Refusal(() => ConceptDecider.AdoptAsProject(concept, "Expedition Job", Metropolregion, new DateOnly(2016, 6, 1), Given.Stamp))
            .Code.ShouldBe("concept.lead-not-organisation");
        var project = Concept.Evolve(concept, ConceptDecider.AdoptAsProject(concept, "Expedition Job", HausSteinstrasse, new DateOnly(2016, 6, 1), Given.Stamp));
        Given.Refusal(() => ConceptDecider.AdoptAsProject(project, "Expedition Job II", HausSteinstrasse, new DateOnly(2016, 7, 1), Given.Stamp))
            .Code.ShouldBe("concept.already-a-project");

        Given.Refusal(() => ConceptDecider.LinkApplication(project, Application(Guid.NewGuid()), new DateOnly(2016, 9, 1), Given.Stamp))
            .Code.ShouldBe("concept.applicant-not-lead");
        var application = Application(HausSteinstrasse.Id);
        var linked = Concept.Evolve(project, ConceptDecider.LinkApplication(project, application, new DateOnly(2016, 9, 1), Given.Stamp));
        linked.ApplicationId.ShouldBe(application.Id);
        Given.Refusal(() => ConceptDecider.LinkApplication(linked, application, new DateOnly(2016, 9, 2), Given.Stamp)).Code.ShouldBe("concept.already-linked");
    }

    private static FundingApplication Application(Guid applicant) =>
        new(Guid.NewGuid(), ApplicationStatus.Submitted, applicant, Guid.NewGuid(), Guid.NewGuid(), "Leipzig",
            new ProjectPlan("Expedition Job", "d", Run2, 1000m, 800m, 200m, 0m, [], 10), null, null, 0, null, null, 0, null, null, false);
}
