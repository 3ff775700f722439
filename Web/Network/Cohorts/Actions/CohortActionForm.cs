using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Network.Cohorts.Actions;

/// <summary>
/// A step of a cohort on its page, on the frame every action form shares (<c>ActionForm</c>): based on the cohort as the page
/// loaded it (its version and <see cref="CohortFacts"/>); once accepted, back to the page, which confirms it (<c>?done=</c>).
/// </summary>
public abstract class CohortActionForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public CohortDetails Cohort { get; set; } = default!;

    /// <summary>The cohort's participants as the form names them.</summary>
    [Parameter] public IReadOnlyList<CohortParticipantChoice> Participants { get; set; } = [];

    /// <summary>Today in Berlin: the default day of what is recorded now.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    protected override long RecordVersion => Cohort.Version;

    protected override Dictionary<string, string> RecordFacts() => CohortFacts.Of(Cohort, Texts);

    /// <summary>A day for what happened in the cohort: today while it runs, else its last day.</summary>
    protected DateOnly DefaultDay => Today < Cohort.Period.To ? Today : Cohort.Period.To;

    /// <summary>Sends the command to <c>/api/cohorts/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected async Task SendCommandAsync(string step, object command)
    {
        if (await SendAsync(HttpMethod.Post, $"/api/cohorts/{Cohort.Id}/{step}", command) is null) return;
        Navigation.NavigateTo($"/cohorts/{Cohort.Id}?done={Name}");
    }
}
