using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Privacy;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Daemon.Coordination;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// A natural person applies (ADR 0123): only where the programme funds persons of their kind; their personal data stand only sealed
/// with their own key, are masked for readers who may not see them, and are erased (the key destroyed) after the retention period
/// and without a legal hold, while amounts, history, hash chains and rebuilt projections stay (as the pilot's erasure, ADR 0015).
/// </summary>
public class PersonApplicantErasureTests(AppFixture fixture) : ApplicationApi(fixture)
{
    /// <summary>ASCII only, so that no JSON escaping can hide a hit from the search.</summary>
    private static readonly ApplicantPersonalData Lena =
        new("Lenamarie", "Hartmannsdorf", new DateOnly(2001, 8, 14), "Bahnhofstrasse 12", "06526", "Sangerhausen", "lena.hartmannsdorf@example.org");

    private static readonly string[] Plaintext = ["Lenamarie", "Hartmannsdorf", "2001-08-14", "Bahnhofstrasse", "postalCode", "birthDate"];

    private DateOnly Today => AuthorityCalendar.DayOf(Clock.GetUtcNow());

    private static ProjectPlan Stipend => new("Stipendium Medizinstudium", "Stipendium für die klinischen Semester",
        new Period(new DateOnly(2026, 9, 1), new DateOnly(2029, 8, 31)), 21_600m, 21_600m, 0m, 0m, [], 1);

