using System.Text.Json;
using System.Text.Json.Nodes;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Experts;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.Web.Api;

namespace Fachwerk.Host.Development.DemoWorld;

/// <summary>
/// Loads the demo world through the public HTTP API, with the same commands (and the same validation, rules and
/// metadata) the users would send, each as the role that sends it. Idempotent: what already exists (looked up by name
/// or title) is left alone. Business dates (payments needed, bookings) are taken from <paramref name="clock"/>, the service's clock.
/// </summary>
public sealed partial class DemoWorldSeeder(HttpClient api, DevelopmentTokenIssuer tokens, ILogger logger, TimeProvider? clock = null)
{
    private readonly FachwerkApiClient _api = new(api);

    private static readonly DemoUser Registrar = DemoUsers.Caseworker;

    /// <summary>A demo user acting for an organisation, alliance or pilot project (the token carries the binding).</summary>
    private sealed record Caller(DemoUser User, Guid? Organisation = null, Guid? Alliance = null, Guid? Pilot = null)
    {
        public static implicit operator Caller(DemoUser user) => new(user);
    }

    private readonly Dictionary<Caller, string> _tokens = [];

    private readonly Dictionary<string, Guid> _organisations = [];
    private readonly Dictionary<string, Guid> _alliances = [];
    private readonly Dictionary<string, Guid> _programmes = [];
    private int _commands;

    /// <summary>Seeds what is missing; returns the number of commands sent.</summary>
    public async Task<int> SeedAsync(CancellationToken cancellation)
    {
        _commands = 0;
        foreach (var organisation in DemoWorldData.Organisations)
            await EnsureOrganisationAsync(organisation, cancellation);
        foreach (var alliance in DemoWorldData.Alliances)
            await EnsureAllianceAsync(alliance, cancellation);
        await EnsureExpertsAsync(cancellation);
        foreach (var programme in DemoFundingData.Programmes)
            await EnsureProgrammeAsync(programme, cancellation);
        foreach (var application in DemoFundingData.Applications)
            await EnsureApplicationAsync(application, cancellation);
        foreach (var application in DemoFundingData.PersonApplications)
            await EnsurePersonApplicationAsync(application, cancellation);

        await SeedPilotsAsync(cancellation);
        await SeedNetworkAsync(cancellation);

        logger.LogInformation("Demo world: {Commands} commands sent", _commands);
        return _commands;
    }

    private async Task EnsureOrganisationAsync(DemoOrganisation organisation, CancellationToken cancellation)
    {
        var existing = await FindAsync<OrganisationDetails>(
            $"/api/organisations?name={Uri.EscapeDataString(organisation.Name)}", o => o.Name == organisation.Name, cancellation);
        _organisations[organisation.Name] = existing?.Id ?? (await SendAsync<StreamCreated>(Registrar, HttpMethod.Post, "/api/organisations",
            new RegisterOrganisation(organisation.Name, organisation.Kind, organisation.Town, "Demo world"), cancellation)).Id;
    }

    /// <summary>The directory of external experts: an administrator enters those not entered yet.</summary>
    private async Task EnsureExpertsAsync(CancellationToken cancellation)
    {
        var listed = Expect(await _api.GetAsync<IReadOnlyList<ExpertEntry>>("/api/experts", As(DemoUsers.Administrator), cancellation),
            HttpMethod.Get, "/api/experts")!;
        foreach (var expert in DemoExperts.All.Where(e => listed.All(l => l.UserId != e.UserId)))
            await SendAsync<StreamCreated>(DemoUsers.Administrator, HttpMethod.Post, "/api/experts", expert, cancellation);
    }

    private async Task EnsureAllianceAsync(DemoAlliance alliance, CancellationToken cancellation)
    {
        var existing = await FindAsync<AllianceSummary>(
            $"/api/alliances?name={Uri.EscapeDataString(alliance.Name)}", a => a.Name == alliance.Name, cancellation);
        if (existing is not null)
        {
            _alliances[alliance.Name] = existing.Id;
            return;
        }

        var founded = await SendAsync<StreamCreated>(Registrar, HttpMethod.Post, "/api/alliances",
            new FoundAlliance(alliance.Name, alliance.FederalState, alliance.Districts, alliance.CoordinatingOffice, alliance.FoundedOn), cancellation);
        _alliances[alliance.Name] = founded.Id;
        var url = founded.Url;
        var version = founded.Version;

        foreach (var recognition in alliance.Recognitions)
        {
            version = await ChangeAsync(Registrar, $"{url}/recognition",
                new RecognizeAlliance(version, recognition.Ministry, recognition.RecognizedOn, recognition.FundingPeriod), cancellation);
            if (recognition.EndedOn is { } ended)
                version = await ChangeAsync(Registrar, $"{url}/recognition/withdrawal",
                    new WithdrawAllianceRecognition(version, ended, recognition.EndReason!), cancellation);
        }

        version = await ChangeAsync(Registrar, $"{url}/target-groups", new FocusOnTargetGroups(version, alliance.TargetGroups), cancellation, HttpMethod.Put);
        foreach (var (organisation, joinedOn) in alliance.Members)
            version = await ChangeAsync(Registrar, $"{url}/members", new AdmitMember(version, _organisations[organisation], joinedOn), cancellation);
    }

