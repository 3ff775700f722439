using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;
using static Fachwerk.Domain.Programmes.ProgrammeDecider;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// Pure decisions along the lifecycle of a funding application:
/// Draft → Submitted → (DocumentsRequested → Submitted)* → FormallyComplete → AllianceVoted → DecisionProposed
/// → (DecisionReturned →)* AwaitingCommitment → Approved | ApprovalBlocked, or Rejected; Withdrawn and Lapsed on the way.
/// </summary>
public static class ApplicationDecider
{
    public static ApplicationDrafted Draft(
        Guid applicationId, Organisation applicant, FundingProgramme programme, Alliance alliance, string district, ProjectPlan plan,
        Stamp stamp, IReadOnlyDictionary<string, string?>? extra = null)
    {
        if (alliance.Status == AllianceStatus.Dissolved)
            throw new RuleViolation("application.alliance-dissolved", $"Alliance '{alliance.Name}' is dissolved and takes no applications.");
        if (!alliance.Covers(district))
            throw new RuleViolation("application.district-not-covered",
                $"Alliance '{alliance.Name}' covers {string.Join(", ", alliance.Districts)}, not '{district}'.");
        EnsureEligible(programme, alliance);
        EnsureSound(plan);
        var extraData = ExtraDataDecider.ForDraft(programme, extra);

        return new ApplicationDrafted(applicationId, applicant.Id, applicant.Name, programme.Id, programme.Name, alliance.Id, alliance.Name,
            alliance.Districts.First(d => string.Equals(d, district.Trim(), StringComparison.OrdinalIgnoreCase)), Trimmed(plan), stamp.By, stamp.At,
            extraData);
    }

