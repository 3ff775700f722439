using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker refuses a payment request, with the reason.</summary>
public sealed record RefusePaymentRequest(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class RefusePaymentRequestValidator() : ChangeCommandValidator<RefusePaymentRequest>(reasonRequired: true);

public static class RefusePaymentRequestEndpoint
{
    /// <summary>Refuses a payment request, with the reason. Answers the application's new version.</summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/payment-requests/{number}/refusal")]
    public static (CommandAccepted, Events) Refuse(
        RefusePaymentRequest command,
        int number,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [FundingDecider.RefusePaymentRequest(application, number, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
