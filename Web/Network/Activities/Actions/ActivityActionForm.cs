using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Web.Api;
using Fachwerk.Web.Applications;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Network.Activities.Actions;

/// <summary>
/// A step of an activity's life on the activity page, on the frame every action form shares (<c>ActionForm</c>): a fresh form
/// is based on the activity as the page loaded it (its version and <see cref="ActivityFacts"/>); a stale one says what changed
/// and is prepared for the current state; an accepted one returns to the page, which confirms it (<c>?done=</c>).
/// </summary>
public abstract class ActivityActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public ActivityDetails Activity { get; set; } = default!;

    /// <summary>Today in Berlin: the default day of what is recorded now.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    protected override long RecordVersion => Activity.Version;

    protected override Dictionary<string, string> RecordFacts() => ActivityFacts.Of(Activity, Texts);

    /// <summary>Sends the command to <c>/api/activities/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected Task SendCommandAsync(string step, object command) => SendCommandAsync(HttpMethod.Post, step, command);

    /// <summary>Sends the command with <paramref name="method"/> (a replan is a PUT); once accepted, back to the page.</summary>
    protected async Task SendCommandAsync(HttpMethod method, string step, object command)
    {
        if (await SendAsync(method, $"/api/activities/{Activity.Id}/{step}", command) is null) return;
        Navigation.NavigateTo($"/activities/{Activity.Id}?done={Name}");
    }
}
