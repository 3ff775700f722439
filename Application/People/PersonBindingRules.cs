using Fachwerk.Application.Common;
using Fachwerk.Domain.People;
using FluentValidation;

namespace Fachwerk.Application.People;

/// <summary>A grant or revocation of a binding: whose, to what.</summary>
public interface IBindingCommand : IChangeCommand
{
    string UserId { get; }

    BindingKind Kind { get; }

    Guid TargetId { get; }
}

/// <summary>What grants and revocations of bindings carry: the person, the binding and a reason.</summary>
public abstract class BindingCommandValidator<T> : AbstractValidator<T> where T : IBindingCommand
{
    /// <summary>Longest user id accepted (OpenID Connect subjects are at most 255 ASCII characters).</summary>
    public const int UserIdLength = 255;

    protected BindingCommandValidator()
    {
        RuleFor(x => x.ExpectedVersion).GreaterThanOrEqualTo(0)
            .WithMessage("expectedVersion is required: the version of the person's record you last read (0 while nothing is recorded).");
        RuleFor(x => x.UserId).NotEmpty().MaximumLength(UserIdLength);
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.TargetId).NotEmpty();
        this.RequiredReasonRule();
    }
}
