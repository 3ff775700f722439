using Fachwerk.Application.Applications;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Desk;

/// <summary>
/// An inbox task in the user's words. The inbox names a task by its key (<c>application</c>, <c>payment-2</c>,
/// <c>proof-final</c>, <c>repayment</c>) and states it in English; the key, the application's status and the verb the
/// API starts with say which task it is.
/// </summary>
public static class TaskDescriptions
{
    public static string Describe(InboxEntry task, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(text);
        var key = task.Task;
        string? described = key switch
        {
            "application" => Found(text[$"task.application.{task.Status}"]),
            "repayment" => text["task.repayment"],
            WhoActsNext.PayeeAccountTask => text["task.payee.confirm"],
            _ when key.StartsWith("payment-", StringComparison.Ordinal) =>
                Found(text[task.Action.StartsWith("Release", StringComparison.Ordinal) ? "task.payment.release" : "task.payment.check", key["payment-".Length..]]),
            _ when key.StartsWith("proof-", StringComparison.Ordinal) => Found(text[ProofTask(task.Action), key["proof-".Length..]]),
            _ => null,
        };
        return described ?? task.Action;
    }

    /// <summary>Where on the case page the task is done, when that is one form (the payee account's confirmation); none for the page's top.</summary>
    public static string? Anchor(InboxEntry task) =>
        task?.Task == WhoActsNext.PayeeAccountTask ? $"{Applications.Actions.ApplicationActions.ConfirmPayeeAccount}-heading" : null;

    private static string ProofTask(string action) =>
        action.StartsWith("Submit", StringComparison.Ordinal) ? "task.proof.submit"
        : action.StartsWith("In-depth", StringComparison.Ordinal) ? "task.proof.inDepth"
        : "task.proof.firstCheck";

    private static string? Found(LocalizedString text) => text.ResourceNotFound ? null : text.Value;
}
