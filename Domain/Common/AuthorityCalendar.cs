namespace Fachwerk.Domain.Common;

/// <summary>
/// The funding authority's calendar: a day begins and ends in German time (Europe/Berlin). Every rule about "today" (nothing
/// recorded ahead, a payment due soon, an obligation overdue, a call's window) and every form's proposed date use it; in UTC it
/// is still yesterday for the first hours of a German day, and a rule counting in UTC refused what the form had just proposed.
/// </summary>
public static class AuthorityCalendar
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    /// <summary>The German calendar day <paramref name="moment"/> falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);
}
