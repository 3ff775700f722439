namespace Fachwerk.Application.Notifications;

/// <summary>What a notification's texts name: the application, and the facts of its kind.</summary>
/// <param name="Number">The application's number (e.g. <c>2026-00042</c>).</param>
/// <param name="Title">The project's title.</param>
/// <param name="DueBy">The deadline, where there is one.</param>
/// <param name="Items">The documents asked for or supplied, or the proof of use concerned.</param>
/// <param name="Amount">The amount approved, released or reclaimed, in EUR.</param>
/// <param name="Approved">For a decision: approved (true) or rejected (false).</param>
/// <param name="DaysLeft">For a reminder: the days until the deadline (0: today).</param>
/// <param name="Concerning">What within the case it concerns: the proof of use, the task's key, the payment request's number.</param>
public sealed record NotificationFacts(
    string Number, string Title, DateTimeOffset? DueBy = null, IReadOnlyList<string>? Items = null, decimal? Amount = null, bool? Approved = null,
    int? DaysLeft = null, string? Concerning = null);
