using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Application.Audit;

/// <summary>A readable name in German (the users' language) and English.</summary>
public sealed record Label(string De, string En);

/// <summary>
/// What every event type is called on auditors' screens and in case files. A test fails when an event type has no label:
/// add one here with every new event.
/// </summary>
public static class EventLabels
{
    private static readonly Dictionary<Type, Label> Labels = new()
    {
        // Organisations
        [typeof(OrganisationRegistered)] = new("Organisation registriert", "Organisation registered"),

        // Alliances
        [typeof(AllianceFounded)] = new("Bündnis gegründet", "Alliance founded"),
        [typeof(AllianceRecognized)] = new("Bündnis anerkannt", "Alliance recognized"),
        [typeof(AllianceRecognitionWithdrawn)] = new("Anerkennung des Bündnisses zurückgenommen", "Alliance recognition withdrawn"),
        [typeof(MemberJoined)] = new("Mitglied aufgenommen", "Member joined"),
        [typeof(MemberLeft)] = new("Mitglied ausgeschieden", "Member left"),
        [typeof(AllianceTargetGroupsFocused)] = new("Zielgruppen festgelegt", "Target groups focused"),
        [typeof(AllianceDissolved)] = new("Bündnis aufgelöst", "Alliance dissolved"),

        // Funding programmes
        [typeof(FundingProgrammeLaunched)] = new("Förderprogramm aufgelegt", "Funding programme launched"),
        [typeof(FundingProgrammeToppedUp)] = new("Programmbudget aufgestockt", "Programme budget topped up"),
        [typeof(FundingProgrammeCut)] = new("Programmbudget gekürzt", "Programme budget cut"),
        [typeof(AlliancePlanningBudgetSet)] = new("Planungsbudget für Bündnis festgelegt", "Alliance planning budget set"),
        [typeof(FundsCommitted)] = new("Mittel gebunden", "Funds committed"),
        [typeof(FundsReleased)] = new("Mittel freigegeben", "Funds released"),

        // Funding applications
        [typeof(ApplicationDrafted)] = new("Förderantrag angelegt", "Application drafted"),
        [typeof(ApplicationAmended)] = new("Förderantrag geändert", "Application amended"),
        [typeof(ApplicationSubmitted)] = new("Förderantrag eingereicht", "Application submitted"),
        [typeof(DocumentsRequested)] = new("Unterlagen nachgefordert", "Documents requested"),
        [typeof(DocumentsSupplied)] = new("Unterlagen nachgereicht", "Documents supplied"),
        [typeof(ApplicationLapsed)] = new("Antrag wegen fehlender Unterlagen erledigt", "Application lapsed (documents missing)"),
        [typeof(ApplicationFormallyCompleted)] = new("Antrag formal vollständig", "Application formally complete"),
        [typeof(AllianceVoteCast)] = new("Votum des Bündnisses abgegeben", "Alliance vote cast"),
        [typeof(DecisionProposed)] = new("Entscheidung vorgeschlagen", "Decision proposed"),
        [typeof(DecisionReturned)] = new("Entscheidungsvorschlag zurückgegeben", "Decision proposal returned"),
        [typeof(DecisionConfirmed)] = new("Entscheidung mitgezeichnet (Vier-Augen-Prinzip)", "Decision confirmed (four-eyes)"),
        [typeof(ApplicationRejected)] = new("Antrag abgelehnt", "Application rejected"),
        [typeof(ApplicationApproved)] = new("Antrag bewilligt", "Application approved"),
        [typeof(ApprovalBlocked)] = new("Bewilligung blockiert (Mittel fehlen)", "Approval blocked (funds short)"),
        [typeof(ApprovedAmountReduced)] = new("Bewilligte Summe herabgesetzt", "Approved amount reduced"),
        [typeof(ApplicationWithdrawn)] = new("Antrag zurückgezogen", "Application withdrawn"),
        [typeof(DecisionReminderRaised)] = new("Erinnerung: Entscheidung überfällig", "Reminder: decision overdue"),
    };

    /// <summary>The event types that have a label.</summary>
    public static IReadOnlyCollection<Type> Known => Labels.Keys;

    public static bool Has(Type eventType) => Labels.ContainsKey(eventType);

    /// <summary>The label of an event type; an unlabelled type (a gap the tests report) shows its technical name in both languages.</summary>
    public static Label For(Type? eventType) =>
        eventType is not null && Labels.TryGetValue(eventType, out var label) ? label : new Label(eventType?.Name ?? "?", eventType?.Name ?? "?");
}
