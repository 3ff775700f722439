using System.Security.Claims;
using System.Text.Json.Serialization;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>Records money the pilot spent against one of its funding sources (ADR 0124).</summary>
/// <param name="Source">The funding source's name, as the pilot lists it.</param>
/// <param name="Category">What the money was spent on.</param>
/// <param name="Amount">How much, in EUR with cents.</param>
/// <param name="SpentOn">The day it was spent: within the pilot phase (or continuation), not in the future.</param>
/// <param name="Note">What it was, briefly (an invoice, a course); optional.</param>
public sealed record RecordPilotSpending(
    long ExpectedVersion, string Source, PilotCostCategory Category, decimal Amount, DateOnly SpentOn, string? Note = null) : IChangeCommand
{
    /// <summary>The note says what the money was for; there is no separate reason.</summary>
    [JsonIgnore]
    public string? Reason => null;
}

public sealed class RecordPilotSpendingValidator : AbstractValidator<RecordPilotSpending>
{
    public RecordPilotSpendingValidator()
    {
        this.ExpectedVersionRule();
        RuleFor(x => x.Source).NotEmpty().WithMessage("Choose the funding source the money is attributed to.").MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Amount).Money();
        RuleFor(x => x.SpentOn).PlausibleDate();
        RuleFor(x => x.Note).MaximumLength(CommonRules.ReasonLength);
    }
}

public static class RecordPilotSpendingEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Records money the pilot spent against one of its funding sources: not more than what is left of the source, on a day of the
    /// pilot phase and not in the future, for EU money within its EU funding period, and only in a cost category the source pays.
    /// Answers the spending's id and the pilot's new version.
    /// </summary>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/spending")]
    public static (PilotItemAdded, Events) Post(
        RecordPilotSpending command,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        var spendingId = Guid.CreateVersion7();
        Events events = [PilotDecider.RecordSpending(pilot, spendingId,
            new PilotSpending(command.Source, command.Category, command.Amount, command.SpentOn, command.Note), user.Stamp(clock))];
        return (new PilotItemAdded(pilot.Id, command.ExpectedVersion + events.Count, spendingId, PilotUrls.Pilot(pilot.Id)), events);
    }
}
