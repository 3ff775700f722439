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
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePut("/api/applications/{applicationId}/plan")]
    public static async Task<(CommandAccepted, Events)> Put(
        AmendApplication command,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        user.EnsureActsForOrganisation(application.ApplicantId);
        var programme = await session.Events.FetchLatest<FundingProgramme>(application.ProgrammeId, cancellation);
        Events events = [ApplicationDecider.Amend(application, programme!, command.Plan, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
