namespace Fachwerk.Application.Common;

/// <summary>The funding authority's calendar: days begin and end in German time (Europe/Berlin).</summary>
public static class AuthorityTime
{
    public static readonly TimeZoneInfo Zone = Domain.Common.AuthorityCalendar.Zone;

    /// <summary>The moment <paramref name="day"/> begins in Germany.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }

    /// <summary>The first day of the calendar month <paramref name="moment"/> falls in, in Germany.</summary>
    public static DateOnly MonthOf(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, Zone);
        return new DateOnly(local.Year, local.Month, 1);
    }

    /// <summary>The German calendar day <paramref name="moment"/> falls on.</summary>
    public static DateOnly DayOf(DateTimeOffset moment) => Domain.Common.AuthorityCalendar.DayOf(moment);
}
