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

namespace Fachwerk.Benchmarks.Workload;

/// <summary>
/// A region for the command load, set up through the API as a caseworker would: applicant organisations and a chamber that
/// votes for the alliance, the recognised alliance, and a programme that asks for the alliance's vote; plus a token per role.
/// </summary>
public sealed class CommandWorld
{
    public static readonly Period Esf = new(new DateOnly(2021, 1, 1), new DateOnly(2035, 12, 31));
    public static readonly string[] Districts = ["Halle (Saale)", "Saalekreis", "Mansfeld-Südharz"];

    private CommandWorld(FachwerkApi api) => Api = api;

    public FachwerkApi Api { get; }
    public Guid AllianceId { get; private set; }
    public Guid ChamberId { get; private set; }
    public IReadOnlyList<Guid> ProgrammeIds { get; private set; } = [];
    public IReadOnlyList<(Guid Organisation, string Token)> Applicants { get; private set; } = [];
    public string Caseworker { get; private set; } = "";
    public string Approver { get; private set; } = "";
    public string Reviewer { get; private set; } = "";

    /// <summary>The demo users who apply, one per applicant organisation.</summary>
    public static readonly IReadOnlyList<DemoUser> ApplicantPeople = [.. DemoUsers.All.Where(u => u.Roles.Contains(Roles.Applicant))];

    /// <summary>
    /// Creates the region; <paramref name="applicants"/> organisations apply, each through a person of its own (at most
    /// <see cref="ApplicantPeople"/>); <paramref name="programmes"/> programmes spread the budget workflow's commitments.
    /// </summary>
    public static async Task<CommandWorld> SetUpAsync(FachwerkApi api, int applicants, int programmes, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(api);
        // As in reality, a person's token names the same organisation at every request. One person whose tokens named eight
        // organisations in turn had their profile (UserProfiles) rewritten at almost every request they made, work no deployment does.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(applicants, ApplicantPeople.Count);
        var world = new CommandWorld(api);
        var caseworker = await api.TokenAsync(DemoUsers.Caseworker.Id, cancellation: cancellation);
        world.Caseworker = caseworker;
        world.Approver = await api.TokenAsync(DemoUsers.Approver.Id, cancellation: cancellation);

        world.ChamberId = (await api.CommandAsync<StreamCreated>(caseworker, "/api/organisations",
            new RegisterOrganisation($"IHK Halle-Dessau {Guid.NewGuid():N}"[..30], OrganisationKind.ChamberOfCommerce, "Halle (Saale)"), cancellation)).Id;
        var organisations = new List<Guid>();
        for (var i = 0; i < applicants; i++)
        {
            organisations.Add((await api.CommandAsync<StreamCreated>(caseworker, "/api/organisations",
                new RegisterOrganisation($"Bildungsträger {i + 1} {Guid.NewGuid():N}"[..30], OrganisationKind.Association, "Halle (Saale)"), cancellation)).Id);
        }

        var alliance = await api.CommandAsync<StreamCreated>(caseworker, "/api/alliances", new FoundAlliance(
            $"Fachkräfteallianz Süd {Guid.NewGuid():N}"[..36], FederalState.SachsenAnhalt, Districts, "Geschäftsstelle Halle", new DateOnly(2016, 3, 1)), cancellation);
        world.AllianceId = alliance.Id;
        var version = (await api.CommandAsync<CommandAccepted>(caseworker, $"/api/alliances/{alliance.Id}/recognition",
            new RecognizeAlliance(1, "MS Sachsen-Anhalt", new DateOnly(2021, 1, 1), Esf), cancellation)).Version;
        foreach (var member in organisations.Prepend(world.ChamberId))
        {
            version = (await api.CommandAsync<CommandAccepted>(caseworker, $"/api/alliances/{alliance.Id}/members",
                new AdmitMember(version, member, new DateOnly(2021, 2, 1)), cancellation)).Version;
        }

        var programmeIds = new List<Guid>();
        for (var i = 0; i < programmes; i++)
        {
            programmeIds.Add((await api.CommandAsync<StreamCreated>(caseworker, "/api/programmes", new LaunchProgramme(
                $"Regionaler Arbeitsmarktkreis {i + 1}",
                [new FundingSource("Land Sachsen-Anhalt / ESF+", 0.8m), new FundingSource("Landkreis", 0.2m)], Esf, 10_000_000_000m,
                new ProgrammeRules(0.8m, 100_000m, AllianceVoteRequired: true, DocumentDeadlineDays: 14, DeMinimis: false, DecisionReminderDays: 30)),
                cancellation)).Id);
        }

        world.ProgrammeIds = programmeIds;
        world.Reviewer = await api.TokenAsync(DemoUsers.AllianceReviewer.Id, allianceId: alliance.Id, cancellation: cancellation);
        var tokens = new List<(Guid, string)>();
        foreach (var (organisation, person) in organisations.Zip(ApplicantPeople))
            tokens.Add((organisation, await api.TokenAsync(person.Id, organisationId: organisation, cancellation: cancellation)));
        world.Applicants = tokens;
        return world;
    }

