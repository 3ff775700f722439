namespace Fachwerk.Application.Applications;

/// <summary>Something a role has to do on an application, and by when.</summary>
/// <param name="Key">Names the task within its application (e.g. <c>application</c>, <c>payment-2</c>, <c>proof-final</c>).</param>
/// <param name="WaitingFor">The role that acts next.</param>
/// <param name="Action">What that role does, in words.</param>
/// <param name="DueBy">When it is due, if a deadline applies.</param>
/// <param name="ReminderRaised">Whether a reminder was raised because the task is overdue.</param>
/// <param name="NotFor">The user of the role who may not do it (four-eyes: who proposed a payee account does not confirm it); it is not in their inbox.</param>
public sealed record OpenTask(string Key, string WaitingFor, string Action, DateTimeOffset? DueBy, bool ReminderRaised, string? NotFor = null);
