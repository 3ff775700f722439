using Fachwerk.Application.Common;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Application.Network.People;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>
/// A leadership programme's cohort over HTTP, and the line from its concept to a project and a funding application, shown on both
/// ends: the concept names the application, the application names the concept and its cohort.
/// </summary>
public class ProgrammeOfPeopleApiTests(AppFixture fixture) : NetworkApi(fixture)
{
    private static readonly Period Run2 = new(new DateOnly(2015, 10, 1), new DateOnly(2016, 4, 30));

    private async Task<(Guid Cohort, long Version, Guid[] Participants)> CohortWithParticipants(int count)
    {
        var cohort = await Post<StreamCreated>(Caseworker, "/api/cohorts", new OpenCohort("Mitarbeiter für Verantwortung", 2, DistrictId,
            "Mit welchen Ansätzen gelingt es, die Potenziale der Zuwanderung aufzuzeigen?", Run2), 201);
        var version = cohort.Version;
        var participants = new List<Guid>();
        for (var i = 1; i <= count; i++)
        {
            var added = await Post<NetworkItemAdded>(Caseworker, $"/api/cohorts/{cohort.Id}/participants",
                new EnrolCohortParticipant(version, $"Unternehmen {i}", Run2.From, new PersonalDetails($"Person{i}", "Muster")), 201);
            version = added.Version;
            participants.Add(added.ItemId);
        }

        return (cohort.Id, version, [.. participants]);
    }

    [Fact]
    public async Task A_cohort_holds_its_sessions_in_its_period_and_its_concept_becomes_the_funded_project_on_both_ends()
    {
        var (cohort, version, participants) = await CohortWithParticipants(4);
        var workshops = new[] { new DateOnly(2015, 10, 16), new DateOnly(2015, 11, 20), new DateOnly(2016, 1, 22), new DateOnly(2016, 2, 26),
            new DateOnly(2016, 3, 18) };
        foreach (var (day, number) in workshops.Select((d, i) => (d, i + 1)))
            version = (await Post<NetworkItemAdded>(Caseworker, $"/api/cohorts/{cohort}/sessions",
                new HoldCohortSession(version, day, $"Workshop {number}", number == 3 ? participants[..3] : participants), 201)).Version;

        var events = await EventCount();
        (await ProblemOf(await Post(Caseworker, $"/api/cohorts/{cohort}/sessions",
            new HoldCohortSession(version, new DateOnly(2016, 5, 3), "Workshop 6", participants), 409))).Type.ShouldBe("urn:fachwerk:problem:cohort.outside-period");
        (await ProblemOf(await Post(Caseworker, $"/api/cohorts/{cohort}/sessions",
            new HoldCohortSession(version, new DateOnly(2016, 4, 1), "Workshop 6", [Guid.NewGuid()]), 404))).Type
            .ShouldBe("urn:fachwerk:problem:cohort.unknown-participant");
        (await EventCount()).ShouldBe(events);
        await Do($"/api/cohorts/{cohort}/final-presentation", new PresentCohortResults(version, new DateOnly(2016, 4, 29), "Leipzig", 80), Caseworker);

        var concept = await Post<StreamCreated>(Caseworker, "/api/concepts", new DevelopConcept(cohort, "Expedition Job",
            "Viertägiges Orientierungsverfahren im Handwerk", participants[..2], new DateOnly(2016, 4, 29), [TargetGroup.YoungPeople]), 201);
        var conceptVersion = await Do($"/api/concepts/{concept.Id}/project",
            new AdoptConceptAsProject(concept.Version, "Expedition Job", ApplicantId, new DateOnly(2016, 6, 1)), Caseworker);
        (await ProblemOf(await Post(Caseworker, $"/api/concepts/{concept.Id}/project",
            new AdoptConceptAsProject(conceptVersion, "Expedition Job II", ApplicantId, new DateOnly(2016, 7, 1)), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:concept.already-a-project");

        var programme = await LaunchProgramme();
        var (application, proposed) = await Proposed(programme);
        await ConfirmAndWait(application, proposed);
        await Do($"/api/concepts/{concept.Id}/funding-application", new LinkConceptToApplication(conceptVersion, application, Today), Caseworker);
        var instrument = await Post<StreamCreated>(Caseworker, "/api/instruments", new IntroduceInstrument("Aktionstag Integration", InstrumentKind.ActionDay,
            "Ein Tag im Unternehmen", [DistrictId], new DateOnly(2016, 4, 29), [DeliveryMode.SelfRun], OriginConceptId: concept.Id), 201);

        var cohortView = await Get<CohortView>(DemoUsers.Applicant, $"/api/cohorts/{cohort}");
        cohortView.Cohort.Sessions.Count.ShouldBe(5);
        cohortView.Cohort.Participants.Select(p => p.SessionsAttended).ShouldBe([5, 5, 5, 4]);
        cohortView.Cohort.FinalPresentation!.HeldOn.ShouldBe(new DateOnly(2016, 4, 29));
        cohortView.Concepts.ShouldHaveSingleItem().ApplicationId.ShouldBe(application);

        var conceptView = await Get<ConceptView>(DemoUsers.AllianceReviewer, $"/api/concepts/{concept.Id}");
        conceptView.Concept.Project!.Lead.Id.ShouldBe(ApplicantId);
        conceptView.Funding.ShouldBe(new ConceptFunding(application, ApplicationStatus.Approved));
        conceptView.Instruments.ShouldHaveSingleItem().Id.ShouldBe(instrument.Id);

        var origins = await Get<ApplicationOrigins>(Applicant, $"/api/applications/{application}/origins");
        var origin = origins.Concepts.ShouldHaveSingleItem();
        (origin.ConceptId, origin.CohortId, origin.Cohort, origin.ProjectTitle).ShouldBe((concept.Id, cohort, "Mitarbeiter für Verantwortung (run 2)", "Expedition Job"));
        await Host.Scenario(s =>
        {
            Authorize(s, Coordinator);
            s.Get.Url($"/api/cohorts/{cohort}/participants");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task Only_the_lead_organisations_application_realises_a_project()
    {
        var (cohort, _, participants) = await CohortWithParticipants(1);
        var concept = await Post<StreamCreated>(Caseworker, "/api/concepts",
            new DevelopConcept(cohort, "Integration im Unternehmen", "Vorurteile abbauen", participants, new DateOnly(2016, 4, 29)), 201);
        var version = await Do($"/api/concepts/{concept.Id}/project",
            new AdoptConceptAsProject(concept.Version, "Integration im Unternehmen", ChamberId, new DateOnly(2016, 6, 1)), Caseworker);
        var application = await Submitted(await LaunchProgramme());
        var events = await EventCount();

        (await ProblemOf(await Post(Caseworker, $"/api/concepts/{concept.Id}/funding-application", new LinkConceptToApplication(version, application, Today), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:concept.applicant-not-lead");
        (await ProblemOf(await Post(Caseworker, "/api/concepts",
            new DevelopConcept(cohort, "Noch eins", "s", [Guid.NewGuid()], new DateOnly(2016, 4, 29)), 404))).Type
            .ShouldBe("urn:fachwerk:problem:cohort.unknown-participant");
        (await EventCount()).ShouldBe(events);
        (await Get<ApplicationOrigins>(Applicant, $"/api/applications/{application}/origins")).Concepts.ShouldBeEmpty();
    }
}
