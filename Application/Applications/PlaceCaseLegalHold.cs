using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// Places (or replaces) a legal hold on a case's records, e.g. because an audit needs them until a date: until then, the applicant
/// person's data are not erased.
/// </summary>
/// <param name="HeldUntil">The last day the records must be kept.</param>
/// <param name="LegalBasis">Why they must be kept, e.g. the retention rule of a funding regulation.</param>
public sealed record PlaceCaseLegalHold(long ExpectedVersion, DateOnly HeldUntil, string LegalBasis, string? Reason = null) : IChangeCommand;

public sealed class PlaceCaseLegalHoldValidator : ChangeCommandValidator<PlaceCaseLegalHold>
{
    public PlaceCaseLegalHoldValidator()
    {
        RuleFor(x => x.HeldUntil).PlausibleDate();
        RuleFor(x => x.LegalBasis).NotEmpty().MaximumLength(CommonRules.NameLength);
    }
}

public static class PlaceCaseLegalHoldEndpoint
{
    /// <summary>
    /// Places (or replaces) a legal hold on the case's records until a date; until then the applicant person's data are not erased.
    /// Answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePut("/api/applications/{applicationId}/legal-hold")]
    public static (CommandAccepted, Events) Put(
        PlaceCaseLegalHold command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ApplicantPersonDecider.PlaceLegalHold(application, command.HeldUntil, command.LegalBasis, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