    private async Task EnsureProgrammeAsync(DemoProgramme programme, CancellationToken cancellation)
    {
        var existing = await FindAsync<ProgrammeDetails>(
            $"/api/programmes?name={Uri.EscapeDataString(programme.Name)}", p => p.Name == programme.Name, cancellation);
        if (existing is not null)
        {
            _programmes[programme.Name] = existing.Id;
            return;
        }

        var launched = await SendAsync<StreamCreated>(Registrar, HttpMethod.Post, "/api/programmes",
            new LaunchProgramme(programme.Name, programme.Sources, programme.FundingPeriod, programme.TotalBudget, programme.Rules, "Demo world"),
            cancellation);
        _programmes[programme.Name] = launched.Id;
        var version = launched.Version;
        foreach (var (alliance, amount) in programme.PlanningBudgets)
            version = await ChangeAsync(Registrar, $"{launched.Url}/planning-budgets/{_alliances[alliance]}", new SetPlanningBudget(version, amount),
                cancellation, HttpMethod.Put);
        if (programme.PersonApplicants is var (kinds, retentionYears))
            version = await ChangeAsync(Registrar, $"{launched.Url}/person-applicants", new SetPersonApplicants(version, kinds, retentionYears),
                cancellation, HttpMethod.Put);
        if (programme.Form is { } form)
            version = await ChangeAsync(Registrar, $"{launched.Url}/application-form", new PublishApplicationForm(version, form), cancellation, HttpMethod.Put);
        if (programme is { Authority: { } authority, Eligibility: { } eligibility })
            version = await ChangeAsync(Registrar, $"{launched.Url}/eligibility", new SetProgrammeEligibility(version, authority, eligibility, "Demo world"),
                cancellation, HttpMethod.Put);
        if (programme.ReviewCriteria is { } criteria)
            version = await ChangeAsync(Registrar, $"{launched.Url}/review-criteria", new SetReviewCriteria(version, criteria, AllowsExternalExperts: programme.AllowsExternalExperts),
                cancellation, HttpMethod.Put);
        if (programme.OpenCall is { } call)
        {
            // Open on the day of seeding, so the demo applications are submitted inside its window.
            var today = AuthorityTime.DayOf((clock ?? TimeProvider.System).GetUtcNow());
            var from = today.AddDays(-call.OpenedDaysAgo) is var start && start < programme.FundingPeriod.From ? programme.FundingPeriod.From : start;
            var to = today.AddDays(call.OpenForDays) is var end && end > programme.FundingPeriod.To ? programme.FundingPeriod.To : end;
            if (today <= programme.FundingPeriod.To)
                await ChangeAsync(Registrar, $"{launched.Url}/calls", new OpenCall(version, $"{call.Name} {today.Year}", new Period(from, to), call.Budget),
                    cancellation);
        }
    }

