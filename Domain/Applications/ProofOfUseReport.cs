namespace Fachwerk.Domain.Applications;

/// <summary>
/// What a proof of use (Verwendungsnachweis) reports: the narrative, what was spent by cost category, the own share and
/// third-party money spent, and the receipts.
/// </summary>
public sealed record ProofOfUseReport(
    string Narrative,
    IReadOnlyDictionary<string, decimal> SpentByCategory,
    decimal OwnShareSpent,
    decimal ThirdPartySpent,
    IReadOnlyList<Receipt> Receipts);
