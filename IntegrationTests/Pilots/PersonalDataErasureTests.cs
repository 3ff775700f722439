using System.Text.Json;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// Crypto-shredding (docs/adr/0015): a participant's personal data stand nowhere in the database in plain text; erasing
/// destroys their key, after which every read and every replay shows them as erased while the history and all counts
/// stay. A legal hold blocks erasure until its day.
/// </summary>
public class PersonalDataErasureTests(AppFixture fixture) : PilotApi(fixture)
{
    /// <summary>ASCII only, so that no JSON escaping can hide a hit from the search.</summary>
    private static readonly ParticipantPersonalData Ilzite =
        new("Ilzite", "Zvirbule", new DateOnly(1987, 11, 23), "LV", "ilzite.zvirbule@example.org", "+371 2612 3457");

    /// <summary>Every trace of Ilzite's data: her names, birth date, phone number, and the property names of personal data.</summary>
    private static readonly string[] Plaintext = ["Ilzite", "Zvirbule", "1987-11-23", "2612 3457", "nationality", "birthDate"];

    private const string LegalBasis = "Art. 82 Regulation (EU) 2021/1060: ESF documents kept for audits";

    /// <summary>The tables (schema.table) in which some row, cast to text, contains <paramref name="needle"/> (case-insensitive).</summary>
    private Task<IReadOnlyList<string>> WhereInDatabase(string needle) =>
        DatabaseSearch.TablesContainingAsync(Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Fachwerk")!, needle,
            TestContext.Current.CancellationToken);

    private async Task ShouldBeNowhereInTheDatabase(IEnumerable<string> needles)
    {
        foreach (var needle in needles)
            (await WhereInDatabase(needle)).ShouldBeEmpty($"'{needle}' must not stand anywhere in the database");
    }

