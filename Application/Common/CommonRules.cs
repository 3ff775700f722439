using FluentValidation;

namespace Fachwerk.Application.Common;

/// <summary>Limits and rules shared by the validators of many commands.</summary>
public static class CommonRules
{
    public const int NameLength = 200;
    public const int ShortTextLength = 100;
    public const int ReasonLength = 2000;

    /// <summary>The expected version of an existing stream: streams start at version 1.</summary>
    public static void ExpectedVersionRule<T>(this AbstractValidator<T> validator) where T : IChangeCommand =>
        validator.RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(1)
            .WithMessage("expectedVersion is required: the version of the stream you last read (1 or more).");

    public static void OptionalReasonRule<T>(this AbstractValidator<T> validator) where T : ICommand =>
        validator.RuleFor(x => x.Reason).MaximumLength(ReasonLength);

    public static void RequiredReasonRule<T>(this AbstractValidator<T> validator) where T : ICommand =>
        validator.RuleFor(x => x.Reason).NotEmpty().WithMessage("A reason is required.").MaximumLength(ReasonLength);

    /// <summary>Largest amount of money the service accepts in one field (EUR).</summary>
    public const decimal MaxAmount = 10_000_000_000m;

    /// <summary>A positive amount of EUR in cents.</summary>
    public static IRuleBuilderOptions<T, decimal> Money<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.GreaterThan(0).WithMessage("An amount above 0 EUR is required.")
            .LessThanOrEqualTo(MaxAmount).WithMessage("The amount is implausibly large.")
            .Must(HasCents).WithMessage("Amounts are in EUR with at most two decimal places (cents).");

    /// <summary>Zero or a positive amount of EUR in cents.</summary>
    public static IRuleBuilderOptions<T, decimal> MoneyOrZero<T>(this IRuleBuilder<T, decimal> rule) =>
        rule.GreaterThanOrEqualTo(0).WithMessage("The amount cannot be negative.")
            .LessThanOrEqualTo(MaxAmount).WithMessage("The amount is implausibly large.")
            .Must(HasCents).WithMessage("Amounts are in EUR with at most two decimal places (cents).");

    private static bool HasCents(decimal amount) => decimal.Round(amount, 2) == amount;

    public static void PeriodRules<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, Fachwerk.Domain.Common.Period>> period)
    {
        validator.RuleFor(period).Must(p => p.From >= new DateOnly(1990, 1, 1) && p.To <= new DateOnly(2100, 12, 31))
            .WithMessage("Dates between 1990-01-01 and 2100-12-31 are required.")
            .Must(p => p.To >= p.From).WithMessage("The period cannot end before it starts.");
    }

    public static IRuleBuilderOptions<T, DateOnly> PlausibleDate<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.InclusiveBetween(new DateOnly(1990, 1, 1), new DateOnly(2100, 12, 31))
            .WithMessage("A date between 1990-01-01 and 2100-12-31 is required.");

    public static void PagingRules<T>(this AbstractValidator<T> validator) where T : IPagedQuery
    {
        validator.RuleFor(x => x.Page).InclusiveBetween(1, Paging.MaxPage);
        validator.RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}

/// <summary>Validates what every change command carries: the expected version, and a reason (required or optional).</summary>
public abstract class ChangeCommandValidator<T> : AbstractValidator<T> where T : IChangeCommand
{
    protected ChangeCommandValidator(bool reasonRequired = false)
    {
        this.ExpectedVersionRule();
        if (reasonRequired)
            this.RequiredReasonRule();
        else
            this.OptionalReasonRule();
    }
}

