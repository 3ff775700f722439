using System.Text.Json;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Application.Network.People;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Network;

/// <summary>
/// Crypto-shredding for the network's people, as for the pilot's participants (docs/adr/0015): registrants, speakers, contact
/// persons and cohort participants stand nowhere in the database in plain text; erasing destroys their key, after which every
/// read and every replay shows them as erased while the history, the counts and the hash chain stay.
/// </summary>
public class NetworkPersonalDataErasureTests(AppFixture fixture) : NetworkApi(fixture)
{
    /// <summary>ASCII only, so that no JSON escaping can hide a hit from the search.</summary>
    private static readonly PersonalDetails Registrant = new("Wiebke", "Quernheim", "Pflegefachkraft", "wiebke.quernheim@example.org", "+49 3475 998877");
    private static readonly PersonalDetails Speaker = new("Hartmut", "Zeddelmann", "Referent Wirtschaftsfoerderung");
    private static readonly PersonalDetails Contact = new("Roswitha", "Kaltenbrunn", "Geschaeftsstelle", "roswitha.kaltenbrunn@example.org", "0345 1234567");
    private static readonly PersonalDetails Participant = new("Ottokar", "Wendelstein", "Teamleiter");

    private static readonly string[] Plaintext =
        ["Quernheim", "998877", "Zeddelmann", "Kaltenbrunn", "1234567", "Wendelstein", "givenName", "familyName"];

    private async Task ShouldBeNowhereInTheDatabase(IEnumerable<string> needles)
    {
        foreach (var needle in needles)
            (await DatabaseSearch.TablesContainingAsync(ConnectionString, needle, TestContext.Current.CancellationToken))
                .ShouldBeEmpty($"'{needle}' must not stand anywhere in the database");
    }

