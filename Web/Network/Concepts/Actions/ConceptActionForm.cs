using Fachwerk.Application.Network.Concepts;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Network.Concepts.Actions;

/// <summary>
/// A step of a concept on its page, on the frame every action form shares (<c>ActionForm</c>): based on the concept as the page
/// loaded it (its version and <see cref="ConceptFacts"/>); once accepted, back to the page, which confirms it (<c>?done=</c>).
/// </summary>
public abstract class ConceptActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public ConceptDetails Concept { get; set; } = default!;

    /// <summary>Today in Berlin: the default day of what is recorded now.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    protected override long RecordVersion => Concept.Version;

    protected override Dictionary<string, string> RecordFacts() => ConceptFacts.Of(Concept, Texts);

    /// <summary>Sends the command to <c>/api/concepts/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected async Task SendCommandAsync(string step, object command)
    {
        if (await SendAsync(HttpMethod.Post, $"/api/concepts/{Concept.Id}/{step}", command) is null) return;
        Navigation.NavigateTo($"/concepts/{Concept.Id}?done={Name}");
    }
}
