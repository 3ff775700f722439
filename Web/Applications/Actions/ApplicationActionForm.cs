using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Web.Api;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Applications.Actions;

/// <summary>
/// An action form on the application page (docs/web.md, "A form"): a fresh form is based on the application as the page
/// loaded it (its version and <see cref="ApplicationFacts"/>); a stale one says what changed and is prepared for the current
/// state; an accepted one returns to the page, which confirms it (<c>?done=</c>). The derived form declares its
/// <c>[SupplyParameterFromForm(FormName = …)] Form</c>, maps its own fields and builds its command.
/// </summary>
public abstract class ApplicationActionForm<TInput> : CommandForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public ApplicationDetails Application { get; set; } = default!;

    [Inject] protected IStringLocalizer<Text> Texts { get; set; } = default!;

    /// <summary>The derived form's <c>[SupplyParameterFromForm]</c> property.</summary>
    protected abstract TInput? Form { get; set; }

    protected override TInput Model => Form ??= new TInput();

    /// <summary>Whether the command requires a reason (the API refuses it without one).</summary>
    protected virtual bool ReasonRequired => false;

    public override string RequiredRole => Roles.Caseworker;

    protected override void OnParametersSet()
    {
        // A form that was not posted starts from the page as loaded; a posted one keeps what the user sent.
        if (!FormPosts.IsPosted(HttpContext, Name))
        {
            Model.ExpectedVersion = Application.Version;
            Model.LoadedFacts = ApplicationFacts.Serialize(ApplicationFacts.Of(Application, Texts));
            Prepare(Model);
        }

        base.OnParametersSet();
    }

    /// <summary>Fills the form's defaults from the application (a selection, an amount).</summary>
    protected virtual void Prepare(TInput input)
    {
    }

    /// <summary>The form's own fields, in their order on the form; the reason is added after them.</summary>
    protected abstract FieldMap MapFields(FieldMap map);

    public override FieldMap Fields() =>
        MapFields(new FieldMap()).Map("reason", () => Model.Reason, FieldId("reason"), ReasonRequired ? "action.reason" : "form.reason");

    protected override IReadOnlyList<FactChange> Refresh(ApiProblem stale)
    {
        // The page has just read the application again: what the user sees now is what a second send acts on.
        var now = ApplicationFacts.Of(Application, Texts);
        var changes = ApplicationFacts.Changes(ApplicationFacts.Parse(Model.LoadedFacts), now, Texts);
        Model.ExpectedVersion = Application.Version;
        Model.LoadedFacts = ApplicationFacts.Serialize(now);
        return changes;
    }

    /// <summary>Sends the command to <c>/api/applications/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected async Task SendCommandAsync(string step, object command)
    {
        if (await SendAsync(HttpMethod.Post, $"/api/applications/{Application.Id}/{step}", command) is not { } accepted) return;
        Navigation.NavigateTo($"/applications/{Application.Id}?done={Name}{(accepted.FollowUp is null ? "" : "&followUp=budget")}");
    }
}