    /// <summary>The applicant may change the plan until the application is formally complete; a submitted one must still meet the rules.</summary>
    public static ApplicationAmended Amend(FundingApplication application, FundingProgramme programme, ProjectPlan plan, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.DocumentsRequested))
            throw Illegal(application, "amended", "only until it is formally complete");
        EnsureSound(plan);
        if (application.Status != ApplicationStatus.Draft)
            EnsureWithinRules(plan, programme);
        return new ApplicationAmended(application.Id, Trimmed(plan), stamp.By, stamp.At);
    }

    /// <summary>
    /// Submits the draft: within the funding period, for an alliance the programme accepts, and, when the programme runs calls, within
    /// an open call's window (<paramref name="submittedOn"/> is the German calendar day of the submission).
    /// </summary>
    public static ApplicationSubmitted Submit(FundingApplication application, FundingProgramme programme, Alliance alliance, DateOnly submittedOn, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        if (application.Status != ApplicationStatus.Draft)
            throw Illegal(application, "submitted", "only as a draft");
        var today = AuthorityCalendar.DayOf(stamp.At);
        if (!programme.FundingPeriod.Contains(today))
            throw new RuleViolation("application.programme-closed",
                $"{programme.Name} takes applications from {programme.FundingPeriod.From:yyyy-MM-dd} to {programme.FundingPeriod.To:yyyy-MM-dd}.");
        if (alliance.Id != application.AllianceId)
            throw new InvalidOperationException($"Application {application.Id} names alliance {application.AllianceId}, not {alliance.Id}.");
        EnsureEligible(programme, alliance);
        var call = CallTakingSubmissions(programme, submittedOn, stamp.At);
        EnsureWithinRules(application.Plan, programme);
        ExtraDataDecider.EnsureComplete(application, programme);

        var rules = programme.Rules;
        return new ApplicationSubmitted(application.Id,
            new SubmissionTerms(rules.AllianceVoteRequired, rules.DocumentDeadlineDays, rules.DecisionReminderDays, rules.DeMinimis), stamp.By, stamp.At,
            call is null ? null : new SubmittedToCall(call.Call.Number, call.Call.Name, call.DaysLate));
    }

    public static DocumentsRequested RequestDocuments(FundingApplication application, IReadOnlyList<string> documents, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        if (application.Status != ApplicationStatus.Submitted)
            throw Illegal(application, "asked for documents", "only while it is being checked for completeness");
        if (documents.Count == 0)
            throw new RuleViolation("application.no-documents", "Name at least one missing document.");
        return new DocumentsRequested(application.Id, application.DocumentRequests + 1, [.. documents.Select(d => d.Trim())],
            stamp.At.AddDays(application.Terms!.DocumentDeadlineDays), stamp.By, stamp.At);
    }

    public static DocumentsSupplied SupplyDocuments(FundingApplication application, IReadOnlyList<string> references, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        if (application.Status != ApplicationStatus.DocumentsRequested)
            throw Illegal(application, "given documents", "only when documents were requested");
        var request = application.OpenDocumentRequest!;
        if (stamp.At > request.DueBy)
            throw new RuleViolation("application.document-deadline-passed",
                $"The documents were due by {request.DueBy:yyyy-MM-dd HH:mm} UTC; the application lapses.");
        if (references.Count == 0)
            throw new RuleViolation("application.no-documents", "Supply at least one document.");
        return new DocumentsSupplied(application.Id, request.Number, [.. references.Select(r => r.Trim())], stamp.By, stamp.At);
    }

    /// <summary>
    /// The applicant attaches a stored document, optionally answering item <paramref name="item"/> of the open document request
    /// <paramref name="requestNumber"/>. The upload that answers the last unanswered item of the request also supplies the request
    /// (<see cref="DocumentsSupplied"/>, naming the documents that answer its items), so the case goes back to the caseworker.
    /// </summary>
    public static IReadOnlyList<object> AttachDocument(
        FundingApplication application, StoredDocument document, DocumentKind kind, int? requestNumber, int? item, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        if (application.IsClosed)
            throw Illegal(application, "given documents", "once it is closed");
        if (requestNumber is null && item is null)
            return [new DocumentAttached(application.Id, document.DocumentId, document.FileName, document.MediaType, document.Size, document.Sha256,
                kind, null, stamp.By, stamp.At)];

        if (application.OpenDocumentRequest is not { } request || request.Number != requestNumber)
            throw new RuleViolation("application.no-open-document-request",
                $"Document request {requestNumber} is not open on this application; upload without a request number, or answer the open request.");
        if (item is not { } position || position < 1 || position > request.Documents.Count)
            throw new RuleViolation("application.unknown-request-item",
                $"Document request {request.Number} has items 1 to {request.Documents.Count}; name the item this upload answers.");
        if (stamp.At > request.DueBy)
            throw new RuleViolation("application.document-deadline-passed",
                $"The documents were due by {request.DueBy:yyyy-MM-dd HH:mm} UTC; the application lapses.");

        var attached = new DocumentAttached(application.Id, document.DocumentId, document.FileName, document.MediaType, document.Size, document.Sha256,
            kind, new DocumentRequestItem(request.Number, position, request.Documents[position - 1]), stamp.By, stamp.At);
        var answers = request.Answers.SetItem(position, document.DocumentId);
        return answers.Count < request.Documents.Count
            ? [attached]
            : [attached, new DocumentsSupplied(application.Id, request.Number,
                [.. answers.OrderBy(a => a.Key).Select(a => a.Value.ToString())], stamp.By, stamp.At)];
    }

    /// <summary>
    /// Attaches the decision letter generated from the approval (ADR 0104): once per application, and only to an approved one. A
    /// second delivery of the same request finds the letter attached and appends nothing.
    /// </summary>
    public static IReadOnlyList<object> AttachDecisionLetter(FundingApplication application, StoredDocument letter, Stamp stamp) =>
        application.DecisionLetter is null && (application.ApprovedAmount is not null || application.Status == ApplicationStatus.Rejected)
            ? [new DocumentAttached(application.Id, letter.DocumentId, letter.FileName, letter.MediaType, letter.Size, letter.Sha256,
                DocumentKind.DecisionLetter, null, stamp.By, stamp.At)]
            : [];

    /// <summary>
    /// The document deadline of request <paramref name="requestNumber"/> has come: the application lapses if that request is
    /// still open and overdue. Anything else (documents supplied, a later request, early or repeated delivery) changes nothing.
    /// </summary>
    public static IReadOnlyList<object> LapseIfDocumentsMissing(FundingApplication application, int requestNumber, Stamp stamp) =>
        application is { Status: ApplicationStatus.DocumentsRequested, OpenDocumentRequest: { } request }
        && request.Number == requestNumber && stamp.At >= request.DueBy
            ? [new ApplicationLapsed(application.Id, requestNumber, request.DueBy, stamp.By, stamp.At)]
            : [];

    public static ApplicationFormallyCompleted CompleteFormally(FundingApplication application, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        if (application.Status != ApplicationStatus.Submitted)
            throw Illegal(application, "marked formally complete",
                application.Status == ApplicationStatus.DocumentsRequested ? "while requested documents are missing" : "only after submission");
        return new ApplicationFormallyCompleted(application.Id, stamp.At.AddDays(application.Terms!.DecisionReminderDays), stamp.By, stamp.At);
    }

    /// <summary>
    /// The alliance of the region votes: only a recognized alliance that covers the application's district, on behalf of one of its
    /// current members, and never on behalf of the applicant itself (conflict of interest).
    /// </summary>
    public static AllianceVoteCast CastVote(FundingApplication application, Alliance alliance, Votum votum, long basedOnVersion, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var onBehalfOf = votum.OnBehalfOf;
        if (application.Status != ApplicationStatus.FormallyComplete)
            throw Illegal(application, "voted on", application.Vote is null ? "only once it is formally complete" : "twice");
        if (alliance.Id != application.AllianceId)
            throw new RuleViolation("application.wrong-alliance", $"Alliance '{alliance.Name}' is not the alliance of this application's region.");
        if (alliance.Status != AllianceStatus.Recognized)
            throw new RuleViolation("application.alliance-not-recognized", $"Alliance '{alliance.Name}' is not recognized and cannot vote.");
        if (!alliance.Covers(application.District))
            throw new RuleViolation("application.district-not-covered",
                $"Alliance '{alliance.Name}' no longer covers '{application.District}'.");
        if (!alliance.Members.TryGetValue(onBehalfOf, out var member))
            throw new RuleViolation("application.voter-not-a-member", $"Organisation {onBehalfOf} is not a member of '{alliance.Name}'.");
        if (onBehalfOf == application.ApplicantId)
            throw new RuleViolation("application.conflict-of-interest",
                $"'{member.OrganisationName}' is the applicant and may not vote on its own application.");

        return new AllianceVoteCast(application.Id, alliance.Id, onBehalfOf, votum.Recommends, votum.Reasons.Trim(), votum.Scores, basedOnVersion,
            stamp.By, stamp.At, votum.DeclaredNoConflictOfInterest);
    }

    /// <summary>
    /// Proposes to approve on <paramref name="terms"/>: an amount of at most the requested one, a retained final instalment of
    /// at most that amount, interim proofs due within the project and before the final proof, and at most
    /// <see cref="ObligationDecider.MaxPerApproval"/> obligations, each keeping the obligation rules (ADR 0126).
    /// </summary>
    public static DecisionProposed ProposeApproval(FundingApplication application, ApprovalTerms terms, long basedOnVersion, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        EnsureReadyForProposal(application);
        var (amount, conditions, planningExceedanceReason, retainedFinalInstalment, interimProofDueDates, obligations) = terms;
        if (amount <= 0 || amount > application.Plan.RequestedAmount)
            throw new RuleViolation("application.amount-out-of-range",
                $"An approval grants more than 0 EUR and at most the requested {Eur(application.Plan.RequestedAmount)}; proposed: {Eur(amount)}.");
        if (retainedFinalInstalment < 0 || retainedFinalInstalment > amount)
            throw new RuleViolation("application.retention-out-of-range",
                $"The retained final instalment lies between 0 EUR and the approved {Eur(amount)}; proposed: {Eur(retainedFinalInstalment)}.");
        var finalDue = application.Plan.Duration.To.AddMonths(6);
        if (interimProofDueDates?.FirstOrDefault(d => d <= application.Plan.Duration.From || d >= finalDue) is { } outside && outside != default)
            throw new RuleViolation("application.proof-date-out-of-range",
                $"Interim proofs of use fall due after the project starts ({application.Plan.Duration.From:yyyy-MM-dd}) and before the final proof " +
                $"({finalDue:yyyy-MM-dd}); {outside:yyyy-MM-dd} does not.");
        if (obligations is { Count: > ObligationDecider.MaxPerApproval })
            throw new RuleViolation("obligation.too-many", $"An approval imposes at most {ObligationDecider.MaxPerApproval} obligations; {obligations.Count} proposed.");
        return new DecisionProposed(application.Id, application.Proposals + 1, DecisionKind.Approve, amount,
            [.. conditions.Select(c => c.Trim())], null, Blank(planningExceedanceReason), basedOnVersion, stamp.By, stamp.At,
            retainedFinalInstalment, interimProofDueDates is { Count: > 0 } ? [.. interimProofDueDates.Order()] : null,
            obligations is { Count: > 0 } ? [.. obligations.Select(ObligationDecider.Checked)] : null);
    }

    /// <summary>In a de-minimis programme, an approval that would break the applicant's ceiling is refused with the computation.</summary>
    public static void EnsureWithinDeMinimis(FundingApplication application, Organisation applicant, decimal amount, DateOnly grantedOn)
    {
        if (application.Terms?.DeMinimis != true) return;
        var check = DeMinimis.Check(applicant, application.Id, amount, grantedOn);
        if (!check.Allowed)
            throw new RuleViolation("application.de-minimis-ceiling", check.Computation);
    }

    public static DecisionProposed ProposeRejection(FundingApplication application, string reason, long basedOnVersion, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        EnsureReadyForProposal(application);
        return new DecisionProposed(application.Id, application.Proposals + 1, DecisionKind.Reject, null, [], reason.Trim(), null,
            basedOnVersion, stamp.By, stamp.At);
    }

    /// <summary>
    /// A second person confirms the proposal (four-eyes). A rejection ends the application; an approval
    /// waits for the budget commitment workflow.
    /// </summary>
    public static IReadOnlyList<object> ConfirmDecision(FundingApplication application, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var proposal = EnsureProposed(application, "confirmed");
        if (string.Equals(proposal.ProposedBy, stamp.By, StringComparison.OrdinalIgnoreCase))
            throw new RuleViolation(Duties.DecisionFourEyes,
                "The person who proposed a decision cannot confirm it; a second person must (four-eyes principle).");

        var confirmed = new DecisionConfirmed(application.Id, proposal.Number, proposal.Kind, proposal.Amount, proposal.ProposedBy, stamp.By, stamp.At);
        return proposal.Kind == DecisionKind.Reject
            ? [confirmed, new ApplicationRejected(application.Id, proposal.Reason!, stamp.By, stamp.At)]
            : [confirmed];
    }

    public static DecisionReturned ReturnDecision(FundingApplication application, string reason, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        var proposal = EnsureProposed(application, "returned");
        return new DecisionReturned(application.Id, proposal.Number, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>The applicant withdraws; after an approval this renounces the funding and its commitment is released.</summary>
    public static ApplicationWithdrawn Withdraw(FundingApplication application, string reason, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForApplicant(application, stamp);
        if (application.IsClosed || application.Status == ApplicationStatus.ReclaimDemanded)
            throw Illegal(application, "withdrawn", "once it is closed or being reclaimed");
        if (application.Funding is { Paid: > 0 } funding)
            throw new RuleViolation("application.payments-made",
                $"{Eur(funding.Paid)} has been paid out; the grant is revoked by a reclaim, not a withdrawal.");
        return new ApplicationWithdrawn(application.Id, application.Status, reason.Trim(), stamp.By, stamp.At);
    }

    public static ApprovedAmountReduced ReduceApprovedAmount(FundingApplication application, decimal amount, string reason, Stamp stamp)
    {
        SeparationOfDuties.EnsureMayActForAuthority(application, stamp);
        if (application.Status != ApplicationStatus.Approved)
            throw Illegal(application, "given a lower approved amount", "only once approved");
        if (amount <= 0 || amount >= application.ApprovedAmount)
            throw new RuleViolation("application.amount-out-of-range",
                $"A reduction lowers the approved {Eur(application.ApprovedAmount!.Value)} to more than 0 EUR; proposed: {Eur(amount)}.");
        var committed = application.Funding!.NetPaid + application.Funding.Pending;
        if (amount < committed)
            throw new RuleViolation("application.amount-below-payments",
                $"{Eur(committed)} is paid or requested already; the approved amount cannot fall below it (reclaim instead).");
        return new ApprovedAmountReduced(application.Id, application.ApprovedAmount!.Value, amount, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>The decision is overdue: raise the reminder once, if the application still waits for a decision.</summary>
    public static IReadOnlyList<object> RemindOfPendingDecision(FundingApplication application, Stamp stamp) =>
        application is { IsAwaitingDecision: true, ReminderRaised: false, DecisionDueBy: { } dueBy } && stamp.At >= dueBy
            ? [new DecisionReminderRaised(application.Id, dueBy, stamp.By, stamp.At)]
            : [];

    /// <summary>
    /// The financing rules of the programme: the plan balances, the funding rate and the cap are kept, and the
    /// applicant's own contribution is at least 100 % minus the maximum funding rate. The refusal shows the computation.
    /// </summary>
    public static void EnsureWithinRules(ProjectPlan plan, FundingProgramme programme)
    {
        var rules = programme.Rules;
        if (plan.Duration.To > programme.FundingPeriod.To)
            throw new RuleViolation("application.duration-beyond-programme",
                $"The project runs until {plan.Duration.To:yyyy-MM-dd}; {programme.Name} funds until {programme.FundingPeriod.To:yyyy-MM-dd}.");
        var fundingRate = plan.RequestedAmount / plan.TotalCosts;
        if (fundingRate > rules.MaxFundingRate)
            throw new RuleViolation("application.funding-rate-exceeded",
                $"{Eur(plan.RequestedAmount)} requested of {Eur(plan.TotalCosts)} eligible costs is a funding rate of {Percent(Math.Round(fundingRate, 4))}; " +
                $"{programme.Name} funds at most {Percent(rules.MaxFundingRate)}.");
        var minimumOwn = Math.Round(plan.TotalCosts * (1 - rules.MaxFundingRate), 2, MidpointRounding.AwayFromZero);
        if (plan.OwnContribution < minimumOwn)
            throw new RuleViolation("application.own-share-too-low",
                $"The own contribution of {Eur(plan.OwnContribution)} is below the minimum of {Eur(minimumOwn)} " +
                $"({Percent(1 - rules.MaxFundingRate)} of {Eur(plan.TotalCosts)}).");
        if (rules.MaxAmountPerApplication is { } cap && plan.RequestedAmount > cap)
            throw new RuleViolation("application.cap-exceeded",
                $"{Eur(plan.RequestedAmount)} requested; {programme.Name} grants at most {Eur(cap)} per application.");
    }

    private static void EnsureSound(ProjectPlan plan)
    {
        if (plan.Duration.To < plan.Duration.From)
            throw new RuleViolation("application.invalid-duration", "The project ends before it starts.");
        var financing = plan.RequestedAmount + plan.OwnContribution + plan.ThirdPartyFunding;
        if (financing != plan.TotalCosts)
            throw new RuleViolation("application.financing-unbalanced",
                $"Requested {Eur(plan.RequestedAmount)} + own {Eur(plan.OwnContribution)} + third-party {Eur(plan.ThirdPartyFunding)} " +
                $"= {Eur(financing)}, but the eligible costs are {Eur(plan.TotalCosts)}.");
    }

    private static void EnsureReadyForProposal(FundingApplication application)
    {
        if (application.Status is not (ApplicationStatus.FormallyComplete or ApplicationStatus.AllianceVoted or ApplicationStatus.ApprovalBlocked))
            throw Illegal(application, "given a proposed decision", "only once it is formally complete and not yet decided");
        if (application.Terms!.AllianceVoteRequired && application.Vote is null)
            throw new RuleViolation("application.vote-missing", "The programme requires the alliance's vote before a decision is proposed.");
    }

    private static Proposal EnsureProposed(FundingApplication application, string what) =>
        application is { Status: ApplicationStatus.DecisionProposed, Proposal: { } proposal }
            ? proposal
            : throw Illegal(application, what, "only while a decision is proposed");

    private static RuleViolation Illegal(FundingApplication application, string what, string when) =>
        new("application.illegal-transition", $"An application cannot be {what} {when}; this one is {application.Status}.");

    private static ProjectPlan Trimmed(ProjectPlan plan) =>
        plan with { Title = plan.Title.Trim(), Description = plan.Description.Trim(), TargetGroups = [.. plan.TargetGroups.Distinct()] };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
