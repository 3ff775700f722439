using Fachwerk.Application.Common;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Application.Network.Recommendations;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Network.Ideas;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Domain.Network.Recommendations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>Network actors, cooperation agreements, instruments, and an alliance's project ideas and recommendations over HTTP.</summary>
public class NetworkRecordsApiTests(AppFixture fixture) : NetworkApi(fixture)
{
    [Fact]
    public async Task A_metropolitan_region_covers_districts_in_three_states_with_members_in_their_roles()
    {
        var region = await Post<StreamCreated>(Caseworker, "/api/network-actors", new EstablishNetworkActor("Metropolregion Mitteldeutschland",
            ActorKind.MetropolitanRegion, "Metropolregion Mitteldeutschland Management GmbH", new DateOnly(2014, 1, 1),
            Areas: [new Area(FederalState.Sachsen, "Leipzig"), new Area(FederalState.SachsenAnhalt, "Halle (Saale)"), new Area(FederalState.Thueringen, "Jena")]), 201);
        var version = await Do($"/api/network-actors/{region.Id}/members", new AdmitActorMember(region.Version, ChamberId, MemberRole.SteeringGroup,
            new DateOnly(2014, 2, 1)), Caseworker);
        version = await Do($"/api/network-actors/{region.Id}/members", new AdmitActorMember(version, AllianceId, MemberRole.Partner, new DateOnly(2016, 3, 1)),
            Caseworker);
        var events = await EventCount();
        (await ProblemOf(await Post(Caseworker, $"/api/network-actors/{region.Id}/members",
            new AdmitActorMember(version, ChamberId, MemberRole.Member, new DateOnly(2015, 1, 1)), 409))).Type.ShouldBe("urn:fachwerk:problem:actor.already-member");
        (await ProblemOf(await Post(Caseworker, $"/api/network-actors/{region.Id}/members/{ApplicantId}/departure",
            new RecordActorMemberLeaving(version, new DateOnly(2020, 1, 1)), 404))).Type.ShouldBe("urn:fachwerk:problem:actor.unknown-member");
        (await ProblemOf(await Post(Caseworker, "/api/network-actors", new EstablishNetworkActor("Bundesnetzwerk", ActorKind.Network, "Büro",
            new DateOnly(2014, 1, 1), Nationwide: true, Areas: [new Area(FederalState.Bayern)]), 409))).Type.ShouldBe("urn:fachwerk:problem:actor.coverage");
        (await EventCount()).ShouldBe(events);
        await Post(Coordinator, $"/api/network-actors/{region.Id}/members", new AdmitActorMember(version, DistrictId, MemberRole.Member, Today), 403);

        var details = await Get<NetworkActorDetails>(DemoUsers.Applicant, $"/api/network-actors/{region.Id}");
        details.FederalStates.ShouldBe([FederalState.Sachsen, FederalState.SachsenAnhalt, FederalState.Thueringen]);
        details.Members.Select(m => (m.Member.Kind, m.Role)).ShouldBe([(PartyKind.Organisation, MemberRole.SteeringGroup), (PartyKind.Alliance, MemberRole.Partner)]);
        (await Get<Page<NetworkActorSummary>>(DemoUsers.Applicant, "/api/network-actors?federalState=Thueringen")).Items.ShouldHaveSingleItem().Id
            .ShouldBe(region.Id);
        (await Get<Page<NetworkActorSummary>>(DemoUsers.Applicant, "/api/network-actors?district=Leipzig&kind=Network")).TotalItems.ShouldBe(0);
    }

