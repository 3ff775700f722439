using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Programmes;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Programmes;

/// <summary>
/// Publishes a new version of the programme's application form: the extra fields applications drafted from now on ask for, beside
/// the project plan (ADR 0122). Applications drafted earlier keep the version they were drafted with.
/// </summary>
/// <param name="Fields">The fields, in the order the applicant sees them: key, kind (text, number, money, date, choice, yesNo,
/// document), whether required, label and help text in German and English, and the limits that fit the kind (maxLength; min, max;
/// earliest, latest; choices).</param>
public sealed record PublishApplicationForm(long ExpectedVersion, IReadOnlyList<FormField> Fields, string? Reason = null) : IChangeCommand;

public sealed class PublishApplicationFormValidator : ChangeCommandValidator<PublishApplicationForm>
{
    public PublishApplicationFormValidator()
    {
        RuleFor(x => x.Fields).NotNull().Must(f => f is null || f.Count <= ApplicationForm.MaxFields)
            .WithMessage($"At most {ApplicationForm.MaxFields} fields.");
        RuleForEach(x => x.Fields).ChildRules(field =>
        {
            field.RuleFor(f => f.Key).NotEmpty().MaximumLength(40).Matches("^[A-Za-z][A-Za-z0-9_-]*$")
                .WithMessage("A key starts with a letter and has letters, digits, '-' or '_'.");
            field.RuleFor(f => f.Kind).IsInEnum();
            field.RuleFor(f => f.Label).NotNull();
            field.RuleFor(f => f.Label.De).NotEmpty().MaximumLength(CommonRules.ShortTextLength).When(f => f.Label is not null);
            field.RuleFor(f => f.Label.En).MaximumLength(CommonRules.ShortTextLength).When(f => f.Label is not null);
            field.RuleFor(f => f.Help!.De).MaximumLength(CommonRules.ReasonLength).When(f => f.Help is not null);
            field.RuleFor(f => f.Help!.En).MaximumLength(CommonRules.ReasonLength).When(f => f.Help is not null);
            field.RuleFor(f => f.MaxLength).InclusiveBetween(1, ApplicationForm.MaxTextLength);
            field.RuleFor(f => f.Choices).Must(c => c is null || c.Count <= 50).WithMessage("At most 50 choices.");
            field.RuleForEach(f => f.Choices).ChildRules(choice =>
            {
                choice.RuleFor(c => c.Value).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
                choice.RuleFor(c => c.Label).NotNull();
                choice.RuleFor(c => c.Label.De).NotEmpty().MaximumLength(CommonRules.ShortTextLength).When(c => c.Label is not null);
            });
        });
    }
}

public static class PublishApplicationFormEndpoint
{
    /// <summary>
    /// Publishes a new version of the programme's application form (ADR 0122). Answers the programme's new version; the same fields
    /// as the current version record nothing. Keys are unique, limits fit their kind, a choice field offers at least two choices.
    /// </summary>
    [Authorize(Roles = Roles.ProgrammeManagers)]
    [WolverinePut("/api/programmes/{programmeId}/application-form")]
    public static (CommandAccepted, Events) Put(
        PublishApplicationForm command,
        [WriteAggregate("programmeId")] FundingProgramme programme,
        ClaimsPrincipal user,
        TimeProvider clock)
    {
        Events events = [.. ProgrammeDecider.PublishApplicationForm(programme, command.Fields, user.Stamp(clock))];
        return (CommandAccepted.After(programme.Id, command, events), events);
    }
}
