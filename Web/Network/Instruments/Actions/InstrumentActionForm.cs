using Fachwerk.Application.Network.Instruments;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Network.Instruments.Actions;

/// <summary>
/// A step of an instrument on its page, on the frame every action form shares (<c>ActionForm</c>): based on the instrument as the
/// page loaded it (its version and <see cref="InstrumentFacts"/>); once accepted, back to the page, which confirms it (<c>?done=</c>).
/// </summary>
public abstract class InstrumentActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public InstrumentDetails Instrument { get; set; } = default!;

    /// <summary>Today in Berlin: the default day of what is recorded now.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    protected override long RecordVersion => Instrument.Version;

    protected override Dictionary<string, string> RecordFacts() => InstrumentFacts.Of(Instrument, Texts);

    /// <summary>Sends the command to <c>/api/instruments/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected async Task SendCommandAsync(string step, object command)
    {
        if (await SendAsync(HttpMethod.Post, $"/api/instruments/{Instrument.Id}/{step}", command) is null) return;
        Navigation.NavigateTo($"/instruments/{Instrument.Id}?done={Name}");
    }
}
