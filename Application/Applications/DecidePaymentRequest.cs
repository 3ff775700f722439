using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker checks a payment request and finds it payable.</summary>
public sealed record CheckPaymentRequest(long ExpectedVersion, string? Reason = null) : IChangeCommand;

/// <summary>A caseworker refuses a payment request, with the reason.</summary>
public sealed record RefusePaymentRequest(long ExpectedVersion, string Reason) : IChangeCommand;

/// <summary>A caseworker releases a checked payment for booking on <paramref name="BookedOn"/>.</summary>
public sealed record ReleasePayment(long ExpectedVersion, DateOnly BookedOn, string? Reason = null) : IChangeCommand;

public sealed class CheckPaymentRequestValidator : ChangeCommandValidator<CheckPaymentRequest>;

public sealed class RefusePaymentRequestValidator() : ChangeCommandValidator<RefusePaymentRequest>(reasonRequired: true);

public sealed class ReleasePaymentValidator : ChangeCommandValidator<ReleasePayment>
{
    public ReleasePaymentValidator()
    {
        RuleFor(x => x.BookedOn).PlausibleDate();
    }
}

public static class DecidePaymentRequestEndpoints
{
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/payment-requests/{number}/check")]
    public static (CommandAccepted, Events) Check(
        CheckPaymentRequest command,
        int number,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [FundingDecider.CheckPaymentRequest(application, number, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }

    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/payment-requests/{number}/refusal")]
    public static (CommandAccepted, Events) Refuse(
        RefusePaymentRequest command,
        int number,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [FundingDecider.RefusePaymentRequest(application, number, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }

    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/payment-requests/{number}/release")]
    public static (CommandAccepted, Events) Release(
        ReleasePayment command,
        int number,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        IOptions<FundingOptions> options,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. FundingDecider.ReleasePayment(application, number, command.BookedOn, options.Value.PaymentFourEyesAbove, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
