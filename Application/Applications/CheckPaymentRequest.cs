using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker checks a payment request and finds it payable.</summary>
public sealed record CheckPaymentRequest(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class CheckPaymentRequestValidator : ChangeCommandValidator<CheckPaymentRequest>;

public static class CheckPaymentRequestEndpoint
{
    /// <summary>Checks a payment request and finds it payable. Answers the application's new version.</summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/payment-requests/{number}/check")]
    public static (CommandAccepted, Events) Check(
        CheckPaymentRequest command,
        int number,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [FundingDecider.CheckPaymentRequest(application, number, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
