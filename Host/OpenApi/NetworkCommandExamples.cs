using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Network.Recommendations;
using Fachwerk.Application.Network.Series;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Domain.Network.Recommendations;
using Fachwerk.Domain.Network.Series;
using Fachwerk.Domain.Pilots;

namespace Fachwerk.Host.OpenApi;

/// <summary>
/// The example bodies of the regional network's commands (part of <see cref="CommandExamples"/>), from the articles: the
/// Mansfeld-Südharz returner days and education summit, the exchange in the Mecklenburgische Seenplatte, the leadership
/// programme of the Metropolregion Mitteldeutschland. The ids are placeholders for ids read from the API.
/// </summary>
public static class NetworkCommandExamples
{
    private static readonly Guid AllianceId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e03");
    private static readonly Guid DistrictId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e11");
    private static readonly Guid AssociationId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e12");
    private static readonly Guid SchoolId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e13");
    private static readonly Guid ApplicationId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e14");
    private static readonly Guid CohortId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e15");
    private static readonly Guid ParticipantId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e16");
    private static readonly Guid SeriesId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e17");

    private static readonly Place Sangerhausen = new("Sangerhausen", "Mansfeld-Südharz", FederalState.SachsenAnhalt, "Kreisverwaltung");

    private static readonly PersonalDetails Contact = new("Martin", "French", "Referent Wirtschaftsförderung", "martin.french@example.org", "0395 570874852");