    [Fact]
    public async Task A_cooperation_agreement_between_a_university_and_a_district_is_extended_and_terminated_within_its_term()
    {
        var university = (await Post<StreamCreated>(Caseworker, "/api/organisations",
            new RegisterOrganisation("Hochschule Merseburg", OrganisationKind.University, "Merseburg"), 201)).Id;
        var agreement = await Post<StreamCreated>(Caseworker, "/api/cooperation-agreements", new ConcludeCooperationAgreement([DistrictId, university],
            "Praktika und Abschlussarbeiten", new DateOnly(2017, 3, 1), new DateOnly(2017, 4, 1), new DateOnly(2020, 3, 31)), 201);
        var version = await Do($"/api/cooperation-agreements/{agreement.Id}/extension", new ExtendCooperationAgreement(agreement.Version, new DateOnly(2023, 3, 31)),
            Caseworker);
        (await ProblemOf(await Post(Caseworker, $"/api/cooperation-agreements/{agreement.Id}/termination",
            new TerminateCooperationAgreement(version, new DateOnly(2024, 1, 1), "Ende"), 409))).Type.ShouldBe("urn:fachwerk:problem:cooperation.terminated-outside-term");
        await Do($"/api/cooperation-agreements/{agreement.Id}/termination", new TerminateCooperationAgreement(version, new DateOnly(2022, 6, 30), "Ende"), Caseworker);
        await Post(Coordinator, "/api/cooperation-agreements", new ConcludeCooperationAgreement([DistrictId, university], "x", Today, Today), 403);

        var details = await Get<CooperationAgreementDetails>(DemoUsers.Applicant, $"/api/cooperation-agreements/{agreement.Id}");
        (details.ValidUntil, details.PreviousEnds.Single(), details.TerminatedOn).ShouldBe((new DateOnly(2023, 3, 31), new DateOnly(2020, 3, 31), new DateOnly(2022, 6, 30)));
        (await Get<Page<CooperationAgreementDetails>>(DemoUsers.Applicant, $"/api/cooperation-agreements?partyId={university}&inForceOn=2021-06-01")).TotalItems.ShouldBe(1);
        (await Get<Page<CooperationAgreementDetails>>(DemoUsers.Applicant, $"/api/cooperation-agreements?partyId={university}&inForceOn=2022-07-01")).TotalItems.ShouldBe(0);
    }

