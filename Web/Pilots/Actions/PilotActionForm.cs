using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Pilots.Actions;

/// <summary>
/// A step of a pilot on its page or on a participant's page, on the frame every action form shares (<c>ActionForm</c>): a fresh
/// form is based on the pilot as the page loaded it (its version, which every pilot command names, and <see cref="PilotFacts"/>);
/// a stale one says what changed and is prepared for the current state; an accepted one returns to the page, which confirms it.
/// </summary>
public abstract class PilotActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public PilotDetails Pilot { get; set; } = default!;

    /// <summary>Today in Berlin: the default day of what is recorded now.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    /// <summary>The participant whose page the form is on, if any: an accepted form returns there.</summary>
    [Parameter] public ParticipantView? Participant { get; set; }

    public override string RequiredRole => Roles.ProjectLead;

    protected override long RecordVersion => Pilot.Version;

    protected override Dictionary<string, string> RecordFacts() => PilotFacts.Of(Pilot, Texts);

    /// <summary>
    /// The default day of a business date: today, or the last day the pilot is active when that lies before (the API accepts
    /// no day outside the phase or its continuation).
    /// </summary>
    protected DateOnly DefaultDay => PilotTexts.ActiveUntil(Pilot) is { } last && last < Today ? last : Today;

    /// <summary>Sends the command to <c>/api/pilots/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected async Task SendCommandAsync(HttpMethod method, string step, object command)
    {
        if (await SendAsync(method, $"/api/pilots/{Pilot.Id}/{step}", command) is null) return;
        var page = Participant is { } participant ? ParticipantDocumentTransfer.ParticipantPath(Pilot.Id, participant.Id) : $"/pilots/{Pilot.Id}";
        Navigation.NavigateTo($"{page}?done={Name}");
    }

    /// <summary>Sends a command about the page's participant to <c>/api/pilots/{id}/participants/{pid}/{step}</c>.</summary>
    protected Task SendParticipantCommandAsync(HttpMethod method, string step, object command) =>
        SendCommandAsync(method, $"participants/{Participant!.Id}/{step}", command);
}
