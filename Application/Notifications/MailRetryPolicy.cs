using System.Net.Sockets;
using JasperFx;
using JasperFx.CodeGeneration;
using MailKit;
using MailKit.Net.Smtp;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// How often and after which pauses a mail the server did not take is tried again (<c>Notifications:Retry</c>): first at once after
/// short pauses, then rescheduled for about a day; after that the message is a dead letter, listed to administrators and replayed by
/// hand (ADR 0091). The schedule is configuration so that a test can walk it to the dead letter in seconds.
/// </summary>
public sealed class MailRetries
{
    /// <summary>Pauses before trying the server again at once.</summary>
    public static readonly TimeSpan[] DefaultPauses = [TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5)];

    /// <summary>Delays of the rescheduled attempts after the pauses, about a day in all.</summary>
    public static readonly TimeSpan[] DefaultDelays =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4), TimeSpan.FromHours(12),
    ];

    /// <summary>Configured pauses; none configured means <see cref="DefaultPauses"/>.</summary>
    public TimeSpan[]? Pauses { get; set; }

    /// <summary>Configured delays; none configured means <see cref="DefaultDelays"/>.</summary>
    public TimeSpan[]? Delays { get; set; }

    public TimeSpan[] PausesOrDefault => Pauses is { Length: > 0 } pauses ? pauses : DefaultPauses;

    public TimeSpan[] DelaysOrDefault => Delays is { Length: > 0 } delays ? delays : DefaultDelays;
}

/// <summary>Applies <see cref="MailRetries"/> to the mail handler: failures of the mail server are retried, then dead-lettered.</summary>
public sealed class MailRetryPolicy(MailRetries retries) : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        ArgumentNullException.ThrowIfNull(chains);
        foreach (var chain in chains.Where(c => c.MessageType == typeof(SendNotificationMail)))
        {
            chain.OnException<SmtpCommandException>().Or<SmtpProtocolException>().Or<ServiceNotConnectedException>().Or<IOException>()
                .Or<SocketException>().Or<TimeoutException>()
                .RetryWithCooldown(retries.PausesOrDefault).Then.ScheduleRetry(retries.DelaysOrDefault).Then.MoveToErrorQueue();
        }
    }
}
