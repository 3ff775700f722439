using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Application.Privacy;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// Erases the applicant person's data on request (GDPR Art. 17): records the erasure (who, when, ground) and destroys the person's
/// key in the same transaction. Amounts, dates and the history stay. Refused (409) while the case runs, during the retention period
/// after it ended, and while a legal hold stands. <paramref name="RequestReference"/> is a file number, never a name.
/// </summary>
/// <param name="LegalBasis">The ground for erasure under GDPR Art. 17(1).</param>
/// <param name="RequestedOn">The day the person asked for erasure.</param>
/// <param name="RequestReference">The file number of the request, never a name.</param>
public sealed record EraseApplicantPersonData(long ExpectedVersion, ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference = null)
    : IChangeCommand
{
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class EraseApplicantPersonDataValidator : AbstractValidator<EraseApplicantPersonData>
{
    public EraseApplicantPersonDataValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.LegalBasis).IsInEnum();
        RuleFor(x => x.RequestedOn).PlausibleDate();
        RuleFor(x => x.RequestReference).MaximumLength(50).Matches("^[A-Za-z0-9][A-Za-z0-9._/-]*$")
            .WithMessage("A request reference is a file number (letters, digits, . _ / -), not a name.");
    }
}

public static class EraseApplicantPersonDataEndpoint
{
    /// <summary>
    /// Erases the applicant person's data on request (GDPR Art. 17) once the retention period after the case ended ran out and no legal
    /// hold stands; the person's key is destroyed. Amounts, dates and the history stay; answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/applicant-person/erasure")]
    public static (CommandAccepted, Events) Post(
        EraseApplicantPersonData command,
        [WriteAggregate("applicationId")] FundingApplication application,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var erased = ApplicantPersonDecider.Erase(application, command.LegalBasis, command.RequestedOn, command.RequestReference, user.Stamp(clock));
        PersonalDataVault.DestroyKey(session, erased.SubjectId);
        Events events = [erased];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
