using Fachwerk.Application.Network.Ideas;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Network.Ideas.Actions;

/// <summary>
/// A step of a project idea on its page, on the frame every action form shares (<c>ActionForm</c>): based on the idea as the
/// page loaded it (its version and <see cref="IdeaFacts"/>); once accepted, back to the page, which confirms it (<c>?done=</c>).
/// </summary>
public abstract class IdeaActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public ProjectIdeaDetails Idea { get; set; } = default!;

    /// <summary>Today in Berlin: the default day of what is recorded now.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    protected override long RecordVersion => Idea.Version;

    protected override Dictionary<string, string> RecordFacts() => IdeaFacts.Of(Idea, Texts);

    /// <summary>Sends the command to <c>/api/project-ideas/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected async Task SendCommandAsync(string step, object command)
    {
        if (await SendAsync(HttpMethod.Post, $"/api/project-ideas/{Idea.Id}/{step}", command) is null) return;
        Navigation.NavigateTo($"/project-ideas/{Idea.Id}?done={Name}");
    }
}
