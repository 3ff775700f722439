using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Pilots;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Pilots;

/// <summary>
/// Corrects a recorded spending (ADR 0127): its values as they should have been recorded, all of them (they replace the
/// recorded ones), and why it was wrong.
/// </summary>
/// <param name="Source">The funding source's name, as the pilot lists it.</param>
/// <param name="Category">What the money was spent on.</param>
/// <param name="Amount">How much, in EUR with cents.</param>
/// <param name="SpentOn">The day it was spent: within the pilot phase (or continuation), not in the future.</param>
/// <param name="Reason">Why the recorded spending was wrong (required; kept in the pilot's history).</param>
/// <param name="Note">What it was, briefly (an invoice, a course); optional, none removes the recorded note.</param>
public sealed record CorrectPilotSpending(
    long ExpectedVersion, string Source, PilotCostCategory Category, decimal Amount, DateOnly SpentOn, string Reason, string? Note = null) : IChangeCommand;

public sealed class CorrectPilotSpendingValidator : ChangeCommandValidator<CorrectPilotSpending>
{
    public CorrectPilotSpendingValidator() : base(reasonRequired: true)
    {
        RuleFor(x => x.Source).NotEmpty().WithMessage("Choose the funding source the money is attributed to.").MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Category).IsInEnum();
        RuleFor(x => x.Amount).Money();
        RuleFor(x => x.SpentOn).PlausibleDate();
        RuleFor(x => x.Note).MaximumLength(CommonRules.ReasonLength);
    }
}

public static class CorrectPilotSpendingEndpoint
{
    public static void Before(Pilot pilot, ClaimsPrincipal user) => user.EnsureActsForPilot(pilot.Id);

    /// <summary>
    /// Corrects a recorded spending of the pilot, with the reason: the corrected spending keeps to the same rules as a new one
    /// (what is left of the source, the EU funding period, the cost categories it pays, a day of the phase not in the future),
    /// counted without the spending it replaces. A cancelled spending is not corrected. The recorded spending stays in the
    /// history. Answers the pilot's new version.
    /// </summary>
    /// <param name="spendingId">The spending's id, as recording it answered (<c>itemId</c>) and the pilot lists it.</param>
    [Authorize(Roles = PilotRoles.Recorders)]
    [WolverinePost("/api/pilots/{pilotId}/spending/{spendingId}/correction")]
    public static (CommandAccepted, Events) Post(
        CorrectPilotSpending command,
        Guid spendingId,
        [WriteAggregate] Pilot pilot,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [PilotDecider.CorrectSpending(pilot, spendingId,
            new PilotSpending(command.Source, command.Category, command.Amount, command.SpentOn, command.Note), command.Reason, user.Stamp(clock))];
        return (CommandAccepted.After(pilot.Id, command, events), events);
    }
}
