using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>The caseworker asks for missing documents; the programme's deadline starts running.</summary>
/// <param name="Documents">The documents the applicant is to supply, by name.</param>
public sealed record RequestDocuments(long ExpectedVersion, IReadOnlyList<string> Documents, string? Reason = null) : IChangeCommand;

public sealed class RequestDocumentsValidator : ChangeCommandValidator<RequestDocuments>
{
    public RequestDocumentsValidator()
    {
        RuleFor(x => x.Documents).NotEmpty().WithMessage("Name at least one missing document.")
            .Must(d => d.Count <= 50).WithMessage("At most 50 documents per request.");
        RuleForEach(x => x.Documents).NotEmpty().MaximumLength(CommonRules.NameLength);
    }
}

public static class RequestDocumentsEndpoint
{
    /// <summary>
    /// Asks the applicant for missing documents. The programme's deadline starts running (the application lapses when it passes);
    /// answers the application's new version and the request's number (<c>created.key</c>).
    /// </summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/document-requests")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(
        RequestDocuments command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var requested = ApplicationDecider.RequestDocuments(application, command.Documents, user.Stamp(clock));
        Events events = [requested];
        // The deadline is a scheduled message; its handler looks at the application's state when it arrives.
        OutgoingMessages deadline = [new DocumentDeadlineReached(application.Id, requested.RequestNumber).ScheduledAt(requested.DueBy)];
        return (CommandAccepted.After(application.Id, command, events).Creating("document-request", requested.RequestNumber), events, deadline);
    }
}
