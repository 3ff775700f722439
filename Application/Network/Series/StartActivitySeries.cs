using System.Security.Claims;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Series;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Series;

/// <summary>
/// Starts a series of recurring activities of one kind (e.g. the yearly returner days of a district), so that its occurrences
/// can be compared year on year. Activities join it when they are planned.
/// </summary>
/// <param name="Name">The series' name, e.g. Rückkehrertage Mansfeld-Südharz.</param>
/// <param name="Kind">The kind of its activities.</param>
/// <param name="Recurrence">How often they recur.</param>
/// <param name="OrganiserIds">The organisations, alliances or network actors that run it; at least one.</param>
/// <param name="StartedOn">The day it was started.</param>
/// <param name="AllianceId">The alliance whose work it is, if any: its coordinator may then record it.</param>
public sealed record StartActivitySeries(
    string Name, ActivityKind Kind, Recurrence Recurrence, IReadOnlyList<Guid> OrganiserIds, DateOnly StartedOn, Guid? AllianceId = null,
    string? Reason = null) : ICommand;

public sealed class StartActivitySeriesValidator : AbstractValidator<StartActivitySeries>
{
    public StartActivitySeriesValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Recurrence).IsInEnum();
        RuleFor(x => x.OrganiserIds).ShortList().NotEmpty().WithMessage("A series has at least one organiser.");
        RuleForEach(x => x.OrganiserIds).NotEmpty();
        RuleFor(x => x.StartedOn).PlausibleDate();
        RuleFor(x => x.AllianceId).NotEqual(Guid.Empty);
        this.OptionalReasonRule();
    }
}

public static class StartActivitySeriesEndpoint
{
    public static void Before(StartActivitySeries command, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(command.AllianceId);

    /// <summary>Starts a series of recurring activities; answers its id, version and address.</summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false)]
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activity-series")]
    public static async Task<(StreamCreated, IStartStream)> Post(
        StartActivitySeries command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var organisers = await NetworkParties.ResolveAsync(session, command.OrganiserIds, cancellation);
        if (command.AllianceId is { } allianceId) await NetworkParties.LoadAsync<AllianceDetails>(session, allianceId, cancellation);
        var id = Guid.CreateVersion7();
        var started = ActivitySeries.Start(id, command.Name, command.Kind, command.Recurrence, organisers, command.AllianceId, command.StartedOn,
            user.Stamp(clock));
        return (new StreamCreated(id, 1, NetworkUrls.Series(id)), MartenOps.StartStream<ActivitySeries>(id, started));
    }
}
