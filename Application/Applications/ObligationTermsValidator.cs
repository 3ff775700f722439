using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using FluentValidation;

namespace Fachwerk.Application.Applications;

/// <summary>
/// An obligation as a proposed approval states it (ADR 0126): every rule of <see cref="ObligationDecider.Checked"/> answered as a field
/// error (400) before anything is appended, so the form can show each next to its field.
/// </summary>
public sealed class ObligationTermsValidator : AbstractValidator<ObligationTerms>
{
    /// <summary>The most due days one obligation names.</summary>
    public const int MaxDueDates = 40;

    public ObligationTermsValidator()
    {
        RuleFor(x => x.Kind).IsInEnum();
        RuleFor(x => x.Description).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.StartsOn).PlausibleDate();
        RuleFor(x => x.Months).InclusiveBetween(1, ObligationDecider.MaxMonths)
            .WithMessage($"An obligation runs 1 to {ObligationDecider.MaxMonths} months.");
        RuleFor(x => x.RequiredEvidence).NotEmpty().MaximumLength(CommonRules.NameLength);
        RuleFor(x => x.EvidenceDueDates).NotEmpty().WithMessage("An obligation names at least one day by which evidence is due.")
            .Must(d => d is null || d.Count <= MaxDueDates).WithMessage($"At most {MaxDueDates} days by which evidence is due.");
        // Every due day is checked, each by the first rule it breaks (the rules exclude each other).
        RuleForEach(x => x.EvidenceDueDates).Cascade(CascadeMode.Continue)
            .Must(Plausible).WithMessage("A date between 1990-01-01 and 2100-12-31 is required.")
            .Must((terms, day) => !Plausible(day) || day >= terms.StartsOn).WithMessage("Evidence cannot be due before the obligation starts.")
            .Must((terms, day) => !Plausible(day) || day < terms.StartsOn || !Plausible(terms.StartsOn) || terms.Months is < 1 or > ObligationDecider.MaxMonths
                                  || day <= ObligationDecider.LatestDueDate(terms.StartsOn, terms.Months))
            .WithMessage("Evidence is due at the latest a year after the obligation ends.");
    }

    private static bool Plausible(DateOnly day) => day >= new DateOnly(1990, 1, 1) && day <= new DateOnly(2100, 12, 31);
}
