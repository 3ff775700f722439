using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Web.Api;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Applications.Actions;

/// <summary>
/// An action form on the application page (docs/web.md, "A form"): a fresh form is based on the application as the page
/// loaded it (its version and <see cref="ApplicationFacts"/>); a stale one says what changed and is prepared for the current
/// state; an accepted one returns to the page, which confirms it (<c>?done=</c>). The derived form declares its
/// <c>[SupplyParameterFromForm(FormName = …)] Form</c>, maps its own fields and builds its command.
/// </summary>
public abstract class ApplicationActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public ApplicationDetails Application { get; set; } = default!;

    protected override long RecordVersion => Application.Version;

    protected override Dictionary<string, string> RecordFacts() => ApplicationFacts.Of(Application, Texts);

    /// <summary>Sends the command to <c>/api/applications/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected Task SendCommandAsync(string step, object command) => SendCommandAsync(HttpMethod.Post, step, command);

    /// <summary>Sends the command with <paramref name="method"/> (a PUT that sets a state, e.g. the legal hold).</summary>
    protected async Task SendCommandAsync(HttpMethod method, string step, object command)
    {
        if (await SendAsync(method, $"/api/applications/{Application.Id}/{step}", command) is not { } accepted) return;
        Navigation.NavigateTo($"/applications/{Application.Id}?done={Name}{(accepted.FollowUp is null ? "" : "&followUp=budget")}");
    }
}
