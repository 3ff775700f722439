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

/// <summary>The applicant changes the project plan; allowed until the application is formally complete.</summary>
/// <param name="Plan">The whole project plan as it now stands (it replaces the previous one).</param>
public sealed record AmendApplication(long ExpectedVersion, ProjectPlan Plan, string? Reason = null) : IChangeCommand;

public sealed class AmendApplicationValidator : ChangeCommandValidator<AmendApplication>
{
    public AmendApplicationValidator()
    {
        RuleFor(x => x.Plan).NotNull().SetValidator(new ProjectPlanValidator());
    }
}

public static class AmendApplicationEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) => user.EnsureActsForOrganisation(application.ApplicantId);

    /// <summary>The programme whose rules a submitted application's new plan must meet.</summary>
    public static ValueTask<FundingProgramme?> LoadAsync(FundingApplication application, IDocumentSession session, CancellationToken cancellation) =>
        session.Events.FetchLatest<FundingProgramme>(application.ProgrammeId, cancellation);

    /// <summary>
    /// Replaces the project plan of an application, until it is formally complete. Answers the application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePut("/api/applications/{applicationId}/plan")]
    public static (CommandAccepted, Events) Put(
        AmendApplication command,
        [WriteAggregate("applicationId")] FundingApplication application,
        FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [ApplicationDecider.Amend(application, programme, command.Plan, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
