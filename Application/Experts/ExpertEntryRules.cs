using Fachwerk.Application.Common;
using FluentValidation;

namespace Fachwerk.Application.Experts;

/// <summary>What registering and changing an entry share: the profile's fields.</summary>
public interface IExpertEntryCommand : ICommand
{
    string DisplayName { get; }

    string? Affiliation { get; }

    IReadOnlyList<string>? Fields { get; }

    string? Email { get; }
}

/// <summary>The rules of an entry's fields: a name, at most 10 fields of expertise of up to 100 characters, a valid e-mail address if any.</summary>
public static class ExpertEntryRules
{
    public const int MaxFields = 10;

    public static void EntryRules<T>(this AbstractValidator<T> validator) where T : IExpertEntryCommand
    {
        validator.RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Name the expert.").MaximumLength(CommonRules.NameLength);
        validator.RuleFor(x => x.Affiliation).MaximumLength(CommonRules.NameLength);
        validator.RuleFor(x => x.Fields).NotEmpty().WithMessage("Name at least one field of expertise.")
            .Must(f => f is null || f.Count <= MaxFields).WithMessage("At most 10 fields of expertise.");
        validator.RuleForEach(x => x.Fields).NotEmpty().WithMessage("A field of expertise is named.").MaximumLength(CommonRules.ShortTextLength);
        validator.RuleFor(x => x.Email).MaximumLength(254).EmailAddress().WithMessage("A valid e-mail address is required.");
        validator.OptionalReasonRule();
    }
}
