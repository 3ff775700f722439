using Fachwerk.Application.Common;
using FluentValidation;

namespace Fachwerk.Application.Network.People;

/// <summary>
/// A person's data in the regional network (a contact person, a registrant, a speaker, a participant of a programme). They
/// never stand in plain text in the event store: the endpoints seal them with the person's own key before they go into an event.
/// </summary>
/// <param name="GivenName">The person's given name.</param>
/// <param name="FamilyName">The person's family name.</param>
/// <param name="Position">Their position or function, e.g. Referent Wirtschaftsförderung.</param>
/// <param name="Email">An e-mail address, if they gave one.</param>
/// <param name="Phone">A telephone number, if they gave one.</param>
public sealed record PersonalDetails(string GivenName, string FamilyName, string? Position = null, string? Email = null, string? Phone = null);

public sealed class PersonalDetailsValidator : AbstractValidator<PersonalDetails>
{
    public PersonalDetailsValidator()
    {
        RuleFor(x => x.GivenName).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.FamilyName).NotEmpty().MaximumLength(CommonRules.ShortTextLength);
        RuleFor(x => x.Position).MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.Email).MaximumLength(254).EmailAddress();
        RuleFor(x => x.Phone).MaximumLength(30).Matches(@"^\+?[0-9][0-9 ()/-]{4,29}$")
            .WithMessage("A phone number has digits, spaces and + ( ) / - only.");
    }
}
