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
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePost("/api/applications/{applicationId}/submission")]
    public static async Task<(CommandAccepted, Events)> Post(
        SubmitApplication command,
        [WriteAggregate("applicationId", VersionSource = nameof(IChangeCommand.ExpectedVersion))] FundingApplication application,
        IDocumentSession session,
        ClaimsPrincipal user,
        TimeProvider clock,
        CancellationToken cancellation)
    {
        user.EnsureActsForOrganisation(application.ApplicantId);
        var programme = await session.Events.FetchLatest<FundingProgramme>(application.ProgrammeId, cancellation);
        Events events = [ApplicationDecider.Submit(application, programme!, user.Stamp(clock))];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
