using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>Opens a call for applications (Förderaufruf) with a submission window and, optionally, a budget of its own.</summary>
/// <param name="Name">The call's name, e.g. "2. Förderaufruf 2026".</param>
/// <param name="Window">The days applications may be submitted (German calendar days, both inclusive).</param>
/// <param name="Budget">The money set aside for the call, in EUR, if any: commitments for applications submitted to it count against it.</param>
/// <param name="LateSubmissions">
/// What happens to a submission after the last day: <c>Refused</c> (a hard deadline, Ausschlussfrist; the default) or <c>AcceptedAsLate</c>
/// (taken and marked late while the call is not closed and no later call has started).
/// </param>
public sealed record OpenCall(
    long ExpectedVersion, string Name, Period Window, decimal? Budget = null, string? Reason = null, LateSubmissions LateSubmissions = LateSubmissions.Refused)
    : IChangeCommand;

public sealed class OpenCallValidator : ChangeCommandValidator<OpenCall>
{
    public OpenCallValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        this.PeriodRules(x => x.Window);
        RuleFor(x => x.LateSubmissions).IsInEnum();
        RuleFor(x => x.Budget!.Value).Money().When(x => x.Budget is not null).OverridePropertyName(nameof(OpenCall.Budget));
    }
}

public static class OpenCallEndpoint
{
    /// <summary>
    /// Opens a call for applications with its submission window (within the funding period, not overlapping another open call) and
    /// an optional budget. From then on the programme takes submissions only inside an open call's window; after its last day the
    /// call refuses them (a hard deadline, the default) or takes them marked late. Answers the programme's new version and the call's number.
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePost("/api/programmes/{programmeId}/calls")]
    public static (CommandAccepted, Events) Post(
        OpenCall command,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var opened = ProgrammeDecider.OpenCall(programme, command.Name, command.Window, command.Budget, user.Stamp(clock), command.LateSubmissions);
        Events events = [opened];
        return (CommandAccepted.After(programme.Id, command, events).Creating("call", opened.CallNumber), events);
    }
}
