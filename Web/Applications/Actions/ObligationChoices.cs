using System.Globalization;
using Fachwerk.Application.Applications;
using Fachwerk.Domain.Applications;

namespace Fachwerk.Web.Applications.Actions;

/// <summary>
/// What the obligation forms offer (the API's rules, as a courtesy): obligations neither breached nor lifted, and their due days without evidence;
/// a due day is chosen as "number|yyyy-MM-dd".
/// </summary>
public static class ObligationChoices
{
    public static IReadOnlyList<ObligationView> Open(IReadOnlyList<ObligationView> obligations) =>
        [.. (obligations ?? []).Where(o => o.Breach is null && o.LiftedInVersion is null)];

    public static IReadOnlyList<(ObligationView Obligation, EvidenceDue Due)> OpenDues(IReadOnlyList<ObligationView> obligations) =>
        [.. Open(obligations).SelectMany(o => o.Dues.Where(d => d.Evidence is null).Select(d => (o, d)))];

    public static string Key(ObligationView obligation, EvidenceDue due)
    {
        ArgumentNullException.ThrowIfNull(obligation);
        ArgumentNullException.ThrowIfNull(due);
        return string.Create(CultureInfo.InvariantCulture, $"{obligation.Number}|{due.DueBy:yyyy-MM-dd}");
    }

    public static (int Number, DateOnly DueBy)? Parse(string? key)
    {
        var parts = (key ?? "").Split('|');
        return parts.Length == 2 && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
               && DateOnly.TryParseExact(parts[1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var dueBy)
            ? (number, dueBy)
            : null;
    }
}
