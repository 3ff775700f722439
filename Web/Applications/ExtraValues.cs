using System.Globalization;
using Fachwerk.Domain.Programmes;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Applications;

/// <summary>An extra field's label, help and value for the reader (ADR 0122): in the user's language, values written their way.</summary>
public static class ExtraValues
{
    public static string Language => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static string Label(FormField field) => field.Label.In(Language);

    public static string? Help(FormField field) => field.Help?.In(Language);

    /// <summary>The value as the reader reads it: amounts and dates their way, yes/no and choices by their label.</summary>
    public static string Display(FormField field, string? value, IStringLocalizer t)
    {
        if (string.IsNullOrEmpty(value)) return "—";
        var invariant = CultureInfo.InvariantCulture;
        return field.Kind switch
        {
            FormFieldKind.Money when decimal.TryParse(value, NumberStyles.Number, invariant, out var money) => Formats.Money(money),
            FormFieldKind.Number when decimal.TryParse(value, NumberStyles.Number, invariant, out var number) => number.ToString("#,##0.##########", CultureInfo.CurrentCulture),
            FormFieldKind.Date when DateOnly.TryParseExact(value, "yyyy-MM-dd", invariant, DateTimeStyles.None, out var day) => Formats.Date(day),
            FormFieldKind.YesNo => t[value == "true" ? "common.yes" : "common.no"],
            FormFieldKind.Choice => field.Choices?.FirstOrDefault(c => c.Value == value)?.Label.In(Language) ?? value,
            _ => value,
        };
    }
}
