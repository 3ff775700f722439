using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Pilots;
using Fachwerk.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Pilots;

/// <summary>How the pilot pages say a pilot's dates, services and kinds, the same on every page.</summary>
public static class PilotTexts
{
    public static string Phase(PilotDetails pilot, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        ArgumentNullException.ThrowIfNull(text);
        return text["application.fromTo", Formats.Date(pilot.PilotPhase.From), Formats.Date(pilot.PilotPhase.To)];
    }

    /// <summary>The last day the pilot records anything: the end of its phase, or of its continuation.</summary>
    public static DateOnly? ActiveUntil(PilotDetails pilot)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        return pilot.Continuation?.ContinuedUntil ?? (pilot.Status == PilotStatus.Ended ? null : pilot.PilotPhase.To);
    }

    /// <summary>The services offered to participants (not the intercultural training, which is held for companies).</summary>
    public static IReadOnlyList<PilotService> ParticipantServices(PilotDetails pilot)
    {
        ArgumentNullException.ThrowIfNull(pilot);
        return [.. pilot.OfferedServices.Where(s => s != PilotService.InterculturalTraining)];
    }

    /// <summary>A funding source's own rules in words (ADR 0124): its EU funding period, the cost categories it pays.</summary>
    public static string SourceRules(PilotSourceFunds source, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        var rules = new List<string>();
        if (source.EuFundingPeriod is { } period)
            rules.Add(text["pilots.funding.euPeriod", Formats.Date(period.From), Formats.Date(period.To)]);
        rules.Add(source.CostCategories.Count == 0 ? text["pilots.funding.allCategories"]
            : text["pilots.funding.onlyCategories", string.Join(", ", source.CostCategories.Select(c => text["pilots.costCategory." + c].Value))]);
        return string.Join("; ", rules);
    }

    /// <summary>A funding source as the spending form offers it: its name and what is left of it.</summary>
    public static string SourceChoice(PilotSourceFunds source, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(text);
        return source.Remaining is { } left ? text["pilots.pilot.spending.sourceLeft", source.Name, Formats.Money(left)] : source.Name;
    }

    /// <summary>A spending in one line, e.g. for the form that corrects it: day, source, cost category, amount and note.</summary>
    public static string SpendingSummary(PilotSpendingRecord spending, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(spending);
        return Summary(spending.SpentOn, spending.Source, spending.Category, spending.Amount, spending.Note, text);
    }

    /// <summary>One step of a spending's history in words (ADR 0127): what, when, by whom, its values after it and why.</summary>
    public static string HistoryEntry(PilotSpendingHistoryEntry entry, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(text);
        return text["pilots.spending.history." + entry.Change, Formats.DateTime(entry.At), entry.By,
            Summary(entry.SpentOn, entry.Source, entry.Category, entry.Amount, entry.Note, text), entry.Reason ?? ""];
    }

    private static string Summary(DateOnly spentOn, string source, PilotCostCategory category, decimal amount, string? note, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var summary = text["pilots.spending.summary", Formats.Date(spentOn), source, text["pilots.costCategory." + category], Formats.Money(amount)].Value;
        return note is null ? summary : text["pilots.spending.summaryNote", summary, note];
    }

    /// <summary>An enum value as the API's JSON names it (camelCase), e.g. for the document kinds of an upload.</summary>
    public static string Camel<TEnum>(TEnum value) where TEnum : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}
