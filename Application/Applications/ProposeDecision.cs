using Fachwerk.Domain.Common;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The caseworker proposes a decision: approve an amount (up to the requested one) with conditions, or reject with a reason.
/// Exceeding the alliance's planning budget needs <paramref name="PlanningExceedanceReason"/>.
/// </summary>
/// <param name="Decision">Approve or reject.</param>
/// <param name="Amount">The amount granted, in EUR, for an approval (up to the requested amount); none for a rejection.</param>
/// <param name="Conditions">Conditions attached to an approval (Nebenbestimmungen).</param>
/// <param name="RejectionReason">Why the application is rejected; required for a rejection.</param>
/// <param name="PlanningExceedanceReason">Why the approval may exceed the alliance's planning figure; required if it
/// does.</param>
/// <param name="RetainedFinalInstalment">The part of the grant kept back until the final proof of use is settled, in EUR.</param>
/// <param name="InterimProofDueDates">The due dates of interim proofs of use; by default 30 April after each calendar year of the
/// project.</param>
/// <param name="Obligations">The obligations the grant imposes (Auflagen, e.g. to practise in the district for five years), imposed as
/// proposed once the approval is in force (ADR 0126); none for a rejection.</param>
public sealed record ProposeDecision(
    long ExpectedVersion,
    DecisionKind Decision,
    decimal? Amount = null,
    IReadOnlyList<string>? Conditions = null,
    string? RejectionReason = null,
    string? PlanningExceedanceReason = null,
    string? Reason = null,
    decimal RetainedFinalInstalment = 0,
    IReadOnlyList<DateOnly>? InterimProofDueDates = null,
    IReadOnlyList<ObligationTerms>? Obligations = null) : IChangeCommand;

public sealed class ProposeDecisionValidator : ChangeCommandValidator<ProposeDecision>
{
    public ProposeDecisionValidator()
    {
        RuleFor(x => x.Decision).IsInEnum();
        When(x => x.Decision == DecisionKind.Approve, () =>
        {
            RuleFor(x => x.Amount).NotNull().WithMessage("An approval names the amount granted.");
            RuleFor(x => x.Amount!.Value).Money().When(x => x.Amount is not null).OverridePropertyName(nameof(ProposeDecision.Amount));
            RuleFor(x => x.RejectionReason).Empty().WithMessage("An approval has no rejection reason.");
        });
        When(x => x.Decision == DecisionKind.Reject, () =>
        {
            RuleFor(x => x.RejectionReason).NotEmpty().WithMessage("A rejection gives its reason.").MaximumLength(CommonRules.ReasonLength);
            RuleFor(x => x.Amount).Null().WithMessage("A rejection grants no amount.");
            RuleFor(x => x.Obligations).Must(o => o is null || o.Count == 0).WithMessage("A rejection imposes no obligations.");
        });
        RuleFor(x => x.Conditions).Must(c => c is null || c.Count <= 50).WithMessage("At most 50 conditions.");
        RuleForEach(x => x.Conditions).NotEmpty().MaximumLength(CommonRules.ReasonLength);
        RuleFor(x => x.PlanningExceedanceReason).MaximumLength(CommonRules.ReasonLength);
        RuleFor(x => x.RetainedFinalInstalment).MoneyOrZero();
        RuleFor(x => x.InterimProofDueDates).Must(d => d is null || d.Count <= 20).WithMessage("At most 20 interim proofs of use.");
        RuleForEach(x => x.InterimProofDueDates).PlausibleDate();
        RuleFor(x => x.Obligations).Must(o => o is null || o.Count <= ObligationDecider.MaxPerApproval)
            .WithMessage($"At most {ObligationDecider.MaxPerApproval} obligations.");
        // Every obligation is checked, not only up to the first one in error (the rules stop at their first failure by default).
        RuleForEach(x => x.Obligations).Cascade(CascadeMode.Continue).NotNull().SetValidator(new ObligationTermsValidator());
    }
}

public static class ProposeDecisionEndpoint
{
    /// <summary>
    /// An approval in a de-minimis programme is checked against the applicant's ceiling already here (an early answer; the budget
    /// workflow checks it again, authoritatively, when it commits): the applicant's aid is loaded only then.
    /// </summary>
    public static async Task<DeMinimisCheck> LoadAsync(
        ProposeDecision command, FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        command.Decision == DecisionKind.Approve && application.Terms?.DeMinimis == true
            ? new DeMinimisCheck(await session.Events.FetchLatest<Organisation>(application.ApplicantId, cancellation))
            : new DeMinimisCheck(null);

    /// <summary>
    /// Proposes a decision on the application: approve an amount with conditions, or reject with a reason. A second person
    /// confirms or returns it; answers the application's new version and the proposal's number (<c>created.key</c>).
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/decision-proposal")]
    public static (CommandAccepted, Events) Post(
        ProposeDecision command,
        [WriteAggregate("applicationId")] FundingApplication application,
        DeMinimisCheck deMinimis,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var stamp = user.Stamp(clock);
        if (deMinimis.Applicant is { } applicant)
            ApplicationDecider.EnsureWithinDeMinimis(application, applicant, command.Amount!.Value, AuthorityCalendar.DayOf(stamp.At));

        var proposed =
            command.Decision == DecisionKind.Approve
                ? ApplicationDecider.ProposeApproval(application,
                    new ApprovalTerms(command.Amount!.Value, command.Conditions ?? [], command.PlanningExceedanceReason, command.RetainedFinalInstalment,
                        command.InterimProofDueDates, command.Obligations),
                    command.ExpectedVersion, stamp)
                : ApplicationDecider.ProposeRejection(application, command.RejectionReason!, command.ExpectedVersion, stamp);
        Events events = [proposed];
        return (CommandAccepted.After(application.Id, command, events).Creating("proposal", proposed.ProposalNumber), events);
    }
}

/// <summary>The applicant whose de-minimis ceiling an approval is checked against, when the programme is de-minimis.</summary>
public sealed record DeMinimisCheck(Organisation? Applicant);
