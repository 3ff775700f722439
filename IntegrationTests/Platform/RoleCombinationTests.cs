using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// The access matrix with several roles in one account: each operation checks the binding of the role that permits it,
/// whatever other roles the user holds (<see cref="AccessMatrixTests"/> shows which roles may call what at all). An auditor
/// role lets nobody apply for any organisation, an approver role nobody vote for any alliance, and so on.
/// </summary>
public class RoleCombinationTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly DemoUser ApplicantAndAuditor = new("mia.mehrfach", "Mia (applicant, auditor)", [Roles.Applicant, Roles.Auditor]);
    private static readonly DemoUser ApplicantAndCaseworker = new("carl.doppel", "Carl (applicant, caseworker)", [Roles.Applicant, Roles.Caseworker]);
    private static readonly DemoUser ReviewerAndApprover = new("rea.zwei", "Rea (alliance reviewer, approver)", [Roles.AllianceReviewer, Roles.Approver]);
    private static readonly DemoUser LeadAndAuditor = new("leo.leitung", "Leo (project lead, auditor)", [Roles.ProjectLead, Roles.Auditor]);
    private static readonly DemoUser LeadAndApprover = new("lea.leitung", "Lea (project lead, approver)", [Roles.ProjectLead, Roles.Approver]);

    /// <summary>What each combined account's token claims in the current test.</summary>
    private readonly Dictionary<DemoUser, (Guid? Organisation, Guid? Alliance, Guid? Pilot)> _claims = [];

    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        _claims.TryGetValue(user, out var claims) ? claims : base.BindingsOf(user, url);

    [Fact]
    public async Task An_applicant_who_is_also_an_auditor_applies_only_for_the_own_organisation()
    {
        var programme = await LaunchProgramme();
        var forHausSteinstrasse = new DraftApplication(ApplicantId, programme, AllianceId, "Halle (Saale)", Plan());
        var before = await EventCount();

        // No organisation at all: the auditor role does not let her apply for anyone.
        await Post(ApplicantAndAuditor, "/api/applications", forHausSteinstrasse, 403);
        // Bound to the chamber: not for Haus Steinstraße either.
        _claims[ApplicantAndAuditor] = (ChamberId, null, null);
        await Post(ApplicantAndAuditor, "/api/applications", forHausSteinstrasse, 403);
        (await EventCount()).ShouldBe(before);

        await Post(ApplicantAndAuditor, "/api/applications", forHausSteinstrasse with { ApplicantId = ChamberId, District = "Saalekreis" }, 201);
        // Reading is the auditor's: every application.
        (await Get<Page<ApplicationSummary>>(ApplicantAndAuditor, "/api/applications")).TotalItems.ShouldBe(1);
    }

    [Fact]
    public async Task An_applicant_who_is_also_a_caseworker_does_not_withdraw_another_organisations_application()
    {
        var application = await Draft(await LaunchProgramme());
        _claims[ApplicantAndCaseworker] = (ChamberId, null, null);
        var before = await EventCount();

        await Post(ApplicantAndCaseworker, $"/api/applications/{application}/withdrawal", new WithdrawApplication(1, "Sabotage"), 403);
        await Send(ApplicantAndCaseworker, HttpMethod.Put, $"/api/applications/{application}/plan", new AmendApplication(1, Plan(title: "Fremd")), 403);

        (await EventCount()).ShouldBe(before);
        (await Details(application)).Status.ShouldBe(Fachwerk.Domain.Applications.ApplicationStatus.Draft);
    }

    [Fact]
    public async Task An_alliance_reviewer_who_is_also_an_approver_votes_only_for_the_own_alliance()
    {
        var (application, version) = await ReadyForDecision(await LaunchProgramme(), vote: false);
        var otherAlliance = (await Post<StreamCreated>(Caseworker, "/api/alliances", new FoundAlliance("Fachkräftenetzwerk Mecklenburgische Seenplatte",
            FederalState.MecklenburgVorpommern, ["Mecklenburgische Seenplatte"], "Wirtschaftsförderung", new DateOnly(2018, 12, 20)), 201)).Id;
        var vote = new CastAllianceVote(version, ChamberId, true, "Passt", DeclaresNoConflictOfInterest: true);
        var before = await EventCount();

        _claims[ReviewerAndApprover] = (null, otherAlliance, null);
        await Post(ReviewerAndApprover, $"/api/applications/{application}/alliance-vote", vote, 403);
        (await EventCount()).ShouldBe(before);

        _claims[ReviewerAndApprover] = (null, AllianceId, null);
        await Act(ReviewerAndApprover, application, "alliance-vote", vote);
    }

    [Fact]
    public async Task A_project_lead_who_is_also_an_auditor_erases_and_reads_personal_data_only_in_the_own_pilot()
    {
        // Paul launches the Magdeburg pilot and leads it from then on (his token names no pilot); Leo launches his own.
        var (pilot, version) = await Launch(DemoUsers.ProjectLead, "Relocation Service Magdeburg");
        var enrolled = await Post<PilotItemAdded>(DemoUsers.ProjectLead, $"/api/pilots/{pilot}/participants", new EnrolParticipant(version,
            ParticipantKind.SkilledWorker, Today, null, new ParticipantPersonalData("Jana", "Ozola", new DateOnly(1994, 5, 17), "LV", "jana@example.org")), 201);
        await Launch(LeadAndAuditor, "Welcome Center Halle");
        var erasure = new EraseParticipantData(enrolled.Version, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-1");
        var before = await EventCount();

        await Post(LeadAndAuditor, $"/api/pilots/{pilot}/participants/{enrolled.ItemId}/erasure", erasure, 403);
        (await EventCount()).ShouldBe(before);
        // Reading personal data is the auditor's right in every pilot, not the approver's.
        await Get<Page<ParticipantView>>(LeadAndAuditor, $"/api/pilots/{pilot}/participants");
        await Host.Scenario(s =>
        {
            Authorize(s, LeadAndApprover);
            s.Get.Url($"/api/pilots/{pilot}/participants");
            s.StatusCodeShouldBe(403);
        });

        await Post(DemoUsers.ProjectLead, $"/api/pilots/{pilot}/participants/{enrolled.ItemId}/erasure", erasure);
    }

    private DateOnly Today => AuthorityCalendar.DayOf(Clock.GetUtcNow());

    private async Task<(Guid Pilot, long Version)> Launch(DemoUser lead, string name)
    {
        var launched = await Post<StreamCreated>(lead, "/api/pilots", new LaunchPilot(name, "Landeshauptstadt", new Period(Today.AddMonths(-2), Today.AddMonths(10)),
            [new FundingSource("ESF+", FundingSourceKind.EuropeanSocialFund, 100_000m)], [PilotService.HousingSearch]), 201);
        return (launched.Id, launched.Version);
    }
}
