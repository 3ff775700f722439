using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;

namespace Fachwerk.Application.Letters;

/// <summary>
/// What a decision letter says, every fact taken from the events up to the decision (ADR 0104): a Zuwendungsbescheid for an
/// approval, an Ablehnungsbescheid with its reasons for a rejection. Rendered again from the same events it is the same PDF, byte
/// for byte.
/// </summary>
/// <param name="ApplicationId">The application; also the letter's file number (Aktenzeichen).</param>
/// <param name="ApplicantName">The applicant organisation's name at the time of the approval.</param>
/// <param name="ApplicantTown">Its town.</param>
/// <param name="ProgrammeName">The funding programme.</param>
/// <param name="ProjectTitle">The project.</param>
/// <param name="Duration">The project's duration (the period of the grant).</param>
/// <param name="SubmittedAt">When the application was submitted.</param>
/// <param name="TotalCosts">The project's eligible costs, in EUR.</param>
/// <param name="Amount">The grant, in EUR (0 for a rejection).</param>
/// <param name="FundingRate">The grant's share of the eligible costs (0.8 is 80 %).</param>
/// <param name="RetainedFinalInstalment">The part of the grant kept back until the final proof of use is checked, in EUR.</param>
/// <param name="Conditions">The conditions attached (Nebenbestimmungen).</param>
/// <param name="ProofsOfUse">The proofs of use due, with their dates.</param>
/// <param name="ProposedBy">Who proposed the decision (the first of the four eyes).</param>
/// <param name="ProposedAt">When.</param>
/// <param name="ConfirmedBy">Who confirmed it (the second).</param>
/// <param name="ConfirmedAt">When.</param>
/// <param name="IssuedAt">When the approval or rejection was recorded: the letter's date, and its PDF's creation date.</param>
/// <param name="Kind">Whether the application was approved or rejected.</param>
/// <param name="RejectionReason">Why it was rejected (the proposal's reasons, confirmed by the second person); null for an approval.</param>
public sealed record DecisionLetter(
    Guid ApplicationId,
    string ApplicantName,
    string ApplicantTown,
    string ProgrammeName,
    string ProjectTitle,
    Period Duration,
    DateTimeOffset? SubmittedAt,
    decimal TotalCosts,
    decimal Amount,
    decimal FundingRate,
    decimal RetainedFinalInstalment,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<ProofOfUseDue> ProofsOfUse,
    string ProposedBy,
    DateTimeOffset ProposedAt,
    string ConfirmedBy,
    DateTimeOffset ConfirmedAt,
    DateTimeOffset IssuedAt,
    DecisionKind Kind = DecisionKind.Approve,
    string? RejectionReason = null)
{
    /// <summary>
    /// The obligations imposed with the approval (Auflagen with their evidence and due days, ADR 0126): those of the confirmed proposal,
    /// appended in the approval's transaction; none for a rejection. Obligations imposed later on the grant are not part of this letter.
    /// </summary>
    public IReadOnlyList<ObligationImposed> Obligations { get; init; } = [];

    /// <summary>What the letter is called: <c>Zuwendungsbescheid</c> or <c>Ablehnungsbescheid</c>.</summary>
    public string Title => Kind == DecisionKind.Reject ? "Ablehnungsbescheid" : "Zuwendungsbescheid";

    /// <summary>The letter's file name, e.g. <c>Zuwendungsbescheid-0193c0de.pdf</c>.</summary>
    public string FileName => $"{Title}-{ApplicationId.ToString("N")[..8]}.pdf";
}