    private async Task<(Guid Programme, long Version)> DoctorRecruitment(int retentionYears, params PersonApplicantKind[] kinds)
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false, maxRate: 1m));
        var version = (await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/person-applicants",
            new SetPersonApplicants(1, kinds, retentionYears))).ReadAsJson<CommandAccepted>()!.Version;
        return (programme, version);
    }

    private DraftPersonApplication Application(Guid programme, PersonApplicantKind kind = PersonApplicantKind.MedicalStudent) =>
        new(programme, AllianceId, "Halle (Saale)", kind, Stipend, Lena);

    private Task<IReadOnlyList<string>> WhereInDatabase(string needle) =>
        DatabaseSearch.TablesContainingAsync(Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Fachwerk")!, needle,
            TestContext.Current.CancellationToken);

    private async Task ShouldBeNowhereInTheDatabase(IEnumerable<string> needles)
    {
        foreach (var needle in needles)
            (await WhereInDatabase(needle)).ShouldBeEmpty($"'{needle}' must not stand anywhere in the database");
    }

    private async Task<PersonalDataKey?> KeyOf(Guid subject)
    {
        await using var session = Store.QuerySession();
        return await session.LoadAsync<PersonalDataKey>(subject, TestContext.Current.CancellationToken);
    }

    private Task<ApplicantPersonView> Person(Guid application, DemoUser user) =>
        Get<ApplicantPersonView>(user, $"/api/applications/{application}/applicant-person");

    private static string JsonOf(object value) => JsonSerializer.Serialize(value, value.GetType(), Json);

    [Fact]
    public async Task Only_a_programme_that_funds_persons_of_the_kind_takes_a_person_and_a_refusal_appends_and_seals_nothing()
    {
        var organisationsOnly = await LaunchProgramme();
        var (students, _) = await DoctorRecruitment(10, PersonApplicantKind.MedicalStudent);
        var events = await EventCount();

        var notPersons = await ProblemOf(await Post(Applicant, "/api/applications/persons", Application(organisationsOnly), 409));
        notPersons.Type.ShouldBe("urn:fachwerk:problem:application.persons-not-eligible");
        var notDoctors = await ProblemOf(await Post(Applicant, "/api/applications/persons", Application(students, PersonApplicantKind.Doctor), 409));
        notDoctors.Type.ShouldBe("urn:fachwerk:problem:application.person-kind-not-eligible");
        var invalid = await ValidationProblemOf(await Post(Applicant, "/api/applications/persons",
            Application(students) with { PersonalData = Lena with { PostalCode = "6526", Email = "" } }, 400));
        invalid.Errors.Keys.ShouldBe(["personalData.postalCode", "personalData.email"], ignoreOrder: true);

        (await EventCount()).ShouldBe(events);
        await using var session = Store.QuerySession();
        (await session.Query<PersonalDataKey>().CountAsync(TestContext.Current.CancellationToken)).ShouldBe(0);
    }

    [Fact]
    public async Task Erasure_after_the_retention_period_destroys_the_key_no_plaintext_remains_history_totals_and_rebuilds_stay()
    {
        var (programme, _) = await DoctorRecruitment(1, PersonApplicantKind.MedicalStudent, PersonApplicantKind.Doctor);
        var drafted = await Post(Applicant, "/api/applications/persons", Application(programme), 201,
            s => s.WithRequestHeader("Idempotency-Key", Guid.NewGuid().ToString()));
        (await drafted.ReadAsTextAsync()).ShouldNotContain("Hartmannsdorf");
        var id = (await Read<StreamCreated>(drafted)).Id;

        // The person reads their own data, as do case handlers and auditors; the alliance's reviewer sees them masked.
        var before = await Person(id, Caseworker);
        (before.Status, before.DisplayName, before.PersonalData, before.Kind)
            .ShouldBe((ApplicantPersonDataStatus.Present, "Lenamarie Hartmannsdorf", Lena, PersonApplicantKind.MedicalStudent));
        (await Person(id, DemoUsers.Auditor)).PersonalData.ShouldBe(Lena);
        (await Person(id, Applicant)).PersonalData.ShouldBe(Lena);
        var masked = await Person(id, Reviewer);
        (masked.Status, masked.DisplayName, masked.PersonalData).ShouldBe((ApplicantPersonDataStatus.Masked, ApplicantPersonView.MaskedName, null));
        var details = await Details(id);
        details.Applicant.Name.ShouldBe(ApplicantPersonDecider.RecordName);
        await ShouldBeNowhereInTheDatabase(Plaintext);

        // Submitted by the person, who acts for their applicant record from drafting on.
        details.Version.ShouldBe(2);
        var version = await Act(Applicant, id, "submission", new SubmitApplication(details.Version));

        // Kept while the case runs; nothing is appended on refusal.
        var events = await EventCount();
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/applicant-person/erasure",
            new EraseApplicantPersonData(version, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-031"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:application.person-data-retained");
        (await EventCount()).ShouldBe(events);

        version = await Act(Applicant, id, "withdrawal", new WithdrawApplication(version, "Studienplatz in einem anderen Land"));
        var ended = Today;
        version = (await Send(Caseworker, HttpMethod.Put, $"/api/applications/{id}/legal-hold",
            new PlaceCaseLegalHold(version, ended.AddYears(1).AddDays(40), "Prüfung des Kreisrechnungsprüfungsamts"))).ReadAsJson<CommandAccepted>()!.Version;

        // Within the retention period (one year after the end), then under the legal hold: refused, with the day it becomes possible.
        Clock.Advance(TimeSpan.FromDays(200));
        var retained = await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/applicant-person/erasure",
            new EraseApplicantPersonData(version, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-031"), 409));
        retained.Type.ShouldBe("urn:fachwerk:problem:application.person-data-retained");
        retained.Detail!.ShouldContain($"from {ended.AddYears(1).AddDays(1):yyyy-MM-dd}");
        Clock.Advance(TimeSpan.FromDays(200));
        var held = await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/applicant-person/erasure",
            new EraseApplicantPersonData(version, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-031"), 409));
        held.Type.ShouldBe("urn:fachwerk:problem:application.legal-hold");
        (await EventCount()).ShouldBe(events + 2);
        (await KeyOf(details.Applicant.Id)).ShouldNotBeNull();

        Clock.Advance(TimeSpan.FromDays(41));
        await CatchUpProjections();
        var detailsBefore = JsonOf(await Details(id));
        var budgetBefore = JsonOf(await Budget(programme));
        var erasedAt = Clock.GetUtcNow();
        version = (await Post<CommandAccepted>(Caseworker, $"/api/applications/{id}/applicant-person/erasure",
            new EraseApplicantPersonData(version, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-031"))).Version;

        (await KeyOf(details.Applicant.Id)).ShouldBeNull();
        await ShouldBeNowhereInTheDatabase(Plaintext);
        async Task ShowsTheErasedPersonWithTheCase()
        {
            foreach (var reader in new[] { Caseworker, Applicant, Reviewer })
            {
                var after = await Person(id, reader);
                (after.Status, after.DisplayName, after.PersonalData).ShouldBe((ApplicantPersonDataStatus.Erased, ApplicantPersonView.ErasedName, null));
                after.Erasure.ShouldBe(new ApplicantPersonErasure(ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-031", Caseworker.Id, erasedAt));
            }

            var afterDetails = await Details(id);
            (afterDetails.Status, afterDetails.Plan.RequestedAmount, afterDetails.Version).ShouldBe((ApplicationStatus.Withdrawn, 21_600m, version));
            JsonOf(await Budget(programme)).ShouldBe(budgetBefore);
        }

        await ShowsTheErasedPersonWithTheCase();
        // Everything but the erasure itself stays as it was.
        var erasedDetails = await Details(id);
        erasedDetails.ApplicantPerson.ShouldBe(new ApplicantPersonFacts(PersonApplicantKind.MedicalStudent, Erased: true));
        JsonOf(erasedDetails with { Version = 0, LastChangedAt = default, ApplicantPerson = null })
            .ShouldBe(JsonOf(JsonSerializer.Deserialize<ApplicationDetails>(detailsBefore, Json)! with
            {
                Version = 0, LastChangedAt = default, ApplicantPerson = null,
            }));

        // No event was rewritten: the chain verifies; the timeline names the erasure, no personal data.
        (await Get<ChainVerification>(DemoUsers.Auditor, $"/api/audit/chains/verification?streamId={id}")).Intact.ShouldBeTrue();
        var timeline = await (await Host.Scenario(s =>
        {
            Authorize(s, DemoUsers.Auditor);
            s.Get.Url($"/api/audit/streams/{id}/timeline");
        })).ReadAsTextAsync();
        timeline.ShouldContain("Personendaten des Antragstellers gelöscht");
        foreach (var trace in Plaintext.Take(4)) timeline.ShouldNotContain(trace);

        // A full rebuild of every stored projection still succeeds and shows the same.
        var detailsJson = JsonOf(await Details(id));
        await Store.Advanced.Clean.DeleteDocumentsByTypeAsync(typeof(ApplicationDetails), TestContext.Current.CancellationToken);
        var daemon = Host.Services.GetRequiredService<IProjectionCoordinator>().DaemonForMainDatabase();
        foreach (var projection in ((StoreOptions)Store.Options).Projections.All.Where(p => p.Lifecycle != ProjectionLifecycle.Live))
            await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        JsonOf(await Details(id)).ShouldBe(detailsJson);
        await ShowsTheErasedPersonWithTheCase();
        await ShouldBeNowhereInTheDatabase(Plaintext);

        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/applicant-person/erasure",
            new EraseApplicantPersonData(version, ErasureGround.ConsentWithdrawn, Today), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:application.applicant-person-erased");
    }

    [Fact]
    public async Task The_persons_neutral_record_is_no_organisation_to_pick_and_a_lifted_legal_hold_no_longer_keeps_the_data()
    {
        var (programme, _) = await DoctorRecruitment(0, PersonApplicantKind.MedicalStudent);
        var id = (await Post<StreamCreated>(Applicant, "/api/applications/persons", Application(programme), 201)).Id;
        var record = (await Details(id)).Applicant.Id;

        // The organisation list and its pickers leave the neutral record out; asked for by kind, it is there.
        var byName = await Get<Page<OrganisationDetails>>(Caseworker, $"/api/organisations?name=Nat%C3%BCrliche&pageSize={Paging.MaxPageSize}");
        byName.Items.ShouldNotContain(o => o.Id == record);
        var all = await Get<Page<OrganisationDetails>>(Caseworker, $"/api/organisations?pageSize={Paging.MaxPageSize}");
        all.Items.ShouldNotContain(o => o.Kind == Fachwerk.Domain.Organisations.OrganisationKind.NaturalPerson);
        (await Get<Page<OrganisationDetails>>(Caseworker, $"/api/organisations?kind=NaturalPerson&pageSize={Paging.MaxPageSize}"))
            .Items.ShouldContain(o => o.Id == record);

        // The case ended (no retention years); a hold keeps the data until it is lifted with a reason.
        var version = await Act(Applicant, id, "withdrawal", new WithdrawApplication(2, "Studienplatz in einem anderen Land"));
        version = (await Send(Caseworker, HttpMethod.Put, $"/api/applications/{id}/legal-hold",
            new PlaceCaseLegalHold(version, Today.AddYears(2), "Prüfung des Kreisrechnungsprüfungsamts"))).ReadAsJson<CommandAccepted>()!.Version;
        Clock.Advance(TimeSpan.FromDays(2));
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/applicant-person/erasure",
            new EraseApplicantPersonData(version, ErasureGround.ConsentWithdrawn, Today), 409))).Type.ShouldBe("urn:fachwerk:problem:application.legal-hold");
        (await ValidationProblemOf(await Post(Caseworker, $"/api/applications/{id}/legal-hold/lifting", new LiftCaseLegalHold(version, " "), 400)))
            .Errors.Keys.ShouldBe(["reason"]);
        await Post(Applicant, $"/api/applications/{id}/legal-hold/lifting", new LiftCaseLegalHold(version, "Prüfung beendet"), 403);

        version = (await Post<CommandAccepted>(Caseworker, $"/api/applications/{id}/legal-hold/lifting", new LiftCaseLegalHold(version, "Prüfung beendet"))).Version;

        (await Person(id, Caseworker)).LegalHold.ShouldBeNull();
        (await Details(id)).LegalHoldUntil.ShouldBeNull();
        (await ProblemOf(await Post(Caseworker, $"/api/applications/{id}/legal-hold/lifting", new LiftCaseLegalHold(version, "noch einmal"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:application.no-legal-hold");
        await Post<CommandAccepted>(Caseworker, $"/api/applications/{id}/applicant-person/erasure",
            new EraseApplicantPersonData(version, ErasureGround.ConsentWithdrawn, Today));
        (await Person(id, Caseworker)).Status.ShouldBe(ApplicantPersonDataStatus.Erased);
    }
}
