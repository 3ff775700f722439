using Fachwerk.Application.Common;
using Fachwerk.Domain.Network;
using FluentValidation;

namespace Fachwerk.Application.Network;

/// <summary>Field rules shared by the network's commands.</summary>
public static class NetworkValidation
{
    /// <summary>Most entries a list in a command may have (organisers, areas, attendees, ...).</summary>
    public const int MaxListLength = 100;

    /// <summary>Longer texts: a summary, an idea, a recommendation, results.</summary>
    public const int TextLength = 4000;

    public static IRuleBuilderOptions<T, IReadOnlyList<TItem>> ShortList<T, TItem>(this IRuleBuilder<T, IReadOnlyList<TItem>> rule) =>
        rule.NotNull().Must(list => list.Count <= MaxListLength).WithMessage($"At most {MaxListLength} entries.");

    public static IRuleBuilderOptions<T, string?> OptionalName<T>(this IRuleBuilder<T, string?> rule) => rule.MaximumLength(CommonRules.NameLength);
}

public sealed class AreaValidator : AbstractValidator<Area>
{
    public AreaValidator()
    {
        RuleFor(x => x.FederalState).IsInEnum();
        RuleFor(x => x.District).MaximumLength(CommonRules.ShortTextLength);
    }
}

public sealed class PlaceValidator : AbstractValidator<Place>
{
    public PlaceValidator()
    {
        RuleFor(x => x.Town).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.District).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.FederalState).IsInEnum();
        RuleFor(x => x.Venue).MaximumLength(CommonRules.NameLength);
    }
}
