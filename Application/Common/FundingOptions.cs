namespace Fachwerk.Application.Common;

/// <summary>Settings of the funding workflow (configuration section "Funding").</summary>
public sealed class FundingOptions
{
    public const string Section = "Funding";

    /// <summary>Payments above this amount (EUR) are released by someone other than the person who checked them.</summary>
    public decimal PaymentFourEyesAbove { get; set; } = 10_000m;
}
