using Marten;
using Wolverine;

namespace Fachwerk.Application.Notifications;

/// <summary>The notifications' documents and the queue their mails and reminders go through (docs/notifications.md).</summary>
public sealed class NotificationsModule : FachwerkModule
{
    public const string Queue = "notifications";

    public override void ConfigureStore(StoreOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        // The bell reads a user's notifications, newest first.
        opts.Schema.For<Notification>().Index(n => n.Recipient).Index(n => n.CreatedAt);
        opts.Schema.For<UserProfile>();
        opts.Schema.For<NotificationPreferences>();
    }

    public override void ConfigureMessaging(WolverineOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        // Durable like every local queue: a mail or reminder waiting here survives a restart.
        opts.PublishMessage<SendNotificationMail>().ToLocalQueue(Queue);
        opts.PublishMessage<SendNotificationMails>().ToLocalQueue(Queue);
        opts.PublishMessage<DeadlineReminderDue>().ToLocalQueue(Queue);
        opts.PublishMessage<TaskOverdueDue>().ToLocalQueue(Queue);
        opts.PublishMessage<DailyDigestDue>().ToLocalQueue(Queue);
    }
}
