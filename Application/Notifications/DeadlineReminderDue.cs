using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Notifications;

/// <summary>What a reminder is about.</summary>
public enum DeadlineKind
{
    /// <summary>Requested documents; <see cref="DeadlineReminderDue.Item"/> is the request's number.</summary>
    Documents,

    /// <summary>A proof of use; <see cref="DeadlineReminderDue.Item"/> names the proof.</summary>
    ProofOfUse,
}

/// <summary>Scheduled seven days before a deadline and at the start of its day (German time); its handler checks that it still holds.</summary>
public sealed record DeadlineReminderDue(Guid ApplicationId, DeadlineKind Kind, string Item, DateTimeOffset DueBy, int DaysBefore)
{
    /// <summary>When the reminder is due: the start of the day <see cref="DaysBefore"/> days before the deadline's day, German time.</summary>
    public DateTimeOffset At => AuthorityTime.StartOf(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DueBy, AuthorityTime.Zone).DateTime).AddDays(-DaysBefore));
}

/// <summary>The reminders an event's deadlines call for: seven days before and on the day, those still ahead of the event.</summary>
public static class DeadlineReminders
{
    public static readonly int[] DaysBefore = [7, 0];

    public static IEnumerable<(DeadlineReminderDue Reminder, DateTimeOffset At)> For(object @event, DateTimeOffset now) => @event switch
    {
        DocumentsRequested e => Schedule(e.ApplicationId, DeadlineKind.Documents, e.RequestNumber.ToString(System.Globalization.CultureInfo.InvariantCulture), e.DueBy, now),
        ApplicationApproved e => e.ProofsOfUse.SelectMany(p => Schedule(e.ApplicationId, DeadlineKind.ProofOfUse, p.Proof, AuthorityTime.StartOf(p.DueBy), now)),
        ProofOfUseDeadlineExtended e => Schedule(e.ApplicationId, DeadlineKind.ProofOfUse, e.Proof, AuthorityTime.StartOf(e.DueBy), now),
        _ => [],
    };

    private static IEnumerable<(DeadlineReminderDue, DateTimeOffset)> Schedule(Guid applicationId, DeadlineKind kind, string item, DateTimeOffset dueBy, DateTimeOffset now)
    {
        foreach (var days in DaysBefore)
        {
            var reminder = new DeadlineReminderDue(applicationId, kind, item, dueBy, days);
            if (reminder.At > now) yield return (reminder, reminder.At);
        }
    }
}
