using Fachwerk.Web.Api;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Web.Shared;

/// <summary>
/// A page that reads through the API as the signed-in user. A read the API refuses becomes <see cref="LoadProblem"/> (shown by
/// <see cref="PageProblem"/>); an expired or rejected token (401) signs in again and comes back to the same page.
/// </summary>
public abstract class ApiPage : ComponentBase
{
    [CascadingParameter] protected HttpContext HttpContext { get; set; } = default!;

    [Inject] protected FachwerkApiClient Api { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    protected CurrentUser CurrentUser => new(HttpContext.User);

    /// <summary>Why the page could not be read (forbidden, not found, the API unreachable); null when it could.</summary>
    protected ApiProblem? LoadProblem { get; private set; }

    /// <summary>This page's address relative to the site, for return addresses.</summary>
    protected string CurrentUrl => "/" + Navigation.ToBaseRelativePath(Navigation.Uri).Split('#')[0];

    protected async Task<TResult?> LoadAsync<TResult>(string url)
    {
        var result = await Api.GetAsync<TResult>(url, cancellation: HttpContext.RequestAborted);
        if (result.IsSuccess) return result.Value;
        if (result.Status == StatusCodes.Status401Unauthorized) SignInAgain();
        LoadProblem ??= result.Problem;
        return default;
    }

    /// <summary>The API no longer accepts the session's token: sign in again and return here.</summary>
    protected void SignInAgain() =>
        Navigation.NavigateTo("/account/sign-in?returnUrl=" + Uri.EscapeDataString(CurrentUrl), forceLoad: true);

    /// <summary>A query-string value of this page's address.</summary>
    protected string? Query(string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query).TryGetValue(name, out var value) ? value.ToString() : null;
}