    private async Task EnsureApplicationAsync(DemoApplication demo, CancellationToken cancellation)
    {
        var existing = await FindAsync<ApplicationSummary>(
            $"/api/applications?title={Uri.EscapeDataString(demo.Title)}", a => a.Title == demo.Title, cancellation);
        if (existing is not null) return;

        var plan = new ProjectPlan(demo.Title, demo.Description, demo.Duration, demo.TotalCosts, demo.Requested, demo.OwnContribution, 0m,
            demo.TargetGroups, demo.PlannedParticipants);
        var applicant = new Caller(DemoUsers.Applicant, Organisation: _organisations[demo.Applicant]);
        var reviewer = new Caller(DemoUsers.AllianceReviewer, Alliance: _alliances[demo.Alliance]);
        var drafted = await SendAsync<StreamCreated>(applicant, HttpMethod.Post, "/api/applications",
            new DraftApplication(_organisations[demo.Applicant], _programmes[demo.Programme], _alliances[demo.Alliance], demo.District, plan, Extra: demo.Extra), cancellation);
        var url = drafted.Url;
        var version = drafted.Version;
        if (demo.Stage == DemoStage.Draft) return;

        version = await ChangeAsync(applicant, $"{url}/submission", new SubmitApplication(version), cancellation);
        switch (demo.Stage)
        {
            case DemoStage.Submitted:
                return;
            case DemoStage.DocumentsRequested:
                await ChangeAsync(DemoUsers.Caseworker, $"{url}/document-requests",
                    new RequestDocuments(version, ["Satzung des Trägers", "Kosten- und Finanzierungsplan mit Eigenmittelnachweis"]), cancellation);
                return;
            case DemoStage.Withdrawn:
                await ChangeAsync(applicant, $"{url}/withdrawal", new WithdrawApplication(version, demo.Reason!), cancellation);
                return;
        }

        version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/formal-completeness", new CompleteFormally(version), cancellation);
        if (demo.Reviews is { } reviews)
            version = await ReviewAsync(url, version, demo, reviews, cancellation);
        if (demo.ExternalExpert is { } expert)
            version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/reviewers",
                new AssignReviewer(version, expert.Id, expert.DisplayName, External: true), cancellation);
        if (demo.VoteOnBehalfOf is { } voter)
            version = await ChangeAsync(reviewer, $"{url}/alliance-vote",
                new CastAllianceVote(version, _organisations[voter], demo.Stage != DemoStage.Rejected, demo.Stage == DemoStage.Rejected
                        ? "Kein Beitrag zur Fachkräftesicherung erkennbar."
                        : "Passt zur regionalen Fachkräftestrategie; Bedarf durch die Arbeitsmarktdaten belegt.",
                    new Dictionary<string, int> { ["Regionaler Bedarf"] = demo.Stage == DemoStage.Rejected ? 2 : 8, ["Nachhaltigkeit"] = 7 }, DeclaresNoConflictOfInterest: true),
                cancellation);
        if (demo.Stage is DemoStage.FormallyComplete or DemoStage.Voted) return;

        var proposal = demo.Stage == DemoStage.Rejected
            ? new ProposeDecision(version, DecisionKind.Reject, RejectionReason: demo.Reason)
            : new ProposeDecision(version, DecisionKind.Approve, demo.ApprovedAmount ?? demo.Requested,
                ["Zwischennachweis zum 30. April des Folgejahres", "Verwendungsnachweis binnen sechs Monaten nach Projektende"]);
        version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/decision-proposal", proposal, cancellation);
        if (demo.Stage == DemoStage.DecisionProposed) return;

