using Fachwerk.Domain.Common;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;

namespace Fachwerk.IntegrationTests.Pilots;

public class PilotLifecycleTests(AppFixture fixture) : PilotApi(fixture)
{
    [Fact]
    public async Task Launching_answers_201_with_the_location_and_the_pilot_reads_back()
    {
        var phase = RunningPhase;
        var result = await Post(Lead, "/api/pilots", Relocation(phase), 201);
        var created = await Read<StreamCreated>(result);

        created.Version.ShouldBe(1);
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/pilots/{created.Id}");
        var pilot = await Details(created.Id);
        pilot.Name.ShouldBe("Relocation Service Magdeburg");
        pilot.Sponsor.ShouldStartWith("Landeshauptstadt Magdeburg");
        pilot.PilotPhase.ShouldBe(phase);
        pilot.Status.ShouldBe(PilotStatus.Running);
        pilot.FundingSources.Select(f => f.Kind).ShouldBe([FundingSourceKind.EuropeanSocialFund, FundingSourceKind.StateGovernment]);
        pilot.FundingSources[0].Amount.ShouldBe(180_000.00m);
        pilot.OfferedServices.ShouldBe(AllServices, ignoreOrder: true);
        (await Get<Page<PilotSummary>>(DemoUsers.Applicant, "/api/pilots?name=relocation")).Items.ShouldHaveSingleItem().Id.ShouldBe(created.Id);
    }

    [Fact]
    public async Task A_pilot_records_partners_companies_participants_referrals_placements_services_and_trainings()
    {
        var phase = RunningPhase;
        var pilot = (await Launch(phase)).Id;
        var day = phase.From;

        var partner = await Post<PilotItemAdded>(Lead, $"/api/pilots/{pilot}/partners",
            new AddPilotPartner(1, "Labklājības ministrija (Ministry of Welfare of Latvia)", "LV", "Partner abroad: recruitment", day), 201);
        var version = (await Post<PilotItemAdded>(Lead, $"/api/pilots/{pilot}/partners",
            new AddPilotPartner(partner.Version, "Handwerkskammer Magdeburg", "DE", "Recognition of qualifications", day), 201)).Version;
        var (metallbau, v1) = await EnrolCompany(pilot, version, "Elbe Metallbau GmbH", day.AddDays(3), need: 3);
        var (pflege, v2) = await EnrolCompany(pilot, v1, "Börde Pflege gGmbH", day.AddDays(5), need: 2);
        var (worker, v3) = await EnrolParticipant(pilot, v2, day.AddDays(10), Person("Janis", "Ozols"));
        var (intern, v4) = await EnrolParticipant(pilot, v3, day.AddDays(12), Person("Liga", "Berzina", new DateOnly(2001, 2, 3)),
            ParticipantKind.Intern, day.AddMonths(4));
        version = await Deliver(pilot, v4, worker, PilotService.HousingSearch, day.AddDays(11));
        version = await Deliver(pilot, version, worker, PilotService.RecognitionOfQualifications, day.AddDays(20));
        version = await Deliver(pilot, version, intern, PilotService.LanguageCourse, day.AddDays(14));
        version = await Refer(pilot, version, worker, metallbau, day.AddDays(21));
        version = await Refer(pilot, version, intern, pflege, day.AddDays(22));
        version = await Place(pilot, version, worker, metallbau, day.AddDays(40));
        version = await HoldTraining(pilot, version, [metallbau, pflege], day.AddDays(30));

        var details = await Details(pilot);
        details.Version.ShouldBe(version);
        details.Partners.Select(p => (p.Name, p.Abroad)).ShouldBe(
            [("Labklājības ministrija (Ministry of Welfare of Latvia)", true), ("Handwerkskammer Magdeburg", false)]);
        details.Companies.Select(c => (c.Name, c.SkilledWorkersNeeded, c.Referrals, c.Placements, c.InterculturalTrainings))
            .ShouldBe([("Elbe Metallbau GmbH", 3, 1, 1, 1), ("Börde Pflege gGmbH", 2, 1, 0, 1)]);
        details.Participants.ShouldBe(new PilotParticipantCounts(Enrolled: 2, SkilledWorkers: 1, Interns: 1, Referrals: 2, Placed: 1, PersonalDataErased: 0));
        details.ServicesDelivered.ShouldBe(3);
        details.ServicesByType[PilotService.LanguageCourse].ShouldBe(1);
        details.InterculturalTrainings.ShouldHaveSingleItem().CompanyIds.ShouldBe([metallbau, pflege]);
        (await Get<PilotCompanyRecord>(DemoUsers.Auditor, $"/api/pilots/{pilot}/companies/{pflege}")).Name.ShouldBe("Börde Pflege gGmbH");

        var janis = await Participant(pilot, worker);
        janis.PersonalDataStatus.ShouldBe(PersonalDataStatus.Present);
        janis.DisplayName.ShouldBe("Janis Ozols");
        janis.PersonalData!.Email.ShouldBe("janis.ozols@example.org");
        janis.Services.Select(s => s.Service).ShouldBe([PilotService.HousingSearch, PilotService.RecognitionOfQualifications]);
        janis.Placement.ShouldBe(new ParticipantPlacement(metallbau, "Elbe Metallbau GmbH", day.AddDays(40)));
        var list = await Get<Page<ParticipantView>>(DemoUsers.Caseworker, $"/api/pilots/{pilot}/participants?kind=Intern");
        list.Items.ShouldHaveSingleItem().DisplayName.ShouldBe("Liga Berzina");
        list.Items[0].InternshipEndsOn.ShouldBe(day.AddMonths(4));
    }

