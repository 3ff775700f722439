using Fachwerk.Application.Common;
using Fachwerk.Web.Api;
using Fachwerk.Web.Applications;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Forms;

/// <summary>
/// An action form on a record's page (an application, an activity), on the frame every action form shares (<c>ActionForm</c>):
/// a fresh form is based on the record as the page loaded it (its version and facts); a stale one says what changed and is
/// prepared for the current state. The derived form declares its <c>[SupplyParameterFromForm(FormName = …)] Form</c>, maps its
/// own fields and builds its command.
/// </summary>
public abstract class RecordActionForm<TInput> : CommandForm<TInput> where TInput : ActionInput, new()
{
    [Microsoft.AspNetCore.Components.Inject] protected IStringLocalizer<Text> Texts { get; set; } = default!;

    /// <summary>The derived form's <c>[SupplyParameterFromForm]</c> property.</summary>
    protected abstract TInput? Form { get; set; }

    protected override TInput Model => Form ??= new TInput();

    /// <summary>Whether the command requires a reason (the API refuses it without one).</summary>
    protected virtual bool ReasonRequired => false;

    /// <summary>Whether the command takes a reason at all.</summary>
    protected virtual bool HasReason => true;

    /// <summary>The role the API names when it refuses: the caseworker's, for the staff's actions.</summary>
    public override string RequiredRole => Roles.Caseworker;

    /// <summary>The record's version as the page read it.</summary>
    protected abstract long RecordVersion { get; }

    /// <summary>The record's facts as the page read it, by label, to say what changed since a form was loaded.</summary>
    protected abstract Dictionary<string, string> RecordFacts();

    protected override void OnParametersSet()
    {
        // A form that was not posted starts from the page as loaded; a posted one keeps what the user sent.
        if (!FormPosts.IsPosted(HttpContext, Name))
        {
            Model.ExpectedVersion = RecordVersion;
            Model.LoadedFacts = ApplicationFacts.Serialize(RecordFacts());
            Prepare(Model);
        }

        base.OnParametersSet();
    }

    /// <summary>Fills the form's defaults from the record (a selection, an amount, a day).</summary>
    protected virtual void Prepare(TInput input)
    {
    }

    /// <summary>The form's own fields, in their order on the form; the reason is added after them.</summary>
    protected abstract FieldMap MapFields(FieldMap map);

    public override FieldMap Fields()
    {
        var map = MapFields(new FieldMap());
        return HasReason ? map.Map("reason", () => Model.Reason, FieldId("reason"), ReasonRequired ? "action.reason" : "form.reason") : map;
    }

    protected override IReadOnlyList<FactChange> Refresh(ApiProblem stale)
    {
        // The page has just read the record again: what the user sees now is what a second send acts on.
        var now = RecordFacts();
        var changes = ApplicationFacts.Changes(ApplicationFacts.Parse(Model.LoadedFacts), now, Texts);
        Model.ExpectedVersion = RecordVersion;
        Model.LoadedFacts = ApplicationFacts.Serialize(now);
        return changes;
    }
}
