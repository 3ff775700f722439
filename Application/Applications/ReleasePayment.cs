using System.Security.Claims;
using Fachwerk.Application.Budget;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker releases a checked payment for booking on <paramref name="BookedOn"/>.</summary>
/// <param name="BookedOn">The day the payment is booked.</param>
public sealed record ReleasePayment(long ExpectedVersion, DateOnly BookedOn, string? Reason = null) : IChangeCommand;

public sealed class ReleasePaymentValidator : ChangeCommandValidator<ReleasePayment>
{
    public ReleasePaymentValidator()
    {
        RuleFor(x => x.BookedOn).PlausibleDate();
    }
}

public static class ReleasePaymentEndpoint
{
    /// <summary>
    /// Releases a checked payment for booking. One person who both checks and releases may pay out at most the four-eyes threshold
    /// on the application, all payments together; beyond it someone other than the checker releases. Paying the last money due after
    /// a settled final proof closes the case. Answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/payment-requests/{number}/release")]
    public static (CommandAccepted, Events, OutgoingMessages) Release(
        ReleasePayment command,
        int number,
        [WriteAggregate("applicationId")] FundingApplication application,
        IOptions<FundingOptions> options,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. FundingDecider.ReleasePayment(application, number, command.BookedOn, options.Value.PaymentFourEyesAbove, user.Stamp(clock))];
        return BudgetWorkflow.After(application, command, events);
    }
}
