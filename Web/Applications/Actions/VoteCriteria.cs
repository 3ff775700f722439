namespace Fachwerk.Web.Applications.Actions;

/// <summary>
/// The criteria the vote form offers to score (0 to 10, each optional). The API takes any criteria; these are the ones the
/// alliances' guidelines name most often, in German as they are recorded.
/// </summary>
public static class VoteCriteria
{
    public static readonly IReadOnlyList<string> All =
        ["Regionaler Bedarf", "Beitrag zur Fachkräftesicherung", "Beteiligung von Betrieben", "Nachhaltigkeit"];
}
