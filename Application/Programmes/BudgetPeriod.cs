using Fachwerk.Application.Common;
using FluentValidation;

namespace Fachwerk.Application.Programmes;

/// <summary>Which months of a programme's budget over time are shown.</summary>
/// <param name="From">Only the months from the one this day falls in (German time).</param>
/// <param name="To">Only the months up to the one this day falls in (German time).</param>
public sealed record BudgetPeriod(DateOnly? From = null, DateOnly? To = null)
{
    /// <summary>Whether the period touches the month that begins on <paramref name="month"/>.</summary>
    public bool Touches(DateOnly month) =>
        (From is not { } from || month >= new DateOnly(from.Year, from.Month, 1))
        && (To is not { } to || month <= new DateOnly(to.Year, to.Month, 1));
}

public sealed class BudgetPeriodValidator : AbstractValidator<BudgetPeriod>
{
    public BudgetPeriodValidator()
    {
        RuleFor(x => x.From!.Value).PlausibleDate().When(x => x.From is not null).OverridePropertyName(nameof(BudgetPeriod.From));
        RuleFor(x => x.To!.Value).PlausibleDate().When(x => x.To is not null).OverridePropertyName(nameof(BudgetPeriod.To));
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("The last day cannot be before the first.");
    }
}