    public static readonly IReadOnlyDictionary<Type, object> ByCommand = new Dictionary<Type, object>
    {
        // Actors and cooperation agreements
        [typeof(EstablishNetworkActor)] = new EstablishNetworkActor("Regionaler Arbeitsmarktkreis Mansfeld-Südharz", ActorKind.LabourMarketCircle,
            "Landkreis Mansfeld-Südharz, Wirtschaftsförderung", new DateOnly(2015, 1, 1), Areas: [new Area(FederalState.SachsenAnhalt, "Mansfeld-Südharz")],
            Purpose: "Bundles all actors of the district's labour market and manages its budget.", AllianceId: AllianceId),
        [typeof(AdmitActorMember)] = new AdmitActorMember(1, AssociationId, MemberRole.SteeringGroup, new DateOnly(2015, 2, 1)),
        [typeof(RecordActorMemberLeaving)] = new RecordActorMemberLeaving(5, new DateOnly(2019, 12, 31), "The association merged with another member."),
        [typeof(NameContactPerson)] = new NameContactPerson(2, Contact, new DateOnly(2018, 1, 1), "Wirtschaftsförderung Mecklenburgische Seenplatte GmbH"),
        [typeof(EraseContactPersonData)] = new EraseContactPersonData(6, ErasureGround.ConsentWithdrawn, new DateOnly(2027, 2, 3), "DSGVO-2027-018"),
        [typeof(ConcludeCooperationAgreement)] = new ConcludeCooperationAgreement([DistrictId, SchoolId],
            "Cooperation of the district with the university: internships, theses and graduates for the region's companies.",
            new DateOnly(2017, 3, 1), new DateOnly(2017, 4, 1), new DateOnly(2020, 3, 31)),
        [typeof(ExtendCooperationAgreement)] = new ExtendCooperationAgreement(1, new DateOnly(2023, 3, 31), "Both parties renewed the agreement."),
        [typeof(TerminateCooperationAgreement)] = new TerminateCooperationAgreement(2, new DateOnly(2022, 6, 30), "The university closed its branch campus."),

        // Activities
        [typeof(StartActivitySeries)] = new StartActivitySeries("Rückkehrertage Mansfeld-Südharz", ActivityKind.ReturnerDay, Recurrence.Yearly,
            [DistrictId], new DateOnly(2015, 6, 1), AllianceId),
        [typeof(PlanActivity)] = new PlanActivity(ActivityKind.ReturnerDay, "Rückkehrertag 2026",
            "Employers of the district meet people who want to come back to the region.",
            new Period(new DateOnly(2026, 12, 28), new DateOnly(2026, 12, 28)), Sangerhausen, [DistrictId], [AssociationId],
            "Landrat des Landkreises Mansfeld-Südharz", [TargetGroup.ReturnersToWork], 150, AllianceId, SeriesId),
        [typeof(ReplanActivity)] = new ReplanActivity(2, new Period(new DateOnly(2026, 12, 29), new DateOnly(2026, 12, 29)), Sangerhausen, 200,
            "The hall was booked twice; the day moved and the larger hall was free."),
        [typeof(AnnounceActivity)] = new AnnounceActivity(1, new DateOnly(2026, 10, 1), "Website of the district and the regional newspaper"),
        [typeof(LinkActivityFunding)] = new LinkActivityFunding(2, ApplicationId),
        [typeof(RegisterForActivity)] = new RegisterForActivity(3, new DateOnly(2026, 11, 12),
            new PersonalDetails("Katrin", "Bauer", Email: "katrin.bauer@example.org")),
        [typeof(CancelRegistration)] = new CancelRegistration(4, new DateOnly(2026, 12, 1)),
        [typeof(EraseRegistrantData)] = new EraseRegistrantData(9, ErasureGround.NoLongerNecessary, new DateOnly(2027, 6, 30), "DSGVO-2027-031"),
        [typeof(EraseSpeakerData)] = new EraseSpeakerData(10, ErasureGround.Objection, new DateOnly(2027, 1, 12)),
        [typeof(RecordActivityHeld)] = new RecordActivityHeld(5, new Period(new DateOnly(2018, 12, 18), new DateOnly(2018, 12, 18)),
            new Dictionary<AttendeeGroup, int> { [AttendeeGroup.Multipliers] = 38, [AttendeeGroup.Employers] = 14 }, WalkIns: 52,
            OrganisationsPresent: ["Wirtschaftsförderung Mecklenburgische Seenplatte GmbH", "Leea GmbH"], ContactsMade: 20,
            Programme:
            [
                new ProgrammePoint(ProgrammeItemKind.Talk, 1, "DEN Fachkräftemangel gibt es nicht – oder doch?!",
                    new PersonalDetails("Martin", "French", "Referent Wirtschaftsförderung"), "Wirtschaftsförderung Mecklenburgische Seenplatte GmbH"),
                new ProgrammePoint(ProgrammeItemKind.Workshop, 2, "Neue Ideen für das regionale Fachkräftemarketing"),
                new ProgrammePoint(ProgrammeItemKind.Workshop, 2, "Effekte und Potenziale für KMU durch das LÖWENPITCH-Format"),
            ]),
        [typeof(ReportActivity)] = new ReportActivity(8, new DateOnly(2019, 1, 15), "Three visions for regional skilled-labour marketing.",
            "https://www.example.org/erfahrungsaustausch-2018", ["Regional dialogue forums in 2019"], 4_850.00m),
        [typeof(CancelActivity)] = new CancelActivity(3, new DateOnly(2020, 11, 2), "Events with many visitors were not allowed during the pandemic."),

        // Instruments
        [typeof(IntroduceInstrument)] = new IntroduceInstrument("Aktionstag Integration", InstrumentKind.ActionDay,
            "A day on which a company's staff meet refugees and reduce prejudices; run by the company itself or with trainers.",
            [AssociationId], new DateOnly(2016, 4, 29), [DeliveryMode.SelfRun, DeliveryMode.WithTrainers], [TargetGroup.Refugees]),
        [typeof(RecordInstrumentUse)] = new RecordInstrumentUse(1, AssociationId, new DateOnly(2016, 9, 14), FederalState.Sachsen, "Leipzig",
            DeliveryMode.WithTrainers, 35),
        [typeof(AwardCareerChoiceSeal)] = new AwardCareerChoiceSeal(1, SchoolId, FederalState.SachsenAnhalt, "Mansfeld-Südharz", new DateOnly(2016, 6, 20),
            new DateOnly(2019, 6, 30)),
        [typeof(RenewCareerChoiceSeal)] = new RenewCareerChoiceSeal(2, new DateOnly(2019, 6, 18), new DateOnly(2022, 6, 30)),

        // Programmes of people and concepts
        [typeof(OpenCohort)] = new OpenCohort("Mitarbeiter für Verantwortung", 2, AssociationId,
            "Mit welchen Ansätzen gelingt es, die Potenziale der Zuwanderung aufzuzeigen?", new Period(new DateOnly(2015, 10, 1), new DateOnly(2016, 4, 30))),
        [typeof(EnrolCohortParticipant)] = new EnrolCohortParticipant(1, "Stadtwerke Musterstadt GmbH", new DateOnly(2015, 10, 1),
            new PersonalDetails("Jana", "Richter", "Teamleiterin Personal", "jana.richter@example.org")),
        [typeof(EraseCohortParticipantData)] = new EraseCohortParticipantData(27, ErasureGround.ConsentWithdrawn, new DateOnly(2017, 1, 9), "DSGVO-2017-002"),
        [typeof(HoldCohortSession)] = new HoldCohortSession(21, new DateOnly(2015, 10, 16), "Workshop 1: Akteure und Projekte kennenlernen", [ParticipantId]),
        [typeof(PresentCohortResults)] = new PresentCohortResults(26, new DateOnly(2016, 4, 29), "Leipzig", 80),
        [typeof(DevelopConcept)] = new DevelopConcept(CohortId, "Expedition Job",
            "A four-day orientation in skilled trades for young people with a migration background: trades, job interviews, short internships.",
            [ParticipantId], new DateOnly(2016, 4, 29), [TargetGroup.YoungPeople, TargetGroup.PeopleWithMigrationBackground]),
        [typeof(AdoptConceptAsProject)] = new AdoptConceptAsProject(1, "Expedition Job", AssociationId, new DateOnly(2016, 6, 1)),
        [typeof(LinkConceptToApplication)] = new LinkConceptToApplication(2, ApplicationId, new DateOnly(2026, 5, 4)),

        // An alliance's project ideas and recommendations
        [typeof(RecordProjectIdea)] = new RecordProjectIdea(AllianceId, "Studienabbrecher ins Handwerk",
            "Counselling and shortened apprenticeships for university dropouts in the region's crafts.", new DateOnly(2025, 9, 1),
            ["Handwerkskammer", "Universität"], [TargetGroup.UniversityDropouts]),
        [typeof(CommitIdeaPartner)] = new CommitIdeaPartner(1, AssociationId, new DateOnly(2025, 10, 15)),
        [typeof(RealiseProjectIdea)] = new RealiseProjectIdea(2, ApplicationId, new DateOnly(2026, 2, 1)),
        [typeof(DropProjectIdea)] = new DropProjectIdea(2, new DateOnly(2026, 3, 1), "No partner in the crafts could be found."),
        [typeof(IssueRecommendation)] = new IssueRecommendation(AllianceId, DistrictId, "Childcare for shift workers",
            "Open two day-care centres until 22:00 so that skilled workers on shifts can take up work.", new DateOnly(2025, 11, 20)),
        [typeof(FollowUpRecommendation)] = new FollowUpRecommendation(1, new DateOnly(2026, 2, 10), FollowUpStatus.InProgress,
            "The district council approved a pilot with one day-care centre."),
    };
}
