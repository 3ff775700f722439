using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Authentication;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// Applicants act only for their organisation and alliance reviewers only for their alliance, whatever the id they send.
/// The region of <see cref="ApplicationApi"/> has a second applicant organisation and a second alliance with its reviewer.
/// </summary>
public class IsolationTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly DemoUser OtherApplicant = DemoUsers.Applicant with { Id = "otto.ohnesorg", DisplayName = "Otto (IHK Halle-Dessau)" };
    private static readonly DemoUser OtherReviewer = DemoUsers.AllianceReviewer with { Id = "rita.region", DisplayName = "Rita (Seenplatte)" };

    private Guid _otherAlliance;

    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == OtherApplicant ? (ChamberId, null, null)
        : user == OtherReviewer ? (null, _otherAlliance, null)
        : base.BindingsOf(user, url);

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _otherAlliance = (await Post<StreamCreated>(Caseworker, "/api/alliances", new FoundAlliance("Fachkräftenetzwerk Mecklenburgische Seenplatte",
            FederalState.MecklenburgVorpommern, ["Mecklenburgische Seenplatte"], "Wirtschaftsförderung", new DateOnly(2018, 12, 20)), 201)).Id;
    }

    [Fact]
    public async Task An_applicant_neither_sees_nor_touches_another_organisations_application()
    {
        var programme = await LaunchProgramme();
        var mine = await Draft(programme);
        var before = await EventCount();

        await ProblemOf(await Host.Scenario(s =>
        {
            Authorize(s, OtherApplicant);
            s.Get.Url($"/api/applications/{mine}");
            s.StatusCodeShouldBe(403);
        }));
        (await ProblemOf(await Post(OtherApplicant, $"/api/applications/{mine}/submission", new SubmitApplication(1), 403))).Type
            .ShouldBe("urn:fachwerk:problem:forbidden");
        await Send(OtherApplicant, HttpMethod.Put, $"/api/applications/{mine}/plan", new AmendApplication(1, Plan()), 403);
        await Post(OtherApplicant, $"/api/applications/{mine}/withdrawal", new WithdrawApplication(1, "Sabotage"), 403);
        // Nor may it apply in the other organisation's name.
        await Post(OtherApplicant, "/api/applications", new DraftApplication(ApplicantId, programme, AllianceId, "Halle (Saale)", Plan()), 403);
        (await EventCount()).ShouldBe(before);

        var theirs = await Post<StreamCreated>(OtherApplicant, "/api/applications",
            new DraftApplication(ChamberId, programme, AllianceId, "Saalekreis", Plan(title: "IHK-Projekt")), 201);
        (await Get<Page<ApplicationSummary>>(OtherApplicant, "/api/applications")).Items.ShouldHaveSingleItem().Id.ShouldBe(theirs.Id);
        (await Get<Page<ApplicationSummary>>(Applicant, "/api/applications")).Items.ShouldHaveSingleItem().Id.ShouldBe(mine);
        (await Get<Page<InboxEntry>>(OtherApplicant, "/api/inbox")).Items.ShouldHaveSingleItem().ApplicationId.ShouldBe(theirs.Id);
        (await Get<Page<ApplicationSummary>>(Caseworker, "/api/applications")).TotalItems.ShouldBe(2);
        await Host.Scenario(s =>
        {
            Authorize(s, OtherApplicant);
            s.Get.Url($"/api/organisations/{ApplicantId}/de-minimis");
            s.StatusCodeShouldBe(403);
        });
    }

    [Fact]
    public async Task An_alliance_reviewer_votes_and_reads_only_within_the_own_alliance()
    {
        var programme = await LaunchProgramme();
        var id = await Submitted(programme);
        var version = await Act(Caseworker, id, "formal-completeness", new CompleteFormally(2));
        var before = await EventCount();

        (await ProblemOf(await Post(OtherReviewer, $"/api/applications/{id}/alliance-vote",
            new CastAllianceVote(version, ChamberId, true, "Fremdes Votum", DeclaresNoConflictOfInterest: true), 403))).Detail.ShouldNotBeNull().ShouldContain("own alliance");
        await Host.Scenario(s =>
        {
            Authorize(s, OtherReviewer);
            s.Get.Url($"/api/applications/{id}");
            s.StatusCodeShouldBe(403);
        });
        (await Get<Page<ApplicationSummary>>(OtherReviewer, "/api/applications")).Items.ShouldBeEmpty();
        (await Get<Page<InboxEntry>>(OtherReviewer, "/api/inbox")).Items.ShouldBeEmpty();
        // The dashboard of an alliance is its reviewers' and the funding authority's, not the neighbours'.
        await Host.Scenario(s =>
        {
            Authorize(s, OtherReviewer);
            s.Get.Url($"/api/alliances/{AllianceId}/pipeline");
            s.StatusCodeShouldBe(403);
        });
        (await Get<AlliancePipeline>(Reviewer, $"/api/alliances/{AllianceId}/pipeline")).Applications.ShouldBe(1);
        (await Get<AlliancePipeline>(OtherReviewer, $"/api/alliances/{_otherAlliance}/pipeline")).Applications.ShouldBe(0);
        (await EventCount()).ShouldBe(before);

        await Act(Reviewer, id, "alliance-vote", new CastAllianceVote(version, ChamberId, true, "Passt", DeclaresNoConflictOfInterest: true));
        (await Get<Page<ApplicationSummary>>(Reviewer, "/api/applications")).Items.ShouldHaveSingleItem().Status.ShouldBe(ApplicationStatus.AllianceVoted);
    }

    [Fact]
    public async Task A_caller_who_may_not_act_on_an_application_learns_nothing_of_its_version()
    {
        var programme = await LaunchProgramme();
        var mine = await Draft(programme);
        var before = await EventCount();

        // A stale version, and a current one: both answer 403, never 409 with the current version.
        foreach (var version in new long[] { 7, 1 })
        {
            var problem = await ProblemOf(await Post(OtherApplicant, $"/api/applications/{mine}/submission", new SubmitApplication(version), 403));
            problem.Type.ShouldBe("urn:fachwerk:problem:forbidden");
            problem.Extensions.ShouldNotContainKey("currentVersion");
        }

        // The applicant's own stale command still answers 409 with the current version.
        var stale = await ProblemOf(await Post(Applicant, $"/api/applications/{mine}/submission", new SubmitApplication(7), 409));
        stale.Type.ShouldBe("urn:fachwerk:problem:stale-version");
        stale.Extensions["currentVersion"].ShouldNotBeNull().ToString().ShouldBe("1");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task A_denial_is_written_to_the_security_log_with_who_what_and_from_where_but_no_other_personal_data()
    {
        var programme = await LaunchProgramme();
        var mine = await Draft(programme);

        await Post(OtherApplicant, $"/api/applications/{mine}/submission", new SubmitApplication(1), 403);
        await Post(DemoUsers.Auditor, "/api/organisations", new RegisterOrganisation("X", OrganisationKind.Company, "Y"), 403);

        var denials = Logs.Entries.Where(e => e.Category == SecurityLog.Category && e.EventId.Id == 4003).ToList();
        var binding = denials.Last(e => e.State["UserId"] == OtherApplicant.Id);
        binding.Level.ShouldBe(LogLevel.Warning);
        binding.State["Method"].ShouldBe("POST");
        binding.State["Path"].ShouldBe($"/api/applications/{mine}/submission");
        binding.State["Operation"].ShouldBe("POST /api/applications/{applicationId}/submission");
        binding.State["Network"].ShouldNotBeNullOrEmpty();
        binding.Message.ShouldNotContain(OtherApplicant.DisplayName);
        denials.ShouldContain(e => e.State["UserId"] == DemoUsers.Auditor.Id && e.State["Path"] == "/api/organisations");
    }
}
