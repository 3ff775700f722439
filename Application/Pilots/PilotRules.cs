using FluentValidation;

namespace Fachwerk.Application.Pilots;

/// <summary>Field rules shared by the pilot commands.</summary>
public static class PilotRules
{
    /// <summary>ISO 3166-1 alpha-2, upper case: DE, LV.</summary>
    public static IRuleBuilderOptions<T, string> CountryCode<T>(this IRuleBuilder<T, string> rule) =>
        rule.NotEmpty().Matches("^[A-Z]{2}$").WithMessage("A country is its ISO 3166-1 alpha-2 code in capitals, e.g. DE or LV.");
}
