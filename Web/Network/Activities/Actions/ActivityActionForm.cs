using Fachwerk.Application.Common;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Web.Api;
using Fachwerk.Web.Applications;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Fachwerk.Web.Network.Activities.Actions;

/// <summary>
/// A step of an activity's life on the activity page, on the frame every action form shares (<c>ActionForm</c>): a fresh form
/// is based on the activity as the page loaded it (its version and <see cref="ActivityFacts"/>); a stale one says what changed
/// and is prepared for the current state; an accepted one returns to the page, which confirms it (<c>?done=</c>).
/// </summary>
public abstract class ActivityActionForm<TInput> : CommandForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public ActivityDetails Activity { get; set; } = default!;

    /// <summary>Today in Berlin: the default day of what is recorded now.</summary>
    [Parameter, EditorRequired] public DateOnly Today { get; set; }

    [Inject] protected IStringLocalizer<Text> Texts { get; set; } = default!;

    /// <summary>The derived form's <c>[SupplyParameterFromForm]</c> property.</summary>
    protected abstract TInput? Form { get; set; }

    protected override TInput Model => Form ??= new TInput();

    /// <summary>Whether the command requires a reason (the API refuses it without one).</summary>
    protected virtual bool ReasonRequired => false;

    /// <summary>Whether the command takes a reason at all.</summary>
    protected virtual bool HasReason => true;

    /// <summary>The API names the caseworker's role when it refuses; coordinators may record their own alliance's activities too.</summary>
    public override string RequiredRole => Roles.Caseworker;

    protected override void OnParametersSet()
    {
        // A form that was not posted starts from the page as loaded; a posted one keeps what the user sent.
        if (!FormPosts.IsPosted(HttpContext, Name))
        {
            Model.ExpectedVersion = Activity.Version;
            Model.LoadedFacts = ApplicationFacts.Serialize(ActivityFacts.Of(Activity, Texts));
            Prepare(Model);
        }

        base.OnParametersSet();
    }

    /// <summary>Fills the form's defaults from the activity (its days, today).</summary>
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
        // The page has just read the activity again: what the user sees now is what a second send acts on.
        var now = ActivityFacts.Of(Activity, Texts);
        var changes = ApplicationFacts.Changes(ApplicationFacts.Parse(Model.LoadedFacts), now, Texts);
        Model.ExpectedVersion = Activity.Version;
        Model.LoadedFacts = ApplicationFacts.Serialize(now);
        return changes;
    }

    /// <summary>Sends the command to <c>/api/activities/{id}/{step}</c>; once accepted, back to the page, which confirms it.</summary>
    protected async Task SendCommandAsync(string step, object command)
    {
        if (await SendAsync(HttpMethod.Post, $"/api/activities/{Activity.Id}/{step}", command) is null) return;
        Navigation.NavigateTo($"/activities/{Activity.Id}?done={Name}");
    }
}
