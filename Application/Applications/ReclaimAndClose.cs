using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker revokes part or all of the grant (Rückforderung): the amount, the reason, and by when to repay.</summary>
public sealed record DemandReclaim(long ExpectedVersion, decimal Amount, string Reason, DateOnly RepayBy) : IChangeCommand;

/// <summary>A caseworker records money paid back.</summary>
public sealed record RecordRepayment(long ExpectedVersion, decimal Amount, DateOnly BookedOn, string? Reason = null) : IChangeCommand;

/// <summary>A caseworker closes the case once the final proof is settled, also when not all of the grant was called.</summary>
public sealed record CloseCase(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class DemandReclaimValidator : ChangeCommandValidator<DemandReclaim>
{
    public DemandReclaimValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.Amount).Money();
        RuleFor(x => x.RepayBy).PlausibleDate();
    }
}

public sealed class RecordRepaymentValidator : ChangeCommandValidator<RecordRepayment>
{
    public RecordRepaymentValidator()
    {
        RuleFor(x => x.Amount).Money();
        RuleFor(x => x.BookedOn).PlausibleDate();
    }
}

public sealed class CloseCaseValidator : ChangeCommandValidator<CloseCase>;

public static class ReclaimAndCloseEndpoints
{
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/reclaims")]
    public static (CommandAccepted, Events, OutgoingMessages) Reclaim(
        DemandReclaim command,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. FundingDecider.DemandReclaim(application, command.Amount, command.Reason, command.RepayBy, user.Stamp(clock))];
        OutgoingMessages workflow = [new ReleaseFunds(application.ProgrammeId, application.Id, application.ApplicantId, "Reclaim: " + command.Reason.Trim())];
        return (CommandAccepted.After(application.Id, command, events), events, workflow);
    }

    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/repayments")]
    public static (CommandAccepted, Events) Repayment(
        RecordRepayment command,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. FundingDecider.RecordRepayment(application, command.Amount, command.BookedOn, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }

    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/closure")]
    public static (CommandAccepted, Events, OutgoingMessages) Close(
        CloseCase command,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var closed = FundingDecider.Close(application, user.Stamp(clock));
        Events events = [closed];
        OutgoingMessages workflow = closed.Unpaid > 0
            ? [new ReleaseFunds(application.ProgrammeId, application.Id, application.ApplicantId, "Case closed; the rest of the grant was not called")]
            : [];
        return (CommandAccepted.After(application.Id, command, events), events, workflow);
    }
}
