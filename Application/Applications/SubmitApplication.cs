using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// The applicant submits the draft; it must meet the programme's financing rules on that day, name an alliance the programme accepts
/// and, when the programme runs calls, fall into an open call's window.
/// </summary>
public sealed record SubmitApplication(long ExpectedVersion, string? Reason = null) : IChangeCommand;

public sealed class SubmitApplicationValidator : ChangeCommandValidator<SubmitApplication>;

public static class SubmitApplicationEndpoint
{
    public static void Before(FundingApplication application, ClaimsPrincipal user) => user.EnsureActsForOrganisation(application.ApplicantId);

    /// <summary>The programme and the alliance, queued with the application's stream when this node knows which they are.</summary>
    public static ApplicationPartiesReads Load(Guid applicationId, ApplicationParties parties) => new(applicationId, parties, withProgramme: true);

    /// <summary>
    /// The programme whose rules and funding period the submission is checked against, and the alliance as it stands now (its
    /// recognition decides whether the programme still accepts it): read with the application's stream, or right after it (issue 25).
    /// </summary>
    public static Task<(FundingProgramme? Programme, Alliance? Alliance)> LoadAsync(FundingApplication application, ApplicationPartiesReads.Read read,
        ApplicationParties parties, IDocumentSession session, CancellationToken cancellation) =>
        read.ForAsync(application, parties, session, cancellation);

    /// <summary>
    /// Submits a drafted application to the funding authority. The programme's financing rules, its eligible alliances and, when it
    /// runs calls, their submission windows (German calendar days) are checked; the call is recorded with it. Answers the
    /// application's new version.
    /// </summary>
    [Authorize(Roles = Roles.Applicant)]
    [WolverinePost("/api/applications/{applicationId}/submission")]
    public static (CommandAccepted, Events) Post(
        SubmitApplication command,
        [WriteAggregate("applicationId")] FundingApplication application,
        FundingProgramme programme,
        Alliance? alliance,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        if (alliance is null) throw new InvalidOperationException($"Alliance {application.AllianceId} of application {application.Id} has no stream.");
        var stamp = user.Stamp(clock);
        Events events = [ApplicationDecider.Submit(application, programme, alliance, AuthorityTime.DayOf(stamp.At), stamp)];
        return (CommandAccepted.After(application.Id, command, events), events);
    }
}
