using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>A caseworker records an obligation of the approved grant (e.g. to practise in the district for five years), ADR 0123.</summary>
/// <param name="Kind">What the recipient is obliged to do.</param>
/// <param name="Description">The obligation in the notice's words.</param>
/// <param name="StartsOn">The first day of the obligation.</param>
/// <param name="Months">How many whole months it runs.</param>
/// <param name="RequiredEvidence">What evidence is required, e.g. a confirmation of the association of statutory health insurance physicians.</param>
/// <param name="EvidenceDueDates">The days evidence is due.</param>
public sealed record ImposeObligation(
    long ExpectedVersion, ObligationKind Kind, string Description, DateOnly StartsOn, int Months, string RequiredEvidence,
    IReadOnlyList<DateOnly> EvidenceDueDates, string? Reason = null) : IChangeCommand;

public sealed class ImposeObligationValidator : ChangeCommandValidator<ImposeObligation>
{
    public ImposeObligationValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Description).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.StartsOn).PlausibleDate();
        RuleFor(x => x.Months).InclusiveBetween(1, ObligationDecider.MaxMonths);
        RuleFor(x => x.RequiredEvidence).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.EvidenceDueDates).NotEmpty();
        RuleForEach(x => x.EvidenceDueDates).PlausibleDate();
    }
}

public static class ImposeObligationEndpoint
{
    /// <summary>Records an obligation of the approved grant with its period, required evidence and due days; each due day gets a timer. Answers the application's new version.</summary>
    [Authorize(Roles = Roles.Caseworker)]
    [WolverinePost("/api/applications/{applicationId}/obligations")]
    public static (CommandAccepted, Events, OutgoingMessages) Post(
        ImposeObligation command,
        [WriteAggregate("applicationId")] FundingApplication application,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var imposed = ObligationDecider.Impose(application, command.Kind, command.Description, command.StartsOn, command.Months,
            command.RequiredEvidence, command.EvidenceDueDates, user.Stamp(clock));
        Events events = [imposed];
        OutgoingMessages timers = [.. imposed.EvidenceDueDates.Select(d => ObligationEvidenceDeadlineReachedHandler.ScheduleFor(application.Id, imposed.Number, d))];
        return (CommandAccepted.After(application.Id, command, events), events, timers);
    }
}
