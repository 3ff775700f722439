namespace Fachwerk.Domain.Common;

/// <summary>
/// What kind of money a programme's or a pilot's funding source is: EU funds (ESF+, ERDF), federal, state, district or municipal
/// money, a third party's (private) or other money. Stored by name, so new kinds go at the end.
/// </summary>
public enum FundingSourceKind
{
    EuropeanSocialFund,
    EuropeanRegionalDevelopmentFund,
    FederalGovernment,
    StateGovernment,
    Municipality,
    /// <summary>A third party's money: a foundation, a company, a chamber.</summary>
    Private,
    Other,
    /// <summary>A district's (Landkreis) money, e.g. its own share in a regional budget.</summary>
    District,
}
