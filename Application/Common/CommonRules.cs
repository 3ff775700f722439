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

    public static IRuleBuilderOptions<T, DateOnly> PlausibleDate<T>(this IRuleBuilder<T, DateOnly> rule) =>
        rule.InclusiveBetween(new DateOnly(1990, 1, 1), new DateOnly(2100, 12, 31))
            .WithMessage("A date between 1990-01-01 and 2100-12-31 is required.");

    public static void PagingRules<T>(this AbstractValidator<T> validator) where T : IPagedQuery
    {
        validator.RuleFor(x => x.Page).GreaterThanOrEqualTo(1);
        validator.RuleFor(x => x.PageSize).InclusiveBetween(1, Paging.MaxPageSize);
    }
}
