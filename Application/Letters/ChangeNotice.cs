using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Letters;

/// <summary>
/// What a change notice (Änderungsbescheid) says, every fact taken from the events up to the amended decision version (ADR 0121): the
/// decision it changes, each changed term before and after, the effective date, the reason, and both people of the four-eyes rule.
/// Rendered again from the same events it is the same PDF, byte for byte.
/// </summary>
/// <param name="ApplicationId">The application; also the file number (Aktenzeichen).</param>
/// <param name="Version">The decision version the notice puts in force (the approval is version 1).</param>
/// <param name="AmendmentNumber">The amendment's number within the application.</param>
/// <param name="ApplicantName">The applicant organisation's name when the version came into force.</param>
/// <param name="ApplicantTown">Its town.</param>
/// <param name="ProgrammeName">The funding programme.</param>
/// <param name="ProjectTitle">The project.</param>
/// <param name="ProjectStart">The project's first day (amendments never move it).</param>
/// <param name="DecisionIssuedAt">When the original decision (Zuwendungsbescheid) was issued.</param>
/// <param name="Previous">The decision as it stood before (the version the notice amends).</param>
/// <param name="Amended">The decision as amended.</param>
/// <param name="Changes">The kinds of change.</param>
/// <param name="EffectiveFrom">The day the amended version is in force from.</param>
/// <param name="Reason">Why the decision was amended.</param>
/// <param name="ProposedBy">Who proposed the amendment.</param>
/// <param name="ProposedAt">When.</param>
/// <param name="ConfirmedBy">Who confirmed it (the second person).</param>
/// <param name="ConfirmedAt">When.</param>
/// <param name="IssuedAt">When the amended version was recorded: the notice's date, and its PDF's creation date.</param>
/// <param name="Obligations">The obligations the version adds, changes or lifts (ADR 0129), by number.</param>
public sealed record ChangeNotice(
    Guid ApplicationId,
    int Version,
    int AmendmentNumber,
    string ApplicantName,
    string ApplicantTown,
    string ProgrammeName,
    string ProjectTitle,
    DateOnly ProjectStart,
    DateTimeOffset DecisionIssuedAt,
    ChangeNoticeTerms Previous,
    ChangeNoticeTerms Amended,
    IReadOnlyList<AmendmentChange> Changes,
    DateOnly EffectiveFrom,
    string Reason,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    string ConfirmedBy,
    DateTimeOffset ConfirmedAt,
    DateTimeOffset IssuedAt,
    IReadOnlyList<ChangeNoticeObligation>? Obligations = null)
{
    public const string Title = "Änderungsbescheid";

    /// <summary>The notice's document id: derived from the application and the version, the same for every attempt to issue it.</summary>
    public Guid DocumentId => IssueChangeNoticeHandler.DocumentIdOf(ApplicationId, Version);

    /// <summary>The file name, ASCII like the decision letter's, e.g. <c>Aenderungsbescheid-0193c0de-v2.pdf</c>.</summary>
    public string FileName => $"Aenderungsbescheid-{ApplicationId.ToString("N")[..8]}-v{Version}.pdf";
}

/// <summary>The terms of one decision version a change notice compares.</summary>
/// <param name="Version">The version's number.</param>
/// <param name="EffectiveFrom">The day it is (or was) in force from.</param>
/// <param name="Amount">The grant, in EUR.</param>
/// <param name="FundingRate">The grant's share of the eligible costs.</param>
/// <param name="ProjectEnd">The project's last day.</param>
/// <param name="Conditions">The conditions (Nebenbestimmungen).</param>
/// <param name="CostPlan">The financing.</param>
/// <param name="ProofsOfUse">The proofs of use with their due dates.</param>
public sealed record ChangeNoticeTerms(
    int Version, DateOnly EffectiveFrom, decimal Amount, decimal FundingRate, DateOnly ProjectEnd, IReadOnlyList<string> Conditions, CostPlan CostPlan,
    IReadOnlyList<ProofOfUseDue> ProofsOfUse);

/// <summary>An obligation a change notice adds (no terms before), changes (both) or lifts (no terms after) (ADR 0129).</summary>
/// <param name="Number">The obligation's number within the case.</param>
/// <param name="Before">Its terms before the amended version; none for a new obligation.</param>
/// <param name="After">Its terms in the amended version; none for a lifted obligation.</param>
public sealed record ChangeNoticeObligation(int Number, ObligationTerms? Before, ObligationTerms? After);
