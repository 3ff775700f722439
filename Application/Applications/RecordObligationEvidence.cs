using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker records the evidence shown for one due day of an obligation (ADR 0123).</summary>
/// <param name="DueBy">The due day the evidence answers.</param>
/// <param name="Evidence">What was shown, e.g. "Bestätigung der KV Sachsen-Anhalt vom 2028-10-20".</param>
public sealed record RecordObligationEvidence(long ExpectedVersion, DateOnly DueBy, string Evidence, string? Reason = null) : IChangeCommand;

public sealed class RecordObligationEvidenceValidator : ChangeCommandValidator<RecordObligationEvidence>
{
    public RecordObligationEvidenceValidator()
    {
        RuleFor(x => x.DueBy).PlausibleDate();
        RuleFor(x => x.Evidence).NotEmpty().MaximumLength(CommonRules.NameLength);
    }
}

public static class RecordObligationEvidenceEndpoint
{
    /// <summary>Records the evidence for one due day of an obligation (also after the day passed). Answers the application's new version.</summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/obligations/{number}/evidence")]
    public static (CommandAccepted, Events) Post(
        RecordObligationEvidence command,
        int number,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ObligationDecider.RecordEvidence(application, number, command.DueBy, command.Evidence, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
