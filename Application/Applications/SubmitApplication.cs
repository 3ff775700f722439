using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The applicant submits the draft; it must meet the programme's financing rules on that day.</summary>
public sealed record SubmitApplication(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class SubmitApplicationValidator : ChangeCommandValidator<SubmitApplication>;

public static class SubmitApplicationEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) => user.EnsureActsForOrganisation(application.ApplicantId);

    /// <summary>The programme whose rules and funding period the submission is checked against.</summary>
    public static ValueTask<FundingProgramme?> LoadAsync(FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        session.Events.FetchLatest<FundingProgramme>(application.ProgrammeId, cancellation);

    /// <summary>
    /// Submits a drafted application to the funding authority. The programme's financing rules are checked and recorded with it;
    /// answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePost("/api/applications/{applicationId}/submission")]
    public static (CommandAccepted, Events) Post(
        SubmitApplication command,
        [WriteAggregate("applicationId")] FundingApplication application,
        FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ApplicationDecider.Submit(application, programme, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
