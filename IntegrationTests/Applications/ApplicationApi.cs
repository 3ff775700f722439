using Alba;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Marten.Events;
using Wolverine.Tracking;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// A region to apply in (a recognized alliance with an applicant and a chamber as members), and the requests that move an
/// application along, each as the role that sends it in reality.
/// </summary>
public abstract class ApplicationApi(AppFixture fixture) : IntegrationContext(fixture)
{
    protected static readonly DemoUser Applicant = DemoUsers.Applicant;
    protected static readonly DemoUser Caseworker = DemoUsers.Caseworker;
    protected static readonly DemoUser Approver = DemoUsers.Approver;
    protected static readonly DemoUser Reviewer = DemoUsers.AllianceReviewer;
    // Long enough for tests that move the clock forward by months.
    protected static readonly Period Esf = new(new DateOnly(2021, 1, 1), new DateOnly(2035, 12, 31));

    protected Guid AllianceId { get; private set; }
    protected Guid ApplicantId { get; private set; }
    protected Guid ChamberId { get; private set; }

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        ApplicantId = (await Post<StreamCreated>(Caseworker, "/api/organisations",
            new RegisterOrganisation("Haus Steinstraße e.V.", OrganisationKind.Association, "Leipzig"), 201)).Id;
        ChamberId = (await Post<StreamCreated>(Caseworker, "/api/organisations",
            new RegisterOrganisation("IHK Halle-Dessau", OrganisationKind.ChamberOfCommerce, "Halle (Saale)"), 201)).Id;
        var alliance = await Post<StreamCreated>(Caseworker, "/api/alliances", new FoundAlliance("Fachkräfteallianz Sachsen-Anhalt Süd",
            FederalState.SachsenAnhalt, ["Halle (Saale)", "Saalekreis"], "Geschäftsstelle Halle", new DateOnly(2016, 3, 1)), 201);
        AllianceId = alliance.Id;
        await Post(Caseworker, $"/api/alliances/{AllianceId}/recognition", new RecognizeAlliance(1, "MS Sachsen-Anhalt", new DateOnly(2021, 1, 1), Esf));
        await Post(Caseworker, $"/api/alliances/{AllianceId}/members", new AdmitMember(2, ChamberId, new DateOnly(2021, 2, 1)));
        await Post(Caseworker, $"/api/alliances/{AllianceId}/members", new AdmitMember(3, ApplicantId, new DateOnly(2021, 2, 1)));
    }

    /// <summary>The applicant acts for the region's applicant organisation, the reviewer for its alliance.</summary>
    protected override (Guid? Organisation, Guid? Alliance, Guid? Pilot) BindingsOf(DemoUser user, string? url) =>
        user == Applicant ? (ApplicantId, null, null) : user == Reviewer ? (null, AllianceId, null) : (null, null, null);

    protected static ProgrammeRules Rules(bool voteRequired = true, decimal maxRate = 0.8m, decimal? cap = 100_000m) =>
        new(maxRate, cap, voteRequired, DocumentDeadlineDays: 14, DeMinimis: false, DecisionReminderDays: 30);

    protected async Task<Guid> LaunchProgramme(decimal budget = 1_000_000m, ProgrammeRules? rules = null, IReadOnlyList<FundingSource>? sources = null) =>
        (await Post<StreamCreated>(Caseworker, "/api/programmes", new LaunchProgramme("Regionaler Arbeitsmarktkreis Mansfeld-Südharz",
            sources ?? [new FundingSource("Land Sachsen-Anhalt / ESF+", 0.8m), new FundingSource("Landkreis Mansfeld-Südharz", 0.2m)], Esf, budget,
            rules ?? Rules()), 201)).Id;

    /// <summary>A plan; without an own contribution given, it is a quarter of the request (an 80 % funding rate).</summary>
    protected static ProjectPlan Plan(decimal requested = 40_000m, decimal? own = null, string title = "Expedition Job", Period? duration = null) =>
        new(title, "Berufsorientierung im Handwerk für Jugendliche mit Migrationshintergrund",
            duration ?? new Period(new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31)), requested + (own ?? requested / 4), requested, own ?? requested / 4, 0m,
            [TargetGroup.YoungPeople, TargetGroup.PeopleWithMigrationBackground], 40);

    protected async Task<Guid> Draft(Guid programme, ProjectPlan? plan = null, DemoUser? user = null, string district = "Halle (Saale)") =>
        (await Post<StreamCreated>(user ?? Applicant, "/api/applications",
            new DraftApplication(ApplicantId, programme, AllianceId, district, plan ?? Plan()), 201)).Id;

    protected async Task<long> Act(DemoUser user, Guid application, string step, object body, int status = 200) =>
        (await Post<CommandAccepted>(user, $"/api/applications/{application}/{step}", body, status)).Version;

    /// <summary>The applicant proposes its account and a caseworker confirms it: payments can be released now (ADR 0084). Returns the version.</summary>
    protected async Task<long> PayeeConfirmed(Guid application, long version)
    {
        version = await Act(Applicant, application, "payee-account", new ProposePayeeAccount(version, "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Haus Steinstraße e.V."));
        return await Act(Caseworker, application, "payee-account/confirmation", new ConfirmPayeeAccount(version));
    }

    protected Task<ApplicationDetails> Details(Guid application) => Get<ApplicationDetails>(Caseworker, $"/api/applications/{application}");

    /// <summary>Drafted and submitted: version 2.</summary>
    protected async Task<Guid> Submitted(Guid programme, ProjectPlan? plan = null, string district = "Halle (Saale)")
    {
        var id = await Draft(programme, plan, district: district);
        await Act(Applicant, id, "submission", new SubmitApplication(1));
        return id;
    }

    /// <summary>Submitted and formally complete, voted on when the programme asks for it; returns the version.</summary>
    protected async Task<(Guid Id, long Version)> ReadyForDecision(Guid programme, bool vote = true, ProjectPlan? plan = null, string district = "Halle (Saale)")
    {
        var id = await Submitted(programme, plan, district);
        var version = await Act(Caseworker, id, "formal-completeness", new CompleteFormally(2));
        if (vote)
            version = await Act(Reviewer, id, "alliance-vote", new CastAllianceVote(version, ChamberId, true, "Fits the regional strategy",
                new Dictionary<string, int> { ["Bedarf"] = 8, ["Nachhaltigkeit"] = 7 }, DeclaresNoConflictOfInterest: true));
        return (id, version);
    }

    protected async Task<(Guid Id, long Version)> Proposed(Guid programme, decimal? amount = null, bool vote = true, ProjectPlan? plan = null)
    {
        var (id, version) = await ReadyForDecision(programme, vote, plan);
        version = await Act(Caseworker, id, "decision-proposal",
            new ProposeDecision(version, DecisionKind.Approve, amount ?? (plan ?? Plan()).RequestedAmount, ["Zwischenbericht zum 30. April"]));
        return (id, version);
    }

    /// <summary>Confirms as the approver and waits until the budget commitment workflow has finished.</summary>
    protected async Task<ITrackedSession> ConfirmAndWait(Guid application, long version, DemoUser? approver = null) =>
        await Host.ExecuteAndWaitAsync(async () =>
        {
            await Act(approver ?? Approver, application, "decision-confirmation", new ConfirmDecision(version));
        }, 60_000);

    protected async Task<ProgrammeBudgetView> Budget(Guid programme)
    {
        await CatchUpProjections();
        return await Get<ProgrammeBudgetView>(Caseworker, $"/api/programmes/{programme}/budget");
    }

    protected Task<Page<InboxEntry>> Inbox(DemoUser user, string query = "") => Get<Page<InboxEntry>>(user, "/api/inbox" + query);
}
