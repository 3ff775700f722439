using Fachwerk.Application.Common;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// When the daily digest goes out: each morning at seven, German time, collecting what came since the previous morning's digest
/// (ADR 0097).
/// </summary>
public static class DailyDigest
{
    public static readonly TimeOnly SentAt = new(7, 0);

    /// <summary>The day whose morning digest collects a notification made at <paramref name="moment"/>: today before seven, else tomorrow.</summary>
    public static DateOnly DayFor(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, AuthorityTime.Zone);
        var today = DateOnly.FromDateTime(local.DateTime);
        return TimeOnly.FromDateTime(local.DateTime) < SentAt ? today : today.AddDays(1);
    }

    /// <summary>The moment the digest of <paramref name="day"/> goes out.</summary>
    public static DateTimeOffset At(DateOnly day)
    {
        var local = day.ToDateTime(SentAt, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, AuthorityTime.Zone.GetUtcOffset(local));
    }
}