        // The approval's money is committed by the budget workflow in the background.
        await ChangeAsync(DemoUsers.Approver, $"{url}/decision-confirmation", new ConfirmDecision(version), cancellation);
        if (demo.Funding is { } funding)
            await FundAsync(url, demo, funding, applicant, cancellation);
    }

    /// <summary>A person applies and submits; the caseworker finds it complete and proposes, the approver confirms; the grant's obligation follows.</summary>
    private async Task EnsurePersonApplicationAsync(DemoPersonApplication demo, CancellationToken cancellation)
    {
        var existing = await FindAsync<ApplicationSummary>(
            $"/api/applications?title={Uri.EscapeDataString(demo.Plan.Title)}", a => a.Title == demo.Plan.Title, cancellation);
        if (existing is not null) return;

        var drafted = await SendAsync<StreamCreated>(demo.User, HttpMethod.Post, "/api/applications/persons",
            new DraftPersonApplication(_programmes[demo.Programme], _alliances[demo.Alliance], demo.District, demo.Kind, demo.Plan, demo.PersonalData),
            cancellation);
        var url = drafted.Url;
        var version = await ChangeAsync(demo.User, $"{url}/submission", new SubmitApplication(drafted.Version), cancellation);
        version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/formal-completeness", new CompleteFormally(version), cancellation);
        version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/decision-proposal", new ProposeDecision(version, DecisionKind.Approve,
            demo.Plan.RequestedAmount, ["Verpflichtung zur hausärztlichen Tätigkeit im Landkreis nach der Facharztanerkennung"]), cancellation);
        await ChangeAsync(DemoUsers.Approver, $"{url}/decision-confirmation", new ConfirmDecision(version), cancellation);
        version = await ApprovedVersionAsync(url, cancellation);
        await ChangeAsync(DemoUsers.Caseworker, $"{url}/obligations", demo.Obligation with { ExpectedVersion = version }, cancellation);
    }

    /// <summary>The caseworker assigns each reviewer, who scores the programme's criteria (ADR 0093).</summary>
    private async Task<long> ReviewAsync(string url, long version, DemoApplication demo, IReadOnlyList<DemoReview> reviews, CancellationToken cancellation)
    {
        var criteria = DemoFundingData.Programmes.Single(p => p.Name == demo.Programme).ReviewCriteria!;
        foreach (var review in reviews)
            version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/reviewers", new AssignReviewer(version, review.Reviewer.Id, review.Reviewer.DisplayName),
                cancellation);
        foreach (var review in reviews)
        {
            var scores = criteria.Zip(review.Scores).ToDictionary(c => c.First.Name, c => c.Second);
            version = await ChangeAsync(new Caller(review.Reviewer, Alliance: _alliances[demo.Alliance]), $"{url}/review",
                new SubmitReview(version, scores, review.Comment, DeclaresNoConflictOfInterest: true), cancellation, HttpMethod.Put);
        }

        return version;
    }

    /// <summary>Payments, the final proof of use, its check and a reclaim, as the demo application's funding prescribes.</summary>
    private async Task FundAsync(string url, DemoApplication demo, DemoFunding funding, Caller applicant, CancellationToken cancellation)
    {
        var version = await ApprovedVersionAsync(url, cancellation);
        var today = AuthorityCalendar.DayOf((clock ?? TimeProvider.System).GetUtcNow());
        if (funding.Payments.Count > 0 && funding.PayeeIban is null)
            throw new InvalidOperationException($"Demo world: {demo.Title} releases payments and needs a confirmed payee account (ADR 0084).");
        if (funding.PayeeIban is { } iban)
        {
            var reason = demo.Applicant.EndsWith("e.V.", StringComparison.Ordinal) ? "Vereinskonto für Fördermittel" : "Konto für Fördermittel";
            version = await ChangeAsync(applicant, $"{url}/payee-account",
                new ProposePayeeAccount(version, iban, funding.PayeeBic, demo.Applicant, reason), cancellation);
            version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/payee-account/confirmation", new ConfirmPayeeAccount(version), cancellation);
        }

        if (funding.Amendment is { } amendment)
        {
            version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/amendments", new ProposeAmendment(version, amendment.Reason, today,
                Amount: amendment.Amount, Conditions: amendment.Conditions, CostPlan: amendment.CostPlan), cancellation);
            // A raise is committed by the budget workflow in the background, like the approval.
            await ChangeAsync(DemoUsers.Approver, $"{url}/amendments/confirmation", new ConfirmAmendment(version), cancellation);
            version = await AmendedVersionAsync(url, cancellation);
        }

        var number = 0;
        foreach (var amount in funding.Payments)
        {
            number++;
            version = await ChangeAsync(applicant, $"{url}/payment-requests",
                new RequestPayment(version, amount, today.AddDays(14), demo.TotalCosts), cancellation);
            version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/payment-requests/{number}/check", new CheckPaymentRequest(version), cancellation);
            version = await ChangeAsync(DemoUsers.SecondCaseworker, $"{url}/payment-requests/{number}/release", new ReleasePayment(version, today.AddDays(3)),
                cancellation);
        }

        if (funding.PendingRequest is { } pending)
            version = await ChangeAsync(applicant, $"{url}/payment-requests",
                new RequestPayment(version, pending, today.AddDays(30), demo.TotalCosts), cancellation);

        if (!funding.FinalProof) return;
        version = await ChangeAsync(applicant, $"{url}/proofs-of-use/final", new SubmitProofOfUse(version,
            "Das Projekt wurde wie geplant durchgeführt; Teilnehmende und Ergebnisse siehe Anlage.",
            new Dictionary<string, decimal> { ["Personal"] = demo.TotalCosts * 0.7m, ["Sachkosten"] = demo.TotalCosts * 0.3m },
            demo.OwnContribution, 0m, [new Receipt("dms://belegliste/" + Uri.EscapeDataString(demo.Title), demo.Duration.To, demo.TotalCosts * 0.3m, "Sachkosten")]),
            cancellation);
        version = await ChangeAsync(DemoUsers.Caseworker, $"{url}/proofs-of-use/final/first-check",
            new CompleteProofCheck(version, funding.Finding is null ? [] : [new Finding(funding.Finding, funding.Reclaim)]), cancellation);
        if (funding.Reclaim is { } reclaim)
            await ChangeAsync(DemoUsers.Caseworker, $"{url}/reclaims",
                new DemandReclaim(version, reclaim, funding.Finding ?? "Prüfungsfeststellung", today.AddDays(30)), cancellation);
    }

    /// <summary>The budget workflow approves in the background; wait (briefly) until it has, and return the version.</summary>
    private async Task<long> ApprovedVersionAsync(string url, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var details = Expect(await _api.GetAsync<ApplicationDetails>(url, As(Registrar), cancellation), HttpMethod.Get, url)!;
            if (details.Status == ApplicationStatus.Approved) return details.Version;
            if (details.Status != ApplicationStatus.AwaitingCommitment)
                throw new InvalidOperationException($"Demo world: {url} was not approved: {details.Status}.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation);
        }

        throw new TimeoutException($"Demo world: {url} is still waiting for its budget commitment.");
    }

    /// <summary>The budget workflow commits a raise in the background; wait (briefly) until the amendment is in force, and return the version.</summary>
    private async Task<long> AmendedVersionAsync(string url, CancellationToken cancellation)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            var details = Expect(await _api.GetAsync<ApplicationDetails>(url, As(Registrar), cancellation), HttpMethod.Get, url)!;
            if (details.PendingAmendment is null)
                return details.Amendments.LastOrDefault()?.Outcome == AmendmentOutcome.InForce
                    ? details.Version
                    : throw new InvalidOperationException($"Demo world: the amendment of {url} was not put in force.");
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation);
        }

        throw new TimeoutException($"Demo world: {url} is still waiting for its amendment's budget commitment.");
    }

    private async Task<T?> FindAsync<T>(string url, Func<T, bool> match, CancellationToken cancellation, DemoUser? user = null) =>
        Expect(await _api.GetAsync<Page<T>>(url, As(user ?? Registrar), cancellation), HttpMethod.Get, url)!.Items.FirstOrDefault(match);

    private async Task<long> ChangeAsync(Caller caller, string url, object command, CancellationToken cancellation, HttpMethod? method = null) =>
        (await SendAsync<CommandAccepted>(caller, method ?? HttpMethod.Post, url, command, cancellation)).Version;

    private async Task<T> SendAsync<T>(Caller caller, HttpMethod method, string url, object command, CancellationToken cancellation)
    {
        var answer = command is IChangeCommand
            ? await SendChangeAsync<T>(_api, method, url, JsonSerializer.SerializeToNode(command, command.GetType(), ApiJson.Options)!, As(caller), cancellation)
            : await _api.SendAsync<T>(method, url, command, As(caller), cancellation);
        var result = Expect(answer, method, url)!;
        _commands++;
        return result;
    }

    /// <summary>How often a change command is sent at most when it keeps meeting a newer version.</summary>
    public const int MaxAttempts = 4;

    /// <summary>
    /// Sends a change command (its body carries <c>expectedVersion</c>). Background steps append to the same application
    /// between two of the seeder's commands: the budget workflow, and the overdue flags of proofs that the demo's past
    /// projects owe. A person would read the application again and resend; so does the seeder: on a stale-version refusal
    /// it sends the command again with the version the refusal names, up to <see cref="MaxAttempts"/> times. Any other
    /// answer is returned as it is.
    /// </summary>
    public static async Task<ApiResult<T>> SendChangeAsync<T>(
        FachwerkApiClient api, HttpMethod method, string url, JsonNode body, ApiRequest request, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(body);
        for (var attempt = 1; ; attempt++)
        {
            var answer = await api.SendAsync<T>(method, url, body, request, cancellation);
            if (answer.Problem is not { IsStaleVersion: true, CurrentVersion: { } current } || attempt == MaxAttempts)
                return answer;
            body["expectedVersion"] = current;
        }
    }

    /// <summary>The caller's token (minted once per demo user and binding).</summary>
    private ApiRequest As(Caller caller)
    {
        if (!_tokens.TryGetValue(caller, out var token))
            _tokens[caller] = token = tokens.Mint(caller.User, caller.Organisation, caller.Alliance, caller.Pilot);
        return new ApiRequest(token);
    }

    private static T? Expect<T>(ApiResult<T> answer, HttpMethod method, string url) =>
        answer.IsSuccess
            ? answer.Value
            : throw new InvalidOperationException(
                $"Demo world: {method} {url} answered {answer.Problem!.Status}: {answer.Problem.Code} {answer.Problem.Detail} {string.Join("; ", answer.Problem.Errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}"))}");
}
