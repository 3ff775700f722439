using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Pilots;
using Fachwerk.Web.Shared;

namespace Fachwerk.Web.Pilots.Actions;

/// <summary>
/// Which steps of a pilot the pages offer a user, and when: to the project lead of the pilot (the token's <c>pilot</c> claim,
/// as <c>EnsureActsForPilot</c> checks it), in the states the API accepts them, as a courtesy. The API decides every time: a
/// posted form is always handed to it, and a forged one gets its refusal in words.
/// </summary>
public static class PilotActions
{
    public const string EnrolParticipant = "enrol-participant";
    public const string EnrolCompany = "enrol-company";
    public const string AddPartner = "add-partner";
    public const string HoldTraining = "hold-training";
    public const string PlaceLegalHold = "place-legal-hold";
    public const string LiftLegalHold = "lift-legal-hold";
    public const string DecideContinuation = "decide-continuation";
    public const string RecordSpending = "record-spending";

    /// <summary>Correct or cancel one spending: offered on the spending's row, not in the list of steps (the address names the spending).</summary>
    public const string CorrectSpending = "correct-spending";
    public const string CancelSpending = "cancel-spending";

    public const string DeliverService = "deliver-service";
    public const string Refer = "refer-participant";
    public const string Place = "place-participant";
    public const string CorrectData = "correct-data";
    public const string Erase = "erase-data";

    /// <summary>The forms of the pilot page, in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> OnPilot =
        [EnrolParticipant, EnrolCompany, AddPartner, HoldTraining, RecordSpending, PlaceLegalHold, LiftLegalHold, DecideContinuation, CorrectSpending, CancelSpending];

    /// <summary>The pilot page's steps offered on a row of its tables, not in the list of steps.</summary>
    public static readonly IReadOnlyList<string> OnRows = [CorrectSpending, CancelSpending];

    /// <summary>The forms of a participant's page, in the order the page shows them.</summary>
    public static readonly IReadOnlyList<string> OnParticipant = [DeliverService, Refer, Place, CorrectData, Erase];

    /// <summary>Every form of the pilot pages, for the confirmation after a redirect.</summary>
    public static readonly IReadOnlyList<string> All = [.. OnPilot, .. OnParticipant];

    /// <summary>Project leads record their own pilot (the API's <c>PilotRoles.Recorders</c>, bound to the pilot).</summary>
    public static bool Records(Guid pilotId, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.Has(Roles.ProjectLead) && user.Pilots.Contains(pilotId);
    }

    /// <summary>Who the API shows participants' personal data (<c>PilotRoles.PersonalDataReaders</c>): the pilot's lead, caseworkers, auditors.</summary>
    public static bool ReadsPersonalData(Guid pilotId, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Records(pilotId, user) || user.Has(Roles.Caseworker) || user.Has(Roles.Auditor);
    }

    /// <summary>Whether the pilot page offers <paramref name="action"/> on <paramref name="pilot"/> as it is to <paramref name="user"/>.</summary>
    public static bool Offers(string action, PilotDetails pilot, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        if (!Records(pilot.Id, user)) return false;
        var active = pilot.Status != PilotStatus.Ended;
        return action switch
        {
            EnrolParticipant or EnrolCompany or AddPartner => active,
            HoldTraining => active && pilot.Companies.Count > 0 && pilot.OfferedServices.Contains(PilotService.InterculturalTraining),
            RecordSpending => active && pilot.Funding.Count > 0,
            CorrectSpending or CancelSpending => active && pilot.Spending.Any(s => !s.Cancelled),
            PlaceLegalHold => true,
            LiftLegalHold => pilot.LegalHold is not null,
            DecideContinuation => pilot.Status == PilotStatus.EvaluationDue,
            _ => false,
        };
    }

    /// <summary>Whether the spending's row offers to correct and cancel it: to the pilot's lead while the pilot runs, until it is cancelled.</summary>
    public static bool OffersOn(PilotSpendingRecord spending, PilotDetails pilot, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(spending);
        return !spending.Cancelled && Offers(CorrectSpending, pilot, user);
    }

    /// <summary>The pilot page with <paramref name="step"/> chosen for <paramref name="spending"/>: its form, under the page's steps.</summary>
    public static string SpendingStep(Guid pilotId, string step, Guid spending) => $"/pilots/{pilotId}?step={step}&spending={spending}#step";

    /// <summary>Whether a participant's page offers <paramref name="action"/> for <paramref name="participant"/>.</summary>
    public static bool Offers(string action, PilotDetails pilot, ParticipantView participant, CurrentUser user)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        ArgumentNullException.ThrowIfNull(participant);
        if (!Records(pilot.Id, user) || participant.PersonalDataStatus == PersonalDataStatus.Erased) return false;
        var active = pilot.Status != PilotStatus.Ended;
        return action switch
        {
            DeliverService => active,
            Refer => active && participant.Placement is null && pilot.Companies.Count > 0,
            Place => active && participant.Placement is null && participant.Referrals.Count > 0,
            CorrectData or Erase => true,
            _ => false,
        };
    }
}
