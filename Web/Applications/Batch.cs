using System.Globalization;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using Fachwerk.Web.Api;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Web.Applications;

/// <summary>The actions the list runs on a selection, each item as its own command.</summary>
public static class BatchActions
{
    public const string Assign = "assign";
    public const string RequestDocuments = "request-documents";
    public const string CompleteFormally = "complete-formally";
    public const string ProposeRejection = "propose-rejection";

    public static readonly IReadOnlyList<string> All = [Assign, RequestDocuments, CompleteFormally, ProposeRejection];

    /// <summary>The value of the assignee field that gives the cases back to the team's queue.</summary>
    public const string ToQueue = "none";
}

/// <summary>An application the user selected, at the version the list showed it.</summary>
public sealed record BatchItem(Guid Id, long Version)
{
    /// <summary>The selection's value in the form: <c>id:version</c>.</summary>
    public static string ValueOf(ApplicationSummary application)
    {
        ArgumentNullException.ThrowIfNull(application);
        return $"{application.Id}:{application.Version.ToString(CultureInfo.InvariantCulture)}";
    }

    public static BatchItem? Parse(string? value) =>
        value?.Split(':') is [var id, var version] && Guid.TryParse(id, out var guid) && long.TryParse(version, CultureInfo.InvariantCulture, out var v)
            ? new BatchItem(guid, v)
            : null;
}

/// <summary>What the user entered in the batch form (kept on every outcome).</summary>
public sealed record BatchInput(string Action, IReadOnlyList<BatchItem> Items, string Assignee, string Documents, string RejectionReason, string Reason)
{
    public static BatchInput From(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new BatchInput(form["batchAction"].ToString(), [.. form["selected"].Select(BatchItem.Parse).OfType<BatchItem>().DistinctBy(i => i.Id)],
            form["assignee"].ToString(), form["documents"].ToString(), form["rejectionReason"].ToString(), form["reason"].ToString());
    }

    private string? ReasonOrNull => string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();

    /// <summary>The command for one item: its method, address and body, with the version the list showed.</summary>
    public (HttpMethod Method, string Url, object Command) CommandFor(BatchItem item, string myId)
    {
        ArgumentNullException.ThrowIfNull(item);
        var url = $"/api/applications/{item.Id}";
        return Action switch
        {
            BatchActions.Assign when Assignee == BatchActions.ToQueue => (HttpMethod.Post, url + "/assignment/release", new ReleaseCase(item.Version, ReasonOrNull)),
            BatchActions.Assign => (HttpMethod.Put, url + "/assignment", new AssignCase(item.Version, Assignee == Application.Applications.Assignee.Me ? myId : Assignee, ReasonOrNull)),
            BatchActions.RequestDocuments => (HttpMethod.Post, url + "/document-requests",
                new RequestDocuments(item.Version, [.. Documents.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)], ReasonOrNull)),
            BatchActions.CompleteFormally => (HttpMethod.Post, url + "/formal-completeness", new CompleteFormally(item.Version, ReasonOrNull)),
            BatchActions.ProposeRejection => (HttpMethod.Post, url + "/decision-proposal",
                new ProposeDecision(item.Version, DecisionKind.Reject, RejectionReason: RejectionReason.Trim(), Reason: ReasonOrNull)),
            _ => throw new ArgumentOutOfRangeException(nameof(Action), Action, "Not a batch action."),
        };
    }
}

/// <summary>What became of one item: done (with its new version), or the API's refusal; or not sent after the input was refused.</summary>
public sealed record BatchOutcome(BatchItem Item, string Title, FormOutcomeKind? Refusal, ApiProblem? Problem, long? NewVersion)
{
    public bool Done => Refusal is null && Problem is null;

    /// <summary>Not sent: the first item's answer showed the input itself is wrong, which holds for every item.</summary>
    public bool NotSent => Refusal is null && Problem is not null;
}

/// <summary>Runs a batch: one command per item, in order, each with its own expected version, as the signed-in user.</summary>
public static class BatchRun
{
    /// <summary>
    /// The outcome of every item. A 400 means the shared input is wrong (fields every command carries): it is answered once,
    /// and the remaining items are not sent.
    /// </summary>
    public static async Task<(IReadOnlyList<BatchOutcome> Outcomes, ApiProblem? Invalid)> RunAsync(
        FachwerkApiClient api, BatchInput input, string myId, Func<Guid, string> titleOf, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(titleOf);
        var outcomes = new List<BatchOutcome>();
        ApiProblem? invalid = null;
        foreach (var item in input.Items)
        {
            if (invalid is not null)
            {
                outcomes.Add(new BatchOutcome(item, titleOf(item.Id), null, invalid, null));
                continue;
            }

            var (method, url, command) = input.CommandFor(item, myId);
            var result = await api.SendAsync<CommandAccepted>(method, url, command, cancellation: cancellation);
            if (result.IsSuccess)
                outcomes.Add(new BatchOutcome(item, titleOf(item.Id), null, null, result.Value?.Version));
            else if (result.Problem!.IsValidation)
            {
                invalid = result.Problem;
                outcomes.Add(new BatchOutcome(item, titleOf(item.Id), null, invalid, null));
            }
            else
                outcomes.Add(new BatchOutcome(item, titleOf(item.Id), FormOutcome.KindOf(result.Problem), result.Problem, null));
        }

        return (outcomes, invalid);
    }
}
