using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// Mails several notifications recorded together (a page of the notification subscription): one message, one read of the
/// notifications and their recipients' profiles, and one transaction recording what went out, where one
/// <see cref="SendNotificationMail"/> each would take one of each per mail (issue 25).
/// </summary>
/// <param name="Mails">The mails, in the order they are sent.</param>
public sealed record SendNotificationMails(IReadOnlyList<SendNotificationMail> Mails)
{
    /// <summary>The message that sends <paramref name="mails"/>: none for none, the single message for one, this for more.</summary>
    public static object? MessageFor(IReadOnlyCollection<SendNotificationMail> mails)
    {
        ArgumentNullException.ThrowIfNull(mails);
        return mails.Count switch
        {
            0 => null,
            1 => mails.First(),
            _ => new SendNotificationMails([.. mails]),
        };
    }
}

/// <summary>
/// Sends the mails of a <see cref="SendNotificationMails"/> one after the other and records each as the single message's handler
/// does, all in one transaction. When a mail fails (the server away or refusing it), the mails sent before it are recorded as sent,
/// and it and the ones after it are handed on as single <see cref="SendNotificationMail"/> messages in the same transaction, each
/// retried and dead-lettered on its own (<see cref="MailRetryPolicy"/>): a mail the server took is never sent again because
/// another failed, and none is lost (ADR 0091).
/// </summary>
public static partial class SendNotificationMailsHandler
{
    public static async Task Handle(
        SendNotificationMails command, IDocumentSession session, IMessageBus bus, IMailTransport transport, IOptions<NotificationOptions> options,
        TimeProvider clock, ILogger<SendNotificationMails> logger, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(command);
        var mails = command.Mails.Where(m => m is not null).DistinctBy(m => m.NotificationId).ToList();
        if (mails.Count == 0) return;

        var read = await SendNotificationMailHandler.ReadAsync(session, mails, cancellation);
        for (var i = 0; i < read.Count; i++)
        {
            try
            {
                await SendNotificationMailHandler.MailAsync(session, read[i].Notification, read[i].Profile, transport, options.Value.Smtp, clock, cancellation);
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                LogHandedOn(logger, failure, read.Count, read.Count - i);
                foreach (var (rest, _, _) in read.Skip(i)) await bus.PublishAsync(rest);
                return;
            }
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning,
        Message = "A mail of a batch of {Count} failed; it and the ones after it, {Remaining} in all, are sent one by one, each retried on its own")]
    private static partial void LogHandedOn(ILogger logger, Exception failure, int count, int remaining);
}
