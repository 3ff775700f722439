using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;

namespace Fachwerk.Application.Applications;

/// <summary>The result of a check of a proof of use: what it found wrong (nothing, if the list is empty).</summary>
/// <param name="Findings">What the check found wrong; empty if nothing.</param>
public sealed record CompleteProofCheck(long ExpectedVersion, IReadOnlyList<Finding> Findings, string? Reason = null) : IChangeCommand;

public sealed class CompleteProofCheckValidator : ChangeCommandValidator<CompleteProofCheck>
{
    public CompleteProofCheckValidator()
    {
        RuleFor(x => x.Findings).NotNull().Must(f => f.Count <= 200).WithMessage("At most 200 findings per check.");
        RuleForEach(x => x.Findings).ChildRules(finding =>
        {
            finding.RuleFor(f => f.Description).NotEmpty().MaximumLength(CommonRules.ReasonLength);
            finding.RuleFor(f => f.AmountConcerned!.Value).MoneyOrZero().When(f => f.AmountConcerned is not null)
                .OverridePropertyName(nameof(Finding.AmountConcerned));
        });
    }
}
