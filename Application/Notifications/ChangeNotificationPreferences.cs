using System.Security.Claims;
using Fachwerk.Application.Common;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Fachwerk.Application.Notifications;

/// <summary>
/// How the caller wants each kind of notification: <c>Immediate</c> (a mail at once), <c>Digest</c> (one mail each morning collecting
/// them) or <c>Off</c> (the bell only).
/// </summary>
/// <param name="Kinds">The choice per kind; kinds not named are mailed at once.</param>
public sealed record ChangeNotificationPreferences(IReadOnlyDictionary<NotificationKind, Delivery> Kinds, string? Reason = null) : ICommand;

public sealed class ChangeNotificationPreferencesValidator : AbstractValidator<ChangeNotificationPreferences>
{
    public ChangeNotificationPreferencesValidator()
    {
        this.OptionalReasonRule();
        RuleForEach(x => x.Kinds)
            .Must(k => Enum.IsDefined(k.Value) && NotificationKinds.Choosable.Contains(k.Key))
            .WithMessage("Each kind of notification is mailed Immediate, in the Digest or Off; the digest itself is no kind to choose.")
            .Must(k => NotificationKinds.Allows(k.Key, k.Value))
            .WithMessage(k => "Decisions and reclaims are notices the law requires; they are always mailed at once, neither turned off nor collected into the digest.");
    }
}

/// <summary>The caller's choice for one kind.</summary>
/// <param name="Kind">The kind of notification.</param>
/// <param name="Delivery">How it reaches the caller.</param>
/// <param name="LegallyRequired">Whether its mails can be turned off (decisions and reclaims cannot).</param>
public sealed record KindPreference(NotificationKind Kind, Delivery Delivery, bool LegallyRequired);

/// <summary>The caller's choices, one per kind of notification.</summary>
/// <param name="Kinds">Every kind of notification with how it reaches the caller.</param>
public sealed record NotificationPreferencesView(IReadOnlyList<KindPreference> Kinds);

public static class NotificationPreferencesEndpoints
{
    /// <summary>Shows how the caller receives each kind of notification.</summary>
    [WolverineGet("/api/people/me/notification-preferences")]
    public static async Task<NotificationPreferencesView> Get(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellation) =>
        ViewOf(await session.LoadAsync<NotificationPreferences>(user.UserId(), cancellation));

    /// <summary>
    /// Sets how the caller receives each kind of notification: a mail at once, one mail each morning collecting them (the daily
    /// digest), or the bell only. Decisions and reclaims are always mailed at once (400 otherwise). Answers the choices as now stored.
    /// </summary>
    [Authorize(Roles = NotificationRecipients.Roles)]
    [WolverinePut("/api/people/me/notification-preferences")]
    public static async Task<NotificationPreferencesView> Put(
        ChangeNotificationPreferences command, ClaimsPrincipal user, IDocumentSession session, CancellationToken cancellation)
    {
        var preferences = new NotificationPreferences(user.UserId(), command.Kinds.ToDictionary());
        session.Store(preferences);
        await session.SaveChangesAsync(cancellation);
        return ViewOf(preferences);
    }

    private static NotificationPreferencesView ViewOf(NotificationPreferences? preferences) =>
        new([.. NotificationKinds.Choosable.Select(kind =>
            new KindPreference(kind, preferences?.For(kind) ?? Delivery.Immediate, NotificationKinds.IsLegallyRequired(kind)))]);
}

/// <summary>
/// The roles that receive notifications and so change their own choices and mark them read. Auditors only read: they receive
/// none and change nothing (docs/access.md).
/// </summary>
public static class NotificationRecipients
{
    public const string Roles = Common.Roles.Applicant + "," + Common.Roles.Caseworker + "," + Common.Roles.Approver + "," + Common.Roles.AllianceReviewer
                                + "," + Common.Roles.ProjectLead + "," + Common.Roles.AllianceCoordinator + "," + Common.Roles.Administrator;
}
