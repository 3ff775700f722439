using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Network.Cooperation.Actions;

/// <summary>
/// A step of a cooperation agreement on its page, on the frame every action form shares (<c>ActionForm</c>): based on the
/// agreement as the page loaded it (its version and <see cref="AgreementFacts"/>); once accepted, back to the page, which
/// confirms it (<c>?done=</c>).
/// </summary>
public abstract class AgreementActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public CooperationAgreementDetails Agreement { get; set; } = default!;

    /// <summary>Today in Berlin: the default day of what is recorded now.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    protected override long RecordVersion => Agreement.Version;

    protected override Dictionary<string, string> RecordFacts() => AgreementFacts.Of(Agreement, Texts);

    /// <summary>Sends the command to <c>/api/cooperation-agreements/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected async Task SendCommandAsync(string step, object command)
    {
        if (await SendAsync(HttpMethod.Post, $"/api/cooperation-agreements/{Agreement.Id}/{step}", command) is null) return;
        Navigation.NavigateTo($"{AgreementTables.PagePath}/{Agreement.Id}?done={Name}");
    }
}
