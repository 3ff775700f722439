using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker moves a proof's due date, with the reason.</summary>
/// <param name="DueBy">The new due date; later than the current one.</param>
public sealed record ExtendProofOfUseDeadline(long ExpectedVersion, DateOnly DueBy, string Reason) : IChangeCommand;

public sealed class ExtendProofOfUseDeadlineValidator : ChangeCommandValidator<ExtendProofOfUseDeadline>
{
    public ExtendProofOfUseDeadlineValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.DueBy).PlausibleDate();
    }
}

public static class ExtendProofOfUseDeadlineEndpoint
{
    /// <summary>Moves a proof of use's due date later, with the reason. Answers the application's new version.</summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/proofs-of-use/{proof}/extension")]
    public static (CommandAccepted, Events, OutgoingMessages) Extend(
        ExtendProofOfUseDeadline command,
        string proof,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var extended = FundingDecider.ExtendProofDeadline(application, proof, command.DueBy, command.Reason, user.Stamp(clock));
        Events events = [extended];
        OutgoingMessages reminder = [ProofOfUseDeadlineReachedHandler.ScheduleFor(application.Id, proof, extended.DueBy)];
        return (CommandAccepted.After(application.Id, command, events), events, reminder);
    }
}
