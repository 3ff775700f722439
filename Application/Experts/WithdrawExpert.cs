using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Experts;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Experts;

/// <summary>Withdraws an expert from the directory, with the reason: no longer assignable; their assignments so far stay.</summary>
public sealed record WithdrawExpert(long ExpectedVersion, string Reason) : IChangeCommand;

public sealed class WithdrawExpertValidator : ChangeCommandValidator<WithdrawExpert>
{
    public WithdrawExpertValidator() : base(reasonRequired: true)
    {
    }
}

public static class WithdrawExpertEndpoint
{
    /// <summary>
    /// Withdraws an expert from the directory, with the reason. Caseworkers can no longer assign them
    /// (<c>review.expert-not-in-directory</c>); the applications they were assigned to keep them. Answers the entry's new version.
    /// </summary>
    [Authorize(Roles = Roles.ExpertDirectoryKeepers)]
    [WolverinePost("/api/experts/{expertId}/withdrawal")]
    public static (CommandAccepted, Events) Post(
        WithdrawExpert command,
        [WriteAggregate("expertId")] Expert expert,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ExpertDecider.Withdraw(expert, command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(expert.Id, command, events), events);
    }
}
