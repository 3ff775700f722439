using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>
/// Once the evaluation is due: continue the pilot (until <paramref name="ContinuedUntil"/>) or end it, with reasons.
/// The event records the demand indicator as it stood (docs/pilots.md).
/// </summary>
/// <param name="Decision">Continue the pilot or end it.</param>
/// <param name="Reasons">The reasons for the decision.</param>
/// <param name="DecidedOn">The day of the decision.</param>
/// <param name="ContinuedUntil">Until when the pilot continues; required to continue, none to end.</param>
public sealed record DecideContinuation(
    long ExpectedVersion,
    ContinuationDecision Decision,
    IReadOnlyList<string> Reasons,
    DateOnly DecidedOn,
    DateOnly? ContinuedUntil = null,
    string? Reason = null) : IChangeCommand;

public sealed class DecideContinuationValidator : AbstractValidator<DecideContinuation>
{
    public const int MaxReasons = 20;

    public DecideContinuationValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.Decision).IsInEnum();
        RuleFor(x => x.Reasons).NotEmpty().WithMessage("A continuation decision states its reasons.")
            .Must(r => r.Count <= MaxReasons).WithMessage($"At most {MaxReasons} reasons.");
        RuleForEach(x => x.Reasons).NotEmpty().MaximumLength(CommonRules.ReasonLength);
        RuleFor(x => x.DecidedOn).PlausibleDate();
        RuleFor(x => x.ContinuedUntil).NotNull().When(x => x.Decision == ContinuationDecision.Continue)
            .WithMessage("Continuing needs the day the continuation ends.");
        RuleFor(x => x.ContinuedUntil).Null().When(x => x.Decision == ContinuationDecision.End)
            .WithMessage("Ending the pilot takes no continuation period.");
        RuleFor(x => x.ContinuedUntil!.Value).PlausibleDate().When(x => x.ContinuedUntil is not null)
            .OverridePropertyName(nameof(DecideContinuation.ContinuedUntil));
        this.OptionalReasonRule();
    }
}

public static class DecideContinuationEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Decides whether the pilot continues after its phase, with reasons; the demand indicator is recorded with the decision.
    /// Answers the pilot's new version.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/continuation")]
    public static (CommandAccepted, Events) Post(
        DecideContinuation command,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events =
        [
            PilotDecider.DecideContinuation(pilot, new Continuation(command.Decision, command.Reasons, command.DecidedOn, command.ContinuedUntil),
                user.Stamp(clock)),
        ];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
