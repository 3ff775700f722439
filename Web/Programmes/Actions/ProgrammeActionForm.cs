using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Programmes.Actions;

/// <summary>
/// A call form on the programme page, on the frame every action form shares (<c>ActionForm</c>): based on the programme as the
/// page loaded it (its version and <see cref="ProgrammeFacts"/>); once accepted, back to the page, which confirms it (<c>?done=</c>).
/// </summary>
public abstract class ProgrammeActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public ProgrammeDetails Programme { get; set; } = default!;

    /// <summary>Today in Berlin: the default first day of a new call's window.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    public override string RequiredRole => Roles.Caseworker;

    protected override long RecordVersion => Programme.Version;

    protected override Dictionary<string, string> RecordFacts() => ProgrammeFacts.Of(Programme, Texts);

    /// <summary>The calls still open, which can be extended or closed.</summary>
    protected IEnumerable<Fachwerk.Domain.Programmes.ProgrammeCall> OpenCalls => Programme.Calls.Where(c => c.ClosedAt is null);

    /// <summary>
    /// Sends the command to <c>/api/programmes/{id}/{path}</c> (POST unless told); once accepted, back to the page's section
    /// (<paramref name="section"/>, the calls unless told), which confirms it.
    /// </summary>
    protected async Task SendCommandAsync(string path, object command, HttpMethod? method = null, string section = "calls")
    {
        if (await SendAsync(method ?? HttpMethod.Post, $"/api/programmes/{Programme.Id}/{path}", command) is null) return;
        Navigation.NavigateTo($"/programmes/{Programme.Id}?done={Name}#{section}");
    }
}
