namespace Fachwerk.Domain.Common;

/// <summary>The sixteen German federal states (Bundesländer).</summary>
public enum FederalState
{
    BadenWuerttemberg,
    Bayern,
    Berlin,
    Brandenburg,
    Bremen,
    Hamburg,
    Hessen,
    MecklenburgVorpommern,
    Niedersachsen,
    NordrheinWestfalen,
    RheinlandPfalz,
    Saarland,
    Sachsen,
    SachsenAnhalt,
    SchleswigHolstein,
    Thueringen,
}

/// <summary>A date range of a funding period or pilot phase; both ends inclusive.</summary>
public readonly record struct Period(DateOnly From, DateOnly To)
{
    public bool Contains(DateOnly day) => day >= From && day <= To;
}
