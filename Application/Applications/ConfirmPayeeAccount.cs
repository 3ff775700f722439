using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker other than the proposer confirms the proposed payee account (four-eyes); from then on payments go there.</summary>
public sealed record ConfirmPayeeAccount(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class ConfirmPayeeAccountValidator : ChangeCommandValidator<ConfirmPayeeAccount>;

public static class ConfirmPayeeAccountEndpoint
{
    /// <summary>
    /// Confirms the proposed account the grant is paid into, as the second person: a caseworker (who releases payments) other
    /// than the proposer (four-eyes). It replaces the account confirmed before. The status stays; answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/payee-account/confirmation")]
    public static (CommandAccepted, Events) Post(
        ConfirmPayeeAccount command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [PayeeDecider.Confirm(application, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
