using Fachwerk.Application.Common;
using Fachwerk.Web.Api;
using Fachwerk.Web.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Web.Forms;

/// <summary>
/// The pattern every action form follows. A form is an <c>EditForm</c> (static rendering, enhanced, with its antiforgery
/// token) whose input is bound from the post; on submit it sends one command to the API as the signed-in user and either
/// moves on (the caller redirects to the updated page) or keeps everything the user typed and shows why not: field errors
/// next to their fields in the user's language, a stale version with what changed and a way to send it again on the new
/// state, a rule's refusal, the missing role, or a failure. The server decides every time; the form only shows it.
/// </summary>
public abstract class CommandForm<TInput> : ComponentBase, ICommandForm where TInput : class
{
    private ValidationMessageStore? _messages;

    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    [Inject] protected FachwerkApiClient Api { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    [Inject] protected ApiMessages Messages { get; set; } = default!;

    /// <summary>The form's input: the derived form's <c>[SupplyParameterFromForm]</c> property.</summary>
    protected abstract TInput Model { get; }

    /// <summary>The form's name: its posts are told apart by it, and its element ids start with it.</summary>
    public abstract string Name { get; }

    /// <summary>The role the API requires for the command (to say which one is missing on a 403).</summary>
    public abstract string RequiredRole { get; }

    protected EditContext EditContext { get; private set; } = default!;

    public FormOutcome? Outcome { get; private set; }

    protected override void OnParametersSet()
    {
        if (EditContext?.Model == Model) return;
        EditContext = new EditContext(Model);
        _messages = new ValidationMessageStore(EditContext);
    }

    /// <summary>Where the API's JSON paths show on this form, and the form's fields in order.</summary>
    public abstract FieldMap Fields();

    /// <summary>
    /// The JSON path of the field a rule's refusal (409, by its <c>code</c>) is about, e.g. the kind of person a programme does not fund;
    /// the refusal is then also shown beside that field. None: the refusal concerns the form as a whole.
    /// </summary>
    protected virtual string? RefusalPath(string? code) => null;

    /// <summary>What changed since the page that sent the form was loaded, and the input made ready to send again on the new state.</summary>
    protected virtual IReadOnlyList<FactChange> Refresh(ApiProblem stale) => [];

    /// <summary>Sends the command; answers the API's acceptance, or null after recording the <see cref="Outcome"/>.</summary>
    protected async Task<CommandAccepted?> SendAsync(HttpMethod method, string url, object command)
    {
        _messages!.Clear();
        var result = await Api.SendAsync<CommandAccepted>(method, url, command, cancellation: HttpContext.RequestAborted);
        if (result.IsSuccess) return result.Value;
        if (result.Status == StatusCodes.Status401Unauthorized)
            Navigation.NavigateTo("/account/sign-in?returnUrl=" + Uri.EscapeDataString("/" + Navigation.ToBaseRelativePath(Navigation.Uri)), forceLoad: true);

        var problem = result.Problem!;
        var outcome = new FormOutcome(FormOutcome.KindOf(problem), problem);
        if (outcome.Kind == FormOutcomeKind.Invalid) PlaceFieldErrors(problem, outcome);
        if (outcome.Kind == FormOutcomeKind.Stale) outcome.Changes = Refresh(problem);
        if (outcome.Kind == FormOutcomeKind.Refused && RefusalPath(problem.Code) is { } path && Fields().FieldOf(path) is { } refused)
        {
            _messages!.Add(refused, Messages.Translate(problem.Detail ?? problem.Title ?? "", problem.Code).Text);
            outcome.FieldErrorCount++;
        }
        Outcome = outcome;
        EditContext.NotifyValidationStateChanged();
        return null;
    }

    /// <summary>
    /// Input the form cannot even turn into a command (a date it cannot read): shown exactly like the API's field errors, by the
    /// JSON path the value would have had, and nothing is sent.
    /// </summary>
    protected void ShowInvalidInput(IReadOnlyDictionary<string, string[]> errors)
    {
        _messages!.Clear();
        var problem = new ApiProblem(StatusCodes.Status400BadRequest, null, null, null, "validation", null, errors, null);
        var outcome = new FormOutcome(FormOutcomeKind.Invalid, problem);
        PlaceFieldErrors(problem, outcome);
        Outcome = outcome;
        EditContext.NotifyValidationStateChanged();
    }

    private void PlaceFieldErrors(ApiProblem problem, FormOutcome outcome)
    {
        var fields = Fields();
        foreach (var (path, errors) in problem.Errors)
        {
            foreach (var error in errors)
            {
                var text = Messages.Translate(error).Text;
                if (fields.FieldOf(path) is { } field)
                {
                    _messages!.Add(field, text);
                    outcome.FieldErrorCount++;
                }
                else
                {
                    outcome.FormErrors.Add(text);
                }
            }
        }

        if (problem.Errors.Count == 0 && problem.Detail is { } detail) outcome.FormErrors.Add(Messages.Translate(detail).Text);
    }

    /// <summary>The id of a field's element on this form (labels, error links and descriptions point at it).</summary>
    public string FieldId(string field) => $"{Name}-{field}";

    /// <summary>The ids that describe a field: its hint, and its errors when it has any.</summary>
    protected string DescribedBy(string field, System.Linq.Expressions.Expression<Func<object?>> input) =>
        HasErrors(input) ? $"{FieldId(field)}-hint {FieldId(field)}-error" : $"{FieldId(field)}-hint";

    /// <summary>Whether the API named errors for this input.</summary>
    protected bool HasErrors(System.Linq.Expressions.Expression<Func<object?>> input) =>
        EditContext.GetValidationMessages(FieldIdentifier.Create(input)).Any();
}

/// <summary>What the frame of an action form (<c>ActionForm</c>) needs to know of the form inside it.</summary>
public interface ICommandForm
{
    string Name { get; }

    string RequiredRole { get; }

    FormOutcome? Outcome { get; }

    FieldMap Fields();
}

public static class FormPosts
{
    /// <summary>
    /// Whether this request is the post of form <paramref name="name"/>. A page shows a posted form whatever the user's roles
    /// (the framework only hands a post to a form that is on the page): the API decides, and a forged post gets its refusal.
    /// </summary>
    public static bool IsPosted(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType && context.Request.Form["_handler"] == name;
    }
}
