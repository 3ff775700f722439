using Fachwerk.Application.Network.Actors;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Network.Actors.Actions;

/// <summary>
/// A step of a network actor on its page, on the frame every action form shares (<c>ActionForm</c>): based on the actor as the
/// page loaded it (its version and <see cref="ActorFacts"/>); once accepted, back to the page, which confirms it (<c>?done=</c>).
/// </summary>
public abstract class ActorActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public NetworkActorDetails Actor { get; set; } = default!;

    /// <summary>Today in Berlin: the default day of what is recorded now.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    protected override long RecordVersion => Actor.Version;

    protected override Dictionary<string, string> RecordFacts() => ActorFacts.Of(Actor, Texts);

    /// <summary>Sends the command to <c>/api/network-actors/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected async Task SendCommandAsync(string step, object command)
    {
        if (await SendAsync(HttpMethod.Post, $"/api/network-actors/{Actor.Id}/{step}", command) is null) return;
        Navigation.NavigateTo($"/network-actors/{Actor.Id}?done={Name}");
    }
}