    [Fact]
    public async Task An_instrument_is_used_by_companies_in_districts_and_the_seal_is_awarded_to_schools_and_renewed()
    {
        var company = (await Post<StreamCreated>(Caseworker, "/api/organisations",
            new RegisterOrganisation("Elektro Schulze GmbH", OrganisationKind.Company, "Halle (Saale)"), 201)).Id;
        var school = (await Post<StreamCreated>(Caseworker, "/api/organisations",
            new RegisterOrganisation("Gemeinschaftsschule Sangerhausen", OrganisationKind.School, "Sangerhausen"), 201)).Id;
        var pitch = await Post<StreamCreated>(Caseworker, "/api/instruments", new IntroduceInstrument("LÖWENPITCH", InstrumentKind.TalentPitch, "Talent-Recruiting",
            [ChamberId], new DateOnly(2018, 1, 1), [DeliveryMode.ByProvider]), 201);
        var version = pitch.Version;
        foreach (var (who, district) in new[] { (company, "Halle (Saale)"), (company, "Saalekreis"), (school, "Halle (Saale)") })
            version = (await Post<NetworkItemAdded>(Caseworker, $"/api/instruments/{pitch.Id}/uses",
                new RecordInstrumentUse(version, who, new DateOnly(2019, 5, 1), FederalState.SachsenAnhalt, district, DeliveryMode.ByProvider, 12), 201)).Version;
        (await ProblemOf(await Post(Caseworker, $"/api/instruments/{pitch.Id}/uses",
            new RecordInstrumentUse(version, company, new DateOnly(2019, 5, 2), FederalState.SachsenAnhalt, "Saalekreis", DeliveryMode.SelfRun), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:instrument.mode-not-offered");

        var details = await Get<InstrumentDetails>(DemoUsers.Applicant, $"/api/instruments/{pitch.Id}");
        details.UsesByUser.Single(u => u.Party.Id == company).Uses.ShouldBe(2);
        details.UsesByArea.Single(a => a.Area.District == "Halle (Saale)").Participants.ShouldBe(24);

        var seal = await Post<StreamCreated>(Caseworker, "/api/instruments", new IntroduceInstrument("Berufswahl-SIEGEL", InstrumentKind.CareerChoiceSeal,
            "Gütesiegel für Schulen mit vorbildlicher Berufsorientierung", [DistrictId], new DateOnly(2010, 1, 1)), 201);
        (await ProblemOf(await Post(Caseworker, $"/api/instruments/{seal.Id}/seals", new AwardCareerChoiceSeal(seal.Version, company, FederalState.SachsenAnhalt,
            "Mansfeld-Südharz", new DateOnly(2016, 6, 20), new DateOnly(2019, 6, 30)), 409))).Type.ShouldBe("urn:fachwerk:problem:instrument.seal-for-schools");
        version = await Do($"/api/instruments/{seal.Id}/seals", new AwardCareerChoiceSeal(seal.Version, school, FederalState.SachsenAnhalt, "Mansfeld-Südharz",
            new DateOnly(2016, 6, 20), new DateOnly(2019, 6, 30)), Caseworker);
        await Do($"/api/instruments/{seal.Id}/seals/{school}/renewal", new RenewCareerChoiceSeal(version, new DateOnly(2019, 6, 18), new DateOnly(2022, 6, 30)),
            Caseworker);
        (await Get<InstrumentDetails>(DemoUsers.Applicant, $"/api/instruments/{seal.Id}")).Seals.ShouldHaveSingleItem().Renewals.ShouldBe([new DateOnly(2019, 6, 18)]);
        (await Get<Page<InstrumentSummary>>(DemoUsers.Applicant, "/api/instruments?federalState=SachsenAnhalt&kind=CareerChoiceSeal")).Items.ShouldHaveSingleItem()
            .Seals.ShouldBe(1);
    }

    [Fact]
    public async Task An_alliances_idea_is_realised_by_an_application_of_its_region_and_its_recommendation_followed_up()
    {
        var idea = await Post<StreamCreated>(Coordinator, "/api/project-ideas", new RecordProjectIdea(AllianceId, "Expedition Job",
            "Berufsorientierung im Handwerk", new DateOnly(2025, 9, 1), ["Handwerksbetriebe"], [TargetGroup.YoungPeople]), 201);
        var version = await Do($"/api/project-ideas/{idea.Id}/partners", new CommitIdeaPartner(idea.Version, ApplicantId, new DateOnly(2025, 10, 1)));
        var application = await Submitted(await LaunchProgramme());
        await Do($"/api/project-ideas/{idea.Id}/realisation", new RealiseProjectIdea(version, application, Today));
        var details = await Get<ProjectIdeaDetails>(DemoUsers.Applicant, $"/api/project-ideas/{idea.Id}");
        (details.Status, details.Realisation!.District).ShouldBe((IdeaStatus.Realised, "Halle (Saale)"));
        (await Get<ApplicationOrigins>(Applicant, $"/api/applications/{application}/origins")).Ideas.ShouldHaveSingleItem().IdeaId.ShouldBe(idea.Id);

        var recommendation = await Post<StreamCreated>(Coordinator, "/api/recommendations", new IssueRecommendation(AllianceId, DistrictId, "Kita-Zeiten",
            "Zwei Kitas bis 22 Uhr öffnen", new DateOnly(2025, 11, 20)), 201);
        (await ProblemOf(await Post(Coordinator, "/api/recommendations", new IssueRecommendation(AllianceId, ChamberId, "Kita", "t", Today), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:recommendation.not-a-municipality");
        version = await Do($"/api/recommendations/{recommendation.Id}/follow-ups",
            new FollowUpRecommendation(recommendation.Version, new DateOnly(2026, 1, 10), FollowUpStatus.InProgress, "Pilot beschlossen"));
        await Do($"/api/recommendations/{recommendation.Id}/follow-ups",
            new FollowUpRecommendation(version, new DateOnly(2026, 2, 10), FollowUpStatus.Implemented, "Eine Kita öffnet bis 22 Uhr"));
        var followed = await Get<RecommendationDetails>(DemoUsers.Applicant, $"/api/recommendations/{recommendation.Id}");
        (followed.Status, followed.FollowUps.Count).ShouldBe((FollowUpStatus.Implemented, 2));
        (await Get<Page<RecommendationDetails>>(DemoUsers.Applicant, $"/api/recommendations?municipalityId={DistrictId}")).TotalItems.ShouldBe(1);
    }
}