    private async Task<bool> HasKey(Guid person)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<PersonalDataKey>(person, TestContext.Current.CancellationToken) is not null;
    }

    private static string JsonOf(object value) => JsonSerializer.Serialize(value, value.GetType(), Json);

    private async Task RebuildAllProjections()
    {
        foreach (var type in new[] { typeof(ActivityDetails), typeof(NetworkActorDetails), typeof(CohortDetails), typeof(NetworkPersonRecord) })
            await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, TestContext.Current.CancellationToken);

        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        var projections = ((StoreOptions)Store.Options).Projections.All.Where(p => p.Lifecycle == ProjectionLifecycle.Inline).ToList();
        projections.Select(p => p.ImplementationType).ShouldContain(typeof(NetworkPersonRecordProjection));
        foreach (var projection in projections)
            await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Erasing_a_registrant_a_speaker_a_contact_person_and_a_participant_destroys_their_keys_and_leaves_the_history()
    {
        // A held activity with a registrant and a speaker; an actor with a contact person; a cohort with a participant.
        var day = Today.AddDays(-3);
        var activity = await Plan(ReturnerDay(day));
        var url = $"/api/activities/{activity.Id}";
        var version = await Do($"{url}/announcement", new AnnounceActivity(activity.Version, day.AddDays(-20)));
        var registration = await Post<NetworkItemAdded>(Coordinator, $"{url}/registrations", new RegisterForActivity(version, day.AddDays(-10), Registrant), 201);
        var second = await Post(Coordinator, $"{url}/registrations", new RegisterForActivity(registration.Version, day.AddDays(-9), Registrant with { FamilyName = "Z" }),
            201);
        (await second.ReadAsTextAsync()).ShouldNotContain("Wiebke");
        version = registration.Version + 1;
        version = await Do($"{url}/holding", Held(version, day, 2, 0,
            new ProgrammePoint(ProgrammeItemKind.Talk, 1, "Impuls", Speaker, "Wirtschaftsfoerderung Halle")));
        var speaker = (await Get<IReadOnlyList<NetworkPersonView>>(Coordinator, $"{url}/speakers")).ShouldHaveSingleItem().Id;

        var actor = await Post<StreamCreated>(Coordinator, "/api/network-actors", new EstablishNetworkActor("Arbeitskreis Wiedereingliederung",
            ActorKind.WorkingGroup, "Stadt Halle (Saale)", new DateOnly(2020, 1, 1), Areas: [new Area(FederalState.SachsenAnhalt, "Halle (Saale)")],
            AllianceId: AllianceId), 201);
        var contact = await Post<NetworkItemAdded>(Coordinator, $"/api/network-actors/{actor.Id}/contact-persons",
            new NameContactPerson(actor.Version, Contact, new DateOnly(2020, 1, 1), "Stadt Halle (Saale)"), 201);

        var cohort = await Post<StreamCreated>(Caseworker, "/api/cohorts", new OpenCohort("Mitarbeiter für Verantwortung", 2, DistrictId, "Zuwanderung",
            new Period(new DateOnly(2015, 10, 1), new DateOnly(2016, 4, 30))), 201);
        var participant = await Post<NetworkItemAdded>(Caseworker, $"/api/cohorts/{cohort.Id}/participants",
            new EnrolCohortParticipant(cohort.Version, "Stadtwerke Halle", new DateOnly(2015, 10, 1), Participant), 201);

        // Before: readable to those who may, yet in the database only sealed.
        (await Get<Page<NetworkPersonView>>(DemoUsers.Auditor, $"{url}/registrations")).Items[0].PersonalData.ShouldBe(Registrant);
        (await Get<IReadOnlyList<NetworkPersonView>>(Coordinator, $"/api/network-actors/{actor.Id}/contact-persons")).ShouldHaveSingleItem()
            .PersonalData.ShouldBe(Contact);
        (await Get<IReadOnlyList<NetworkPersonView>>(DemoUsers.Auditor, $"/api/cohorts/{cohort.Id}/participants")).ShouldHaveSingleItem()
            .DisplayName.ShouldBe("Ottokar Wendelstein");
        await ShouldBeNowhereInTheDatabase(Plaintext);
        (await DatabaseSearch.TablesContainingAsync(ConnectionString, "Wirtschaftsfoerderung Halle", TestContext.Current.CancellationToken))
            .ShouldNotBeEmpty("the search finds what is there");
        var activityBefore = await Activity(activity.Id);

        // The erasures, each by those who record for the record.
        var erasedAt = Clock.GetUtcNow();
        version = await Do($"{url}/registrations/{registration.ItemId}/erasure",
            new EraseRegistrantData(version, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-021"));
        await Do($"{url}/speakers/{speaker}/erasure", new EraseSpeakerData(version, ErasureGround.Objection, Today));
        await Do($"/api/network-actors/{actor.Id}/contact-persons/{contact.ItemId}/erasure",
            new EraseContactPersonData(contact.Version, ErasureGround.NoLongerNecessary, Today));
        await Do($"/api/cohorts/{cohort.Id}/participants/{participant.ItemId}/erasure",
            new EraseCohortParticipantData(participant.Version, ErasureGround.ConsentWithdrawn, Today), Caseworker);

        foreach (var person in new[] { registration.ItemId, speaker, contact.ItemId, participant.ItemId })
            (await HasKey(person)).ShouldBeFalse();
        await ShouldBeNowhereInTheDatabase(Plaintext);

        async Task ShowsThemErasedWithTheirHistory()
        {
            var registrants = (await Get<Page<NetworkPersonView>>(DemoUsers.Auditor, $"{url}/registrations")).Items;
            registrants.Select(r => r.DisplayName).ShouldBe([ParticipantView.ErasedName, "Wiebke Z"]);
            registrants[0].Erasure.ShouldBe(new PersonalDataErasure(ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-021", Coordinator.Id, erasedAt));
            registrants[0].Registration.ShouldBe(new PersonRegistration(RegistrationStatus.Confirmed));
            (await Get<IReadOnlyList<NetworkPersonView>>(Coordinator, $"{url}/speakers")).ShouldHaveSingleItem().Organisation.ShouldBe("Wirtschaftsfoerderung Halle");
            (await Get<IReadOnlyList<NetworkPersonView>>(Coordinator, $"/api/network-actors/{actor.Id}/contact-persons")).ShouldHaveSingleItem()
                .PersonalDataStatus.ShouldBe(PersonalDataStatus.Erased);
            (await Get<IReadOnlyList<NetworkPersonView>>(DemoUsers.Auditor, $"/api/cohorts/{cohort.Id}/participants")).ShouldHaveSingleItem()
                .PersonalData.ShouldBeNull();

            var details = await Activity(activity.Id);
            details.RegistrationCounts.ShouldBe(activityBefore.RegistrationCounts with { PersonalDataErased = 1 });
            JsonOf(details.Outcome!.Attendance).ShouldBe(JsonOf(activityBefore.Outcome!.Attendance));
            details.Outcome.Programme.ShouldHaveSingleItem().SpeakerErased.ShouldBeTrue();
            (await Get<NetworkActorDetails>(DemoUsers.Auditor, $"/api/network-actors/{actor.Id}")).ContactPersons.ShouldHaveSingleItem().PersonalDataErased
                .ShouldBeTrue();
        }

        await ShowsThemErasedWithTheirHistory();

        // No event was rewritten: the chains verify, and the timeline names the erasure without the person.
        (await Get<ChainVerification>(DemoUsers.Auditor, $"/api/audit/chains/verification?streamId={activity.Id}")).Intact.ShouldBeTrue();
        var timeline = await (await Host.Scenario(s =>
        {
            Authorize(s, DemoUsers.Auditor);
            s.Get.Url($"/api/audit/streams/{activity.Id}/timeline");
        })).ReadAsTextAsync();
        timeline.ShouldContain("Personendaten der angemeldeten Person gelöscht");
        timeline.ShouldNotContain("Quernheim");

        // Erased once; an erased registrant is not erased again.
        var events = await EventCount();
        (await ProblemOf(await Post(Coordinator, $"{url}/registrations/{registration.ItemId}/erasure",
            new EraseRegistrantData((await Activity(activity.Id)).Version, ErasureGround.ConsentWithdrawn, Today), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:activity.registrant-erased");
        (await EventCount()).ShouldBe(events);

        // A full rebuild of the inline projections from the events shows the same.
        await RebuildAllProjections();
        await ShowsThemErasedWithTheirHistory();
        await ShouldBeNowhereInTheDatabase(Plaintext);
    }
}
