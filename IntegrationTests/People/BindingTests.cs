using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.People;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.People;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.People;

/// <summary>
/// Bindings as Fachwerk's data: administrators grant and revoke them with who and why, the project lead who launches a pilot
/// leads it at once, and a token's claims add bindings but never outweigh a revocation.
/// </summary>
public class BindingTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly DemoUser Admin = DemoUsers.Administrator;
    private static readonly DemoUser OrganisationAdmin = DemoUsers.OrganisationAdministrator;
    private static readonly DemoUser Colleague = new("carla.kollegin", "Carla Kollegin", [Roles.Applicant]);

    /// <summary>The organisation's administrator runs Haus Steinstraße; the colleague's token names no organisation.</summary>
    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == OrganisationAdmin ? (ApplicantId, null, null) : base.BindingsOf(user, url);

    private DateOnly Today => AuthorityCalendar.DayOf(Clock.GetUtcNow());

    [Fact]
    public async Task A_project_lead_who_launches_a_pilot_acts_on_it_at_once_without_a_claim_in_the_token()
    {
        // Paul's token names no pilot (ApplicationApi binds him to nothing).
        var launched = await Post<StreamCreated>(DemoUsers.ProjectLead, "/api/pilots", new LaunchPilot("Relocation Service Magdeburg", "Landeshauptstadt Magdeburg",
            new Period(Today.AddMonths(-1), Today.AddMonths(11)), [new FundingSource("ESF+", FundingSourceKind.EuropeanSocialFund, 180_000m)],
            [PilotService.HousingSearch]), 201);

        await Post(DemoUsers.ProjectLead, $"/api/pilots/{launched.Id}/partners",
            new AddPilotPartner(launched.Version, "Daugavpils city council", "LV", "recruiting partner abroad", Today), 201);

        var paul = await Get<PersonView>(Admin, $"/api/admin/people/{DemoUsers.ProjectLead.Id}");
        var binding = paul.Bindings.ShouldHaveSingleItem();
        (binding.Kind, binding.TargetId, binding.By, binding.Reason).ShouldBe((BindingKind.Pilot, launched.Id, DemoUsers.ProjectLead.Id, "Launched the pilot project"));
        (await Get<MyBindings>(DemoUsers.ProjectLead, "/api/people/me")).Pilots.ShouldBe([launched.Id]);
    }

    [Fact]
    public async Task An_administrator_binds_a_person_to_an_organisation_the_token_does_not_name_and_a_revocation_outweighs_the_token()
    {
        var programme = await LaunchProgramme();
        var forTheChamber = new DraftApplication(ChamberId, programme, AllianceId, "Saalekreis", Plan(title: "IHK-Projekt"));
        await Post(Applicant, "/api/applications", forTheChamber, 403);

        // Anna's token names Haus Steinstraße only; the administrator binds her to the chamber too.
        var granted = await Post<CommandAccepted>(Admin, "/api/admin/people/bindings",
            new GrantBinding(0, Applicant.Id, BindingKind.Organisation, ChamberId, "Projektleitung für die IHK seit 1.3.2026"));
        granted.Version.ShouldBe(1);
        await Post(Applicant, "/api/applications", forTheChamber, 201);
        (await Get<MyBindings>(Applicant, "/api/people/me")).Organisations.ShouldBe([ChamberId, ApplicantId], ignoreOrder: true);

        // Revoking Haus Steinstraße, which only her token claims: from then on the claim is not believed.
        await Post(Admin, "/api/admin/people/binding-revocations",
            new RevokeBinding(1, Applicant.Id, BindingKind.Organisation, ApplicantId, "Hat den Träger zum 28.2.2026 verlassen"));
        await Post(Applicant, "/api/applications", new DraftApplication(ApplicantId, programme, AllianceId, "Halle (Saale)", Plan()), 403);
        (await Get<Page<ApplicationSummary>>(Applicant, "/api/applications")).Items.ShouldHaveSingleItem().Title.ShouldBe("IHK-Projekt");

        var anna = await Get<PersonView>(Admin, $"/api/admin/people/{Applicant.Id}");
        anna.Version.ShouldBe(2);
        anna.Bindings.ShouldHaveSingleItem().TargetId.ShouldBe(ChamberId);
        anna.Revoked.ShouldBe([new Binding(BindingKind.Organisation, ApplicantId)]);
        // Who and why, for auditors.
        var timeline = await Get<StreamTimeline>(DemoUsers.Auditor, $"/api/audit/streams/{anna.PersonId}/timeline");
        timeline.Kind.ShouldBe("person");
        timeline.Entries.Select(e => (e.EventType, e.UserId, e.Reason)).ShouldBe([
            ("binding_granted", Admin.Id, "Projektleitung für die IHK seit 1.3.2026"),
            ("binding_revoked", Admin.Id, "Hat den Träger zum 28.2.2026 verlassen"),
        ]);
    }

    [Fact]
    public async Task An_organisations_own_administrator_brings_a_colleague_in_and_lets_them_go_with_who_and_why()
    {
        var programme = await LaunchProgramme();
        var draft = new DraftApplication(ApplicantId, programme, AllianceId, "Halle (Saale)", Plan(title: "Projekt der Kollegin"));
        await Post(Colleague, "/api/applications", draft, 403);

        var granted = await Post<CommandAccepted>(OrganisationAdmin, "/api/admin/people/bindings",
            new GrantBinding(0, Colleague.Id, BindingKind.Organisation, ApplicantId, "Neue Projektleiterin seit 1.5.2026"));
        await Post(Colleague, "/api/applications", draft, 201);
        var carla = await Get<PersonView>(OrganisationAdmin, $"/api/admin/people/{Colleague.Id}");
        (carla.Version, carla.Bindings.ShouldHaveSingleItem().By).ShouldBe((granted.Version, OrganisationAdmin.Id));

        await Post(OrganisationAdmin, "/api/admin/people/binding-revocations",
            new RevokeBinding(granted.Version, Colleague.Id, BindingKind.Organisation, ApplicantId, "Elternzeit ab 1.7.2026"));
        await Post(Colleague, "/api/applications", draft, 403);
        (await Get<PersonView>(Admin, $"/api/admin/people/{Colleague.Id}")).Revoked.ShouldBe([new Binding(BindingKind.Organisation, ApplicantId)]);
    }

    [Fact]
    public async Task An_organisations_administrator_reaches_no_other_organisation_alliance_or_pilot_and_reads_only_their_own_bindings()
    {
        await Post(Admin, "/api/admin/people/bindings", new GrantBinding(0, Colleague.Id, BindingKind.Organisation, ChamberId, "Projekt der IHK"));
        var before = await EventCount();

        foreach (var (kind, target) in new[] { (BindingKind.Organisation, ChamberId), (BindingKind.Alliance, AllianceId), (BindingKind.Pilot, Guid.NewGuid()) })
        {
            await Post(OrganisationAdmin, "/api/admin/people/bindings", new GrantBinding(1, Colleague.Id, kind, target, "Versuch"), 403);
            await Post(OrganisationAdmin, "/api/admin/people/binding-revocations", new RevokeBinding(1, Colleague.Id, kind, target, "Versuch"), 403);
        }

        // Applicants of the organisation without the administrator's role bind nobody, not even to their own organisation.
        await Post(Applicant, "/api/admin/people/bindings", new GrantBinding(1, Colleague.Id, BindingKind.Organisation, ApplicantId, "Versuch"), 403);
        (await EventCount()).ShouldBe(before);

        // The binding to the chamber is none of Haus Steinstraße's business: the record shows its version, not the binding.
        var seen = await Get<PersonView>(OrganisationAdmin, $"/api/admin/people/{Colleague.Id}");
        (seen.Version, seen.Bindings.Count, seen.Revoked.Count).ShouldBe((1L, 0, 0));
        (await Get<PersonView>(Admin, $"/api/admin/people/{Colleague.Id}")).Bindings.ShouldHaveSingleItem().TargetId.ShouldBe(ChamberId);
    }

    [Fact]
    public async Task A_grant_names_a_person_an_existing_target_a_reason_and_the_current_version_or_appends_nothing()
    {
        var grant = new GrantBinding(0, Applicant.Id, BindingKind.Organisation, ChamberId, "Projektleitung");
        await Post(Admin, "/api/admin/people/bindings", grant);
        var before = await EventCount();

        (await ProblemOf(await Post(Admin, "/api/admin/people/bindings", grant with { ExpectedVersion = 1 }, 409))).Type
            .ShouldBe("urn:fachwerk:problem:person.already-bound");
        (await ProblemOf(await Post(Admin, "/api/admin/people/bindings", grant with { TargetId = ApplicantId }, 409))).Type
            .ShouldBe("urn:fachwerk:problem:stale-version");
        (await ProblemOf(await Post(Admin, "/api/admin/people/bindings", grant with { ExpectedVersion = 1, TargetId = Guid.NewGuid() }, 404))).Type
            .ShouldBe("urn:fachwerk:problem:person.unknown-binding-target");
        (await ValidationProblemOf(await Post(Admin, "/api/admin/people/bindings", grant with { Reason = "", UserId = "" }, 400))).Errors.Keys
            .ShouldBe(["userId", "reason"], ignoreOrder: true);
        await Post(Applicant, "/api/admin/people/bindings", grant with { UserId = Applicant.Id, ExpectedVersion = 1, TargetId = AllianceId }, 403);

        (await EventCount()).ShouldBe(before);
    }
}
