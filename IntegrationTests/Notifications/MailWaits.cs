using System.Linq.Expressions;
using Fachwerk.Application.Notifications;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;

namespace Fachwerk.IntegrationTests.Notifications;

/// <summary>Waiting for the mails of notifications without sleeping for a fixed time: until every one to be mailed now was sent (or will not be).</summary>
public static class MailWaits
{
    /// <summary>Waits until no notification matching <paramref name="about"/> waits for its mail at once, and answers them all.</summary>
    public static async Task<IReadOnlyList<Notification>> SettledAsync(IDocumentStore store, Expression<Func<Notification, bool>> about)
    {
        ArgumentNullException.ThrowIfNull(store);
        return await Eventually.Async<IReadOnlyList<Notification>>(async cancellation =>
        {
            await using var session = store.QuerySession();
            var found = await session.Query<Notification>().Where(about).ToListAsync(cancellation);
            return found.Any(n => n.Delivery == Delivery.Immediate && n.SentAt is null && n.NotMailedBecause is null) ? null : found;
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(50));
    }
}
