namespace Fachwerk.Application.Common;

/// <summary>Settings of the funding workflow (configuration section "Funding").</summary>
public sealed class FundingOptions
{
    public const string Section = "Funding";

    /// <summary>
    /// What one person who both checks and releases payments may pay out on one application, all payments together (EUR); beyond
    /// it someone other than the checker releases (ADR 0060).
    /// </summary>
    public decimal PaymentFourEyesAbove { get; set; } = 10_000m;
}
