using Fachwerk.Domain.Common;

namespace Fachwerk.Application.States;

/// <summary>The federal states by their official two-letter codes (ISO 3166-2:DE without the "DE-"), as used in addresses like <c>/states/NI</c>.</summary>
public static class StateCodes
{
    private static readonly IReadOnlyDictionary<FederalState, string> Codes = new Dictionary<FederalState, string>
    {
        [FederalState.BadenWuerttemberg] = "BW", [FederalState.Bayern] = "BY", [FederalState.Berlin] = "BE", [FederalState.Brandenburg] = "BB",
        [FederalState.Bremen] = "HB", [FederalState.Hamburg] = "HH", [FederalState.Hessen] = "HE", [FederalState.MecklenburgVorpommern] = "MV",
        [FederalState.Niedersachsen] = "NI", [FederalState.NordrheinWestfalen] = "NW", [FederalState.RheinlandPfalz] = "RP",
        [FederalState.Saarland] = "SL", [FederalState.Sachsen] = "SN", [FederalState.SachsenAnhalt] = "ST", [FederalState.SchleswigHolstein] = "SH",
        [FederalState.Thueringen] = "TH",
    };

    public static string CodeOf(FederalState state) => Codes[state];

    /// <summary>The state with this code (any case); null for an unknown code.</summary>
    public static FederalState? StateOf(string code) =>
        Codes.FirstOrDefault(c => string.Equals(c.Value, code.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } found ? found.Key : null;
}
