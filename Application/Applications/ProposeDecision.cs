using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The caseworker proposes a decision: approve an amount (up to the requested one) with conditions, or reject with a reason.
/// Exceeding the alliance's planning budget needs <paramref name="PlanningExceedanceReason"/>.
/// </summary>
public sealed record ProposeDecision(
    long ExpectedVersion,
    DecisionKind Decision,
    decimal? Amount = null,
    IReadOnlyList<string>? Conditions = null,
    string? RejectionReason = null,
    string? PlanningExceedanceReason = null,
    string? Reason = null) : IChangeCommand;

public sealed class ProposeDecisionValidator : AbstractValidator<ProposeDecision>
{
    public ProposeDecisionValidator()
    {
        this.ExpectedVersionRule();
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
        });
        RuleFor(x => x.Conditions).Must(c => c is null || c.Count <= 50).WithMessage("At most 50 conditions.");
        RuleForEach(x => x.Conditions).NotEmpty().MaximumLength(CommonRules.ReasonLength);
        RuleFor(x => x.PlanningExceedanceReason).MaximumLength(CommonRules.ReasonLength);
        this.OptionalReasonRule();
    }
}

public static class ProposeDecisionEndpoint
{
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/decision-proposal")]
    public static (CommandAccepted, Events) Post(
        ProposeDecision command,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var stamp = user.Stamp(clock);
        Events events =
        [
            command.Decision == DecisionKind.Approve
                ? ApplicationDecider.ProposeApproval(application, command.Amount!.Value, command.Conditions ?? [],
                    command.PlanningExceedanceReason, command.ExpectedVersion, stamp)
                : ApplicationDecider.ProposeRejection(application, command.RejectionReason!, command.ExpectedVersion, stamp),
        ];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
