using Fachwerk.Application.Common;
using FluentValidation;

namespace Fachwerk.Application.Programmes;

/// <summary>Which regions of a programme's budget are summed, and which months are shown.</summary>
/// <param name="AllianceId">Only the money of this alliance's applications.</param>
/// <param name="District">Only the money of projects in this district (as the alliance spells it; case does not matter).</param>
/// <param name="From">Only the months from the one this day falls in (German time).</param>
/// <param name="To">Only the months up to the one this day falls in (German time).</param>
/// <param name="Months">Whether the months are wanted (the default); a page that shows only the regions' sums asks without them.</param>
public sealed record RegionFilter(
    Guid? AllianceId = null, string? District = null, DateOnly? From = null, DateOnly? To = null, bool Months = true)
{
    /// <summary>The months the filter shows.</summary>
    public BudgetPeriod Period => new(From, To);
}

public sealed class RegionFilterValidator : AbstractValidator<RegionFilter>
{
    public RegionFilterValidator()
    {
        RuleFor(x => x.From!.Value).PlausibleDate().When(x => x.From is not null).OverridePropertyName(nameof(RegionFilter.From));
        RuleFor(x => x.To!.Value).PlausibleDate().When(x => x.To is not null).OverridePropertyName(nameof(RegionFilter.To));
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("The last day cannot be before the first.");
        RuleFor(x => x.District).MaximumLength(CommonRules.ShortTextLength).When(x => x.District is not null);
    }
}
