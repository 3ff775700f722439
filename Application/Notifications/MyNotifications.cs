using System.Security.Claims;
using Fachwerk.Application.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Fachwerk.Application.Notifications;

/// <summary>One of the caller's notifications, with the same texts as its mail.</summary>
/// <param name="Id">The notification.</param>
/// <param name="Kind">What it tells.</param>
/// <param name="ApplicationId">The application it concerns (empty for a pilot project's notification).</param>
/// <param name="Subject">Its line (the mail's subject).</param>
/// <param name="Text">Its text (the mail's plain text).</param>
/// <param name="Link">The page where the caller acts.</param>
/// <param name="CreatedAt">When it was made.</param>
/// <param name="Mailed">Whether its mail (or the daily digest carrying it) went out.</param>
/// <param name="ReadAt">When the caller marked it read; absent while unread.</param>
public sealed record NotificationEntry(
    Guid Id, NotificationKind Kind, Guid ApplicationId, string Subject, string Text, string Link, DateTimeOffset CreatedAt, bool Mailed, DateTimeOffset? ReadAt);

/// <summary>The caller's notifications, newest first.</summary>
/// <param name="Unread">How many are unread.</param>
/// <param name="Items">The newest, at most 100.</param>
public sealed record NotificationList(int Unread, IReadOnlyList<NotificationEntry> Items);

public static class MyNotificationsEndpoints
{
    public const int Shown = 100;

    /// <summary>Lists the caller's notifications, newest first (at most 100), with how many are unread: what the bell shows.</summary>
    [WolverineGet("/api/people/me/notifications")]
    public static async Task<NotificationList> List(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation)
    {
        var me = user.UserId();
        // A digest repeats notifications the bell shows one by one: it is a mail only.
        var unread = await session.Query<Notification>().CountAsync(n => n.Recipient == me && n.ReadAt == null && n.Kind != NotificationKind.DailyDigest, cancellation);
        var items = await session.Query<Notification>().Where(n => n.Recipient == me && n.Kind != NotificationKind.DailyDigest).OrderByDescending(n => n.CreatedAt).Take(Shown)
            .ToListAsync(cancellation);
        return new NotificationList(unread, [.. items.Select(n => new NotificationEntry(
            n.Id, n.Kind, n.ApplicationId, n.Subject, n.Text, n.Link, n.CreatedAt, n.SentAt is not null, n.ReadAt))]);
    }

    /// <summary>Marks one of the caller's notifications read; marking it again changes nothing. Answers 204.</summary>
    [Authorize(Roles = NotificationRecipients.Roles)]
    [WolverinePost("/api/people/me/notifications/{id}/read")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    public static async Task<IResult> MarkRead(Guid id, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        // Someone else's notification is as unknown to the caller as one that does not exist.
        if (await session.LoadAsync<Notification>(id, cancellation) is not { } notification || notification.Recipient != user.UserId())
            return Problems.NotFound($"You have no notification with id {id}.").AsResult();
        if (notification.ReadAt is null)
        {
            session.Store(notification with { ReadAt = clock.GetUtcNow() });
            await session.SaveChangesAsync(cancellation);
        }
        return Results.NoContent();
    }
}
