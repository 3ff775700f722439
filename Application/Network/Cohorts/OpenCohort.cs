using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network.Cohorts;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Cohorts;

/// <summary>
/// Opens a run (cohort) of a programme of people, e.g. the second run of the leadership programme "Mitarbeiter für
/// Verantwortung": its organiser, the question it works on, and its period.
/// </summary>
/// <param name="Programme">The programme's name.</param>
/// <param name="Run">The run's number, from 1.</param>
/// <param name="OrganiserId">The organisation, alliance or network actor that runs it.</param>
/// <param name="Question">The question the cohort works on.</param>
/// <param name="Period">Its period: its sessions and final presentation fall in it.</param>
public sealed record OpenCohort(string Programme, int Run, Guid OrganiserId, string Question, Period Period, string? Reason = null) : ICommand;

public sealed class OpenCohortValidator : AbstractValidator<OpenCohort>
{
    public OpenCohortValidator()
    {
        RuleFor(x => x.Programme).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Run).InclusiveBetween(1, 1000);
        RuleFor(x => x.OrganiserId).NotEmpty();
        RuleFor(x => x.Question).NotEmpty().MaximumLength(CommonRules.ReasonLength);
        this.PeriodRules(x => x.Period);
        this.OptionalReasonRule();
    }
}

public static class OpenCohortEndpoint
{
    /// <summary>Opens a run of a programme of people; answers its id, version and address.</summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false)]
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/cohorts")]
    public static async Task<(StreamCreated, IStartStream)> Post(
        OpenCohort command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var organiser = await NetworkParties.ResolveAsync(session, command.OrganiserId, cancellation);
        var id = Guid.CreateVersion7();
        var opened = CohortDecider.Open(id, new CohortCharter(command.Programme, command.Run, organiser, command.Question, command.Period),
            user.Stamp(clock));
        return (new StreamCreated(id, 1, NetworkUrls.Cohort(id)), MartenOps.StartStream<Cohort>(id, opened));
    }
}