    private async Task<PersonalDataKey?> KeyOf(Guid participant)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<PersonalDataKey>(participant, TestContext.Current.CancellationToken);
    }

    /// <summary>Rebuilds every stored projection (inline and asynchronous) from the events, after throwing their documents away.</summary>
    private async Task RebuildAllProjections()
    {
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(PilotDetails), TestContext.Current.CancellationToken);
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(ParticipantRecord), TestContext.Current.CancellationToken);
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(PilotDemand), TestContext.Current.CancellationToken);

        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        var projections = ((StoreOptions)Store.Options).Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live).ToList();
        projections.Select(p => p.ImplementationType).ShouldContain(typeof(ParticipantRecordProjection));
        projections.Select(p => p.ImplementationType).ShouldContain(typeof(PilotDemandProjection));
        foreach (var projection in projections)
            await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    private static string JsonOf(object value) => JsonSerializer.Serialize(value, value.GetType(), Json);

    [Fact]
    public async Task Erasure_destroys_the_key_no_plaintext_remains_anywhere_history_and_totals_stay_and_projections_rebuild()
    {
        var phase = RunningPhase;
        var pilot = (await Launch(phase)).Id;
        var (company, version) = await EnrolCompany(pilot, 1, "Elbe Metallbau GmbH", phase.From);
        var enrolment = await Post(Lead, $"/api/pilots/{pilot}/participants",
            new EnrolParticipant(version, ParticipantKind.SkilledWorker, phase.From.AddDays(2), null, Ilzite), 201,
            s => s.WithRequestHeader("Idempotency-Key", Guid.NewGuid().ToString()));
        (await enrolment.ReadAsTextAsync()).ShouldNotContain("Zvirbule");
        var added = await Read<PilotItemAdded>(enrolment);
        var ilzite = added.ItemId;
        var (janis, v) = await EnrolParticipant(pilot, added.Version, phase.From.AddDays(3), Person("Janis", "Ozols"));
        v = await Deliver(pilot, v, ilzite, PilotService.HousingSearch, phase.From.AddDays(4));
        v = await Deliver(pilot, v, ilzite, PilotService.RecognitionOfQualifications, phase.From.AddMonths(1));
        v = await Refer(pilot, v, ilzite, company, phase.From.AddMonths(1).AddDays(2));
        v = await Place(pilot, v, ilzite, company, phase.From.AddMonths(2));

        // Before the erasure: readable to those who may, yet in the database only sealed.
        var before = await Participant(pilot, ilzite, DemoUsers.Auditor);
        before.PersonalData.ShouldBe(Ilzite);
        await ShouldBeNowhereInTheDatabase(Plaintext);
        (await WhereInDatabase("Elbe Metallbau GmbH")).ShouldNotBeEmpty("the search finds what is there");
        // Her data key is stored only wrapped by the key-encryption key, which lives outside the database (ADR 0061).
        var stored = (await KeyOf(ilzite)).ShouldNotBeNull();
        stored.Key.ShouldBeNull();
        var dataKey = Host.Services.GetRequiredService<KeyEncryptionKeys>().Unwrap(ilzite, stored.WrappedBy!, stored.Wrapped!);
        string[] keyTraces = [Convert.ToBase64String(dataKey), Convert.ToHexStringLower(dataKey)];
        await ShouldBeNowhereInTheDatabase(keyTraces);
        var wrappedKey = Convert.ToBase64String(stored.Wrapped!);
        (await WhereInDatabase(wrappedKey)).ShouldBe([$"{PersonalDataVault.KeySchema}.mt_doc_{PersonalDataVault.KeyTableAlias}"]);
        var detailsBefore = await Details(pilot);
        var demandBefore = JsonOf(await Demand(pilot));

        // A legal hold refuses the erasure and says why; nothing changes.
        v = (await Send(Lead, HttpMethod.Put, $"/api/pilots/{pilot}/legal-hold", new PlaceLegalHold(v, Today.AddDays(30), LegalBasis)))
            .ReadAsJson<CommandAccepted>()!.Version;
        var events = await EventCount();
        var refusal = await ProblemOf(await Post(Lead, $"/api/pilots/{pilot}/participants/{ilzite}/erasure",
            new EraseParticipantData(v, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-014"), 409));
        refusal.Type.ShouldBe("urn:fachwerk:problem:pilot.legal-hold");
        refusal.Detail!.ShouldContain($"until {Today.AddDays(30):yyyy-MM-dd}");
        refusal.Detail!.ShouldContain(LegalBasis);
        refusal.Detail!.ShouldContain($"from {Today.AddDays(31):yyyy-MM-dd}");
        (await EventCount()).ShouldBe(events);
        (await KeyOf(ilzite)).ShouldNotBeNull();
        v = (await Post<CommandAccepted>(Lead, $"/api/pilots/{pilot}/legal-hold/lifting",
            new LiftLegalHold(v, "Audit completed; the participant's consent is withdrawn"))).Version;

        // The erasure.
        var erasedAt = Clock.GetUtcNow();
        v = (await Post<CommandAccepted>(Lead, $"/api/pilots/{pilot}/participants/{ilzite}/erasure",
            new EraseParticipantData(v, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-014"))).Version;

        (await KeyOf(ilzite)).ShouldBeNull();
        await ShouldBeNowhereInTheDatabase([.. Plaintext, .. keyTraces, wrappedKey]);
        async Task ShowsTheErasedPersonWithHerHistory()
        {
            var after = await Participant(pilot, ilzite, DemoUsers.Auditor);
            after.PersonalDataStatus.ShouldBe(PersonalDataStatus.Erased);
            after.DisplayName.ShouldBe(ParticipantView.ErasedName);
            after.PersonalData.ShouldBeNull();
            after.Erasure.ShouldBe(new ParticipantErasure(ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-014", Lead.Id, erasedAt));
            (after.Kind, after.EnrolledOn, JsonOf(after.Services), JsonOf(after.Referrals), after.Placement)
                .ShouldBe((before.Kind, before.EnrolledOn, JsonOf(before.Services), JsonOf(before.Referrals), before.Placement));
            (await Participant(pilot, janis)).DisplayName.ShouldBe("Janis Ozols");
            var listed = await Get<Page<ParticipantView>>(Lead, $"/api/pilots/{pilot}/participants");
            listed.Items.Select(p => p.DisplayName).ShouldBe([ParticipantView.ErasedName, "Janis Ozols"]);

            var details = await Details(pilot);
            details.Participants.ShouldBe(detailsBefore.Participants with { PersonalDataErased = 1 });
            (details.ServicesDelivered, JsonOf(details.ServicesByType), JsonOf(details.Companies), details.Version)
                .ShouldBe((detailsBefore.ServicesDelivered, JsonOf(detailsBefore.ServicesByType), JsonOf(detailsBefore.Companies), v));
            JsonOf(await Demand(pilot)).ShouldBe(demandBefore);
        }

        await ShowsTheErasedPersonWithHerHistory();

        // The erasure rewrote no event: the pilot's hash chain still verifies, and the auditors' timeline shows the erasure
        // but no personal data.
        (await Get<ChainVerification>(DemoUsers.Auditor, $"/api/audit/chains/verification?streamId={pilot}")).Intact.ShouldBeTrue();
        var timeline = await Host.Scenario(s =>
        {
            Authorize(s, DemoUsers.Auditor);
            s.Get.Url($"/api/audit/streams/{pilot}/timeline");
        });
        var timelineText = await timeline.ReadAsTextAsync();
        timelineText.ShouldContain("Personendaten gelöscht");
        foreach (var trace in Plaintext.Take(4)) timelineText.ShouldNotContain(trace);

        // The history keeps the erasure (who, when, ground) and the sealed enrolment, which no key opens any more.
        await using (var session = Store.QuerySession())
        {
            var stream = await session.Events.FetchStreamAsync(pilot, token: TestContext.Current.CancellationToken);
            var erasure = stream.Select(e => e.Data).OfType<PilotParticipantDataErased>().ShouldHaveSingleItem();
            (erasure.ParticipantId, erasure.LegalBasis, erasure.RecordedBy, erasure.RecordedAt)
                .ShouldBe((ilzite, ErasureGround.ConsentWithdrawn, Lead.Id, erasedAt));
            var sealedData = stream.Select(e => e.Data).OfType<PilotParticipantEnrolled>().Select(e => e.PersonalData).ToList();
            var opened = await Host.Services.GetRequiredService<PersonalDataVault>()
                .OpenAsync<ParticipantPersonalData>(session, sealedData, TestContext.Current.CancellationToken);
            opened.Keys.ShouldBe([janis]);
            var replayed = (await session.Events.AggregateStreamAsync<Pilot>(pilot, token: TestContext.Current.CancellationToken))!;
            replayed.Participants[ilzite].PersonalDataErased.ShouldBeTrue();
            replayed.Participants[ilzite].PlacedWith.ShouldBe(company);
        }

        // A full rebuild of every projection from the events still succeeds and shows the same.
        var participantJson = JsonOf(await Participant(pilot, ilzite));
        var detailsJson = JsonOf(await Details(pilot));
        await RebuildAllProjections();

        await ShowsTheErasedPersonWithHerHistory();
        JsonOf(await Participant(pilot, ilzite)).ShouldBe(participantJson);
        JsonOf(await Details(pilot)).ShouldBe(detailsJson);
        await ShouldBeNowhereInTheDatabase([.. Plaintext, .. keyTraces]);
    }

    [Fact]
    public async Task An_erased_participant_changes_no_more_and_is_not_erased_twice()
    {
        var phase = RunningPhase;
        var pilot = (await Launch(phase)).Id;
        var (participant, version) = await EnrolParticipant(pilot, 1, phase.From, Ilzite);
        version = (await Post<CommandAccepted>(Lead, $"/api/pilots/{pilot}/participants/{participant}/erasure",
            new EraseParticipantData(version, ErasureGround.NoLongerNecessary, Today))).Version;
        var events = await EventCount();

        async Task<string?> Refusal(HttpMethod method, string url, object body) =>
            (await ProblemOf(await Send(Lead, method, url, body, 409))).Type;

        (await Refusal(HttpMethod.Post, $"/api/pilots/{pilot}/participants/{participant}/erasure",
            new EraseParticipantData(version, ErasureGround.NoLongerNecessary, Today))).ShouldBe("urn:fachwerk:problem:pilot.participant-erased");
        (await Refusal(HttpMethod.Put, $"/api/pilots/{pilot}/participants/{participant}/personal-data",
            new CorrectParticipantData(version, Ilzite))).ShouldBe("urn:fachwerk:problem:pilot.participant-erased");
        (await Refusal(HttpMethod.Post, $"/api/pilots/{pilot}/participants/{participant}/services",
            new DeliverService(version, PilotService.Culture, Today))).ShouldBe("urn:fachwerk:problem:pilot.participant-erased");
        (await EventCount()).ShouldBe(events);
        await ShouldBeNowhereInTheDatabase(Plaintext);
    }

    [Fact]
    public async Task A_legal_hold_that_has_run_out_no_longer_blocks_and_an_ended_pilot_still_erases()
    {
        var phase = PastPhase;
        var created = await Launch(phase);
        var pilot = created.Id;
        var (participant, version) = await EnrolParticipant(pilot, created.Version, phase.From, Ilzite);
        version = (await Post<CommandAccepted>(Lead, $"/api/pilots/{pilot}/continuation",
            new DecideContinuation(version, ContinuationDecision.End, ["Too few participants"], Today))).Version;
        version = (await Send(Lead, HttpMethod.Put, $"/api/pilots/{pilot}/legal-hold", new PlaceLegalHold(version, Today.AddDays(1), LegalBasis)))
            .ReadAsJson<CommandAccepted>()!.Version;

        Clock.Advance(TimeSpan.FromDays(2));
        await Post(Lead, $"/api/pilots/{pilot}/participants/{participant}/erasure",
            new EraseParticipantData(version, ErasureGround.ConsentWithdrawn, Today));

        (await Participant(pilot, participant)).PersonalDataStatus.ShouldBe(PersonalDataStatus.Erased);
        (await Details(pilot)).Status.ShouldBe(PilotStatus.Ended);
    }

    [Fact]
    public async Task Personal_data_are_read_by_the_project_lead_caseworkers_and_auditors_only()
    {
        var pilot = (await Launch(RunningPhase)).Id;
        var (participant, _) = await EnrolParticipant(pilot, 1, RunningPhase.From, Ilzite);

        foreach (var reader in new[] { Lead, DemoUsers.Caseworker, DemoUsers.Auditor })
            (await Participant(pilot, participant, reader)).PersonalData.ShouldBe(Ilzite);
        foreach (var outsider in new[] { DemoUsers.Applicant, DemoUsers.AllianceReviewer, DemoUsers.Approver })
        {
            await Host.Scenario(s =>
            {
                Authorize(s, outsider);
                s.Get.Url($"/api/pilots/{pilot}/participants/{participant}");
                s.StatusCodeShouldBe(403);
            });
            await Host.Scenario(s =>
            {
                Authorize(s, outsider);
                s.Get.Url($"/api/pilots/{pilot}/participants");
                s.StatusCodeShouldBe(403);
            });
        }

        (await Get<PilotDetails>(DemoUsers.Applicant, $"/api/pilots/{pilot}")).Participants.Enrolled.ShouldBe(1);
    }
}