    public static ProjectPlan Plan(int number) =>
        new($"Expedition Job {number}", "Berufsorientierung im Handwerk für Jugendliche mit Migrationshintergrund",
            new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31)), 50_000m, 40_000m, 10_000m, 0m,
            [TargetGroup.YoungPeople, TargetGroup.PeopleWithMigrationBackground], 40);
}

/// <summary>
/// One application moved through the workflow, one command per step, each by the role that sends it in reality: the
/// applicant drafts and submits, the caseworker asks for documents, the applicant supplies them, the caseworker finds it
/// complete, the alliance votes, the caseworker proposes, the approver confirms (which starts the budget workflow).
/// </summary>
public sealed class CommandCase(CommandWorld world, int number)
{
    public const int Steps = 8;

    /// <summary>The kind of command each step sends.</summary>
    public static readonly IReadOnlyList<string> Kinds =
        ["draft", "submit", "request documents", "supply documents", "formal completeness", "alliance vote", "proposal", "confirmation"];

    private Guid _id;
    private long _version;

    public int Step { get; private set; }

    public bool Finished => Step >= Steps;

    /// <summary>The kind of command <see cref="NextAsync"/> sends next.</summary>
    public string NextKind => Kinds[Math.Min(Step, Steps - 1)];

    /// <summary>Sends the next command; true when it was accepted.</summary>
    public async Task<bool> NextAsync(CancellationToken cancellation)
    {
        var (organisation, applicant) = world.Applicants[number % world.Applicants.Count];
        var api = world.Api;
        if (Step == 0)
        {
            var programme = world.ProgrammeIds[number % world.ProgrammeIds.Count];
            var (status, created) = await api.SendAsync<StreamCreated>(applicant, "/api/applications",
                new DraftApplication(organisation, programme, world.AllianceId, CommandWorld.Districts[number % CommandWorld.Districts.Length],
                    CommandWorld.Plan(number)), cancellation);
            if (created is null) return Failed(status);
            (_id, _version) = (created.Id, created.Version);
            Step++;
            return true;
        }

        var (token, step, command) = Step switch
        {
            1 => (applicant, "submission", (object)new SubmitApplication(_version)),
            2 => (world.Caseworker, "document-requests", new RequestDocuments(_version, ["Kooperationsvereinbarung mit der Kammer"])),
            3 => (applicant, "document-supplies", new SupplyDocuments(_version, [$"dms://antrag-{number}/kooperationsvereinbarung"])),
            4 => (world.Caseworker, "formal-completeness", new CompleteFormally(_version)),
            5 => (world.Reviewer, "alliance-vote", new CastAllianceVote(_version, world.ChamberId, true, "Passt zur regionalen Fachkräftestrategie",
                new Dictionary<string, int> { ["Bedarf"] = 8, ["Nachhaltigkeit"] = 7 }, DeclaresNoConflictOfInterest: true)),
            6 => (world.Caseworker, "decision-proposal", new ProposeDecision(_version, DecisionKind.Approve, 40_000m, ["Zwischenbericht zum 30. April"])),
            _ => (world.Approver, "decision-confirmation", new ConfirmDecision(_version)),
        };
        var (answer, accepted) = await api.SendAsync<CommandAccepted>(token, $"/api/applications/{_id}/{step}", command, cancellation);
        if (accepted is null) return Failed(answer);
        _version = accepted.Version;
        Step++;
        return true;
    }

    /// <summary>The last refusal, for the report (a benchmark that hides failed commands measures nothing).</summary>
    public static System.Net.HttpStatusCode? LastFailure { get; private set; }

    private static bool Failed(System.Net.HttpStatusCode status)
    {
        LastFailure = status;
        return false;
    }
}
