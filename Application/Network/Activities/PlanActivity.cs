using System.Security.Claims;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Series;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Activities;

/// <summary>
/// Plans an activity (a summit, a returner day, an exchange, an action day, a forum, a campaign, a job fair): what, when,
/// where, who organises it and under whose patronage, for whom, for how many; as part of an alliance's work or a series, and
/// funded by an application or not.
/// </summary>
/// <param name="Kind">What kind of activity it is.</param>
/// <param name="Title">Its title, e.g. Bildungsgipfel Mansfeld-Südharz.</param>
/// <param name="Topic">What it is about.</param>
/// <param name="Dates">The days it is planned for: one day, or the weeks of a campaign.</param>
/// <param name="Place">Where it takes place.</param>
/// <param name="OrganiserIds">The organisations, alliances or network actors that organise it; at least one.</param>
/// <param name="CoOrganiserIds">Those that organise it together with them.</param>
/// <param name="Patron">Under whose patronage it is held: an office, e.g. "Landrat des Landkreises Mansfeld-Südharz", not a person's name.</param>
/// <param name="TargetGroups">The groups it is for.</param>
/// <param name="Capacity">How many registrations have a place; beyond it, registrations go on a waiting list. None: no limit.</param>
/// <param name="AllianceId">The alliance whose work it is, if any: its coordinator may then record it.</param>
/// <param name="SeriesId">The series of recurring activities it belongs to, if any (of the same kind).</param>
/// <param name="FundingApplicationId">The funding application that pays for it; none when it runs without funding.</param>
public sealed record PlanActivity(
    ActivityKind Kind,
    string Title,
    string Topic,
    Period Dates,
    Place Place,
    IReadOnlyList<Guid> OrganiserIds,
    IReadOnlyList<Guid>? CoOrganiserIds = null,
    string? Patron = null,
    IReadOnlyList<TargetGroup>? TargetGroups = null,
    int? Capacity = null,
    Guid? AllianceId = null,
    Guid? SeriesId = null,
    Guid? FundingApplicationId = null,
    string? Reason = null) : ICommand;

public sealed class PlanActivityValidator : AbstractValidator<PlanActivity>
{
    public const int MaxCapacity = 100_000;

    public PlanActivityValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Title).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Topic).NotEmpty().MaximumLength(CommonRules.ReasonLength);
        this.PeriodRules(x => x.Dates);
        RuleFor(x => x.Place).NotNull().SetValidator(new PlaceValidator());
        RuleFor(x => x.OrganiserIds).ShortList().NotEmpty().WithMessage("An activity has at least one organiser.");
        RuleForEach(x => x.OrganiserIds).NotEmpty();
        RuleFor(x => x.CoOrganiserIds!).ShortList().When(x => x.CoOrganiserIds is not null);
        RuleForEach(x => x.CoOrganiserIds).NotEmpty();
        RuleFor(x => x.Patron).OptionalName();
        RuleForEach(x => x.TargetGroups).IsInEnum();
        RuleFor(x => x.Capacity).InclusiveBetween(1, MaxCapacity);
        RuleFor(x => x.AllianceId).NotEqual(Guid.Empty);
        RuleFor(x => x.SeriesId).NotEqual(Guid.Empty);
        RuleFor(x => x.FundingApplicationId).NotEqual(Guid.Empty);
        this.OptionalReasonRule();
    }
}

public static class PlanActivityEndpoint
{
    public static void Before(PlanActivity command, ClaimsPrincipal user) => user.EnsureRecordsForAlliance(command.AllianceId);

    /// <summary>Plans an activity; answers its id, version and address.</summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false)]
    [Authorize(Roles = NetworkRoles.Recorders)]
    [WolverinePost("/api/activities")]
    public static async Task<(StreamCreated, IStartStream)> Post(
        PlanActivity command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var organisers = await NetworkParties.ResolveAsync(session, command.OrganiserIds, cancellation);
        var coOrganisers = await NetworkParties.ResolveAsync(session, command.CoOrganiserIds ?? [], cancellation);
        if (command.AllianceId is { } allianceId) await NetworkParties.LoadAsync<AllianceDetails>(session, allianceId, cancellation);
        var series = command.SeriesId is { } seriesId ? await NetworkParties.LoadAsync<ActivitySeriesDetails>(session, seriesId, cancellation) : null;
        var funding = command.FundingApplicationId is { } applicationId ? await FundingApplications.LoadAsync(session, applicationId, cancellation) : null;

        var id = Guid.CreateVersion7();
        var events = ActivityDecider.Plan(id,
            new ActivityPlan(command.Kind, command.Title, command.Topic, command.Dates, command.Place, organisers, coOrganisers, command.Patron,
                command.TargetGroups ?? [], command.Capacity, command.AllianceId),
            series is null ? null : new SeriesMembership(series.Id, series.Name, series.Kind, series.AllianceId), funding, user.Stamp(clock));
        return (new StreamCreated(id, events.Count, NetworkUrls.Activity(id)), MartenOps.StartStream<Activity>(id, [.. events]));
    }
}