    [Fact]
    public async Task Personal_data_are_corrected_with_the_same_key_and_the_change_is_recorded()
    {
        var pilot = (await Launch(RunningPhase)).Id;
        var (participant, version) = await EnrolParticipant(pilot, 1, RunningPhase.From, Person("Janis", "Ozols"));

        var corrected = await Send(Lead, HttpMethod.Put, $"/api/pilots/{pilot}/participants/{participant}/personal-data",
            new CorrectParticipantData(version, Person("Jānis", "Ozols") with { Phone = "+49 391 000000" }));

        corrected.ReadAsJson<CommandAccepted>()!.Version.ShouldBe(version + 1);
        var view = await Participant(pilot, participant, DemoUsers.Auditor);
        view.DisplayName.ShouldBe("Jānis Ozols");
        view.PersonalData!.Phone.ShouldBe("+49 391 000000");
    }

    [Fact]
    public async Task Every_pilot_event_records_who_and_when_and_participant_commands_store_no_reason()
    {
        var pilot = (await Launch(RunningPhase)).Id;
        var (company, version) = await EnrolCompany(pilot, 1, "Elbe Metallbau GmbH", RunningPhase.From);
        var (participant, _) = await EnrolParticipant(pilot, version, RunningPhase.From.AddDays(1));

        await using var session = Store.QuerySession();
        var events = await session.Events.FetchStreamAsync(pilot, token: TestContext.Current.CancellationToken);
        events.Count.ShouldBe(3);
        events.ShouldAllBe(e => e.UserName == Lead.Id);
        events.Select(e => e.Headers!["command"].ToString()).ShouldBe([nameof(LaunchPilot), nameof(EnrolCompany), nameof(EnrolParticipant)]);
        events[2].Headers!.ContainsKey("reason").ShouldBeFalse();
        var enrolled = events[2].Data.ShouldBeOfType<PilotParticipantEnrolled>();
        enrolled.RecordedBy.ShouldBe(Lead.Id);
        enrolled.RecordedAt.ShouldBe(Clock.GetUtcNow());
        enrolled.PersonalData.SubjectId.ShouldBe(participant);
        enrolled.PersonalData.Algorithm.ShouldBe("A256GCM");
        company.ShouldNotBe(Guid.Empty);
    }

    [Fact]
    public async Task Offering_the_same_services_again_appends_nothing_and_keeps_the_version()
    {
        var pilot = (await Launch(RunningPhase)).Id;
        var offer = new OfferPilotServices(1, [PilotService.HousingSearch, PilotService.LanguageCourse]);

        var first = (await Send(Lead, HttpMethod.Put, $"/api/pilots/{pilot}/services", offer)).ReadAsJson<CommandAccepted>()!;
        var again = (await Send(Lead, HttpMethod.Put, $"/api/pilots/{pilot}/services", offer with { ExpectedVersion = first.Version }))
            .ReadAsJson<CommandAccepted>()!;

        first.Version.ShouldBe(2);
        again.Version.ShouldBe(2);
        (await Details(pilot)).OfferedServices.ShouldBe([PilotService.HousingSearch, PilotService.LanguageCourse]);
    }

    [Fact]
    public async Task A_retried_launch_with_the_same_idempotency_key_creates_one_pilot()
    {
        var key = Guid.NewGuid().ToString();
        var launch = Relocation(RunningPhase);

        var first = await Read<StreamCreated>(await Post(Lead, "/api/pilots", launch, 201, s => s.WithRequestHeader("Idempotency-Key", key)));
        var retry = await Read<StreamCreated>(await Post(Lead, "/api/pilots", launch, 201, s => s.WithRequestHeader("Idempotency-Key", key)));

        retry.ShouldBe(first);
        (await Get<Page<PilotSummary>>(Lead, "/api/pilots")).TotalItems.ShouldBe(1);
    }
}
