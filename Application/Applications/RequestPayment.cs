using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The recipient requests money (Mittelabruf) for needs due by <paramref name="NeededBy"/>, declaring the own and third-party
/// money spent on the project so far (cumulative).
/// </summary>
/// <param name="Amount">The amount requested, in EUR.</param>
/// <param name="NeededBy">When the money is needed; within the next two months.</param>
/// <param name="OwnAndThirdPartySpent">The own and third-party money spent on the project so far, cumulative, in EUR.</param>
public sealed record RequestPayment(long ExpectedVersion, decimal Amount, DateOnly NeededBy, decimal OwnAndThirdPartySpent, string? Reason = null)
    : IChangeCommand;

public sealed class RequestPaymentValidator : ChangeCommandValidator<RequestPayment>
{
    public RequestPaymentValidator()
    {
        RuleFor(x => x.Amount).Money();
        RuleFor(x => x.NeededBy).PlausibleDate();
        RuleFor(x => x.OwnAndThirdPartySpent).MoneyOrZero();
    }
}

public static class RequestPaymentEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) => user.EnsureActsForOrganisation(application.ApplicantId);

    /// <summary>
    /// Requests money (Mittelabruf) for needs of the next two months. Answers the application's new version and the request's
    /// number (<c>created.key</c>), by which it is checked and released.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePost("/api/applications/{applicationId}/payment-requests")]
    public static (CommandAccepted, Events) Post(
        RequestPayment command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var requested = FundingDecider.RequestPayment(application,
            new PaymentRequest(command.Amount, command.NeededBy, command.OwnAndThirdPartySpent), user.Stamp(clock));
        Events events = [requested];
        return (CommandAccepted.After(application.Id, command, events).Creating("payment-request", requested.RequestNumber), events);
    }
}
