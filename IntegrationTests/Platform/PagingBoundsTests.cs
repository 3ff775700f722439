using System.Text.Json;
using Fachwerk.Application.Common;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Every list of the API (every operation of the OpenAPI document taking <c>page</c> and <c>pageSize</c>) answers a page number
/// or size out of bounds with 400 naming the parameter, and the last page it allows with 200 (a page number of 100,000,000
/// answered 500 on all of them).
/// </summary>
public class PagingBoundsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    [Fact]
    public async Task Every_list_refuses_page_numbers_and_sizes_out_of_bounds_and_answers_the_last_page()
    {
        var lists = await Lists();
        lists.Count.ShouldBeGreaterThanOrEqualTo(9);

        var wrong = new List<string>();
        foreach (var (template, path, page, pageSize) in lists)
        {
            var user = UserFor("GET " + template);
            foreach (var (parameter, value) in new[]
                     {
                         (page, "0"), (page, "-1"), (page, (Paging.MaxPage + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                         (page, "100000000"), (page, "2147483647"), (page, "2147483648"),
                         (pageSize, "0"), (pageSize, (Paging.MaxPageSize + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)),
                         (pageSize, "2147483647"),
                     })
            {
                var (status, body) = await Get(user, $"{path}?{parameter}={value}");
                if (status != 400 || !body.Contains("\"code\":\"validation\"", StringComparison.Ordinal) ||
                    !JsonDocument.Parse(body).RootElement.GetProperty("errors").EnumerateObject().Any(e => e.Name.Equals(parameter, StringComparison.OrdinalIgnoreCase)))
                    wrong.Add($"{path}?{parameter}={value}: {status} {body}");
            }

            // A list inside a record (a pilot's participants) of an unknown record answers 404, after the bounds.
            var (lastStatus, last) = await Get(user, $"{path}?{page}={Paging.MaxPage}&{pageSize}={Paging.MaxPageSize}");
            if (lastStatus != (template == path ? 200 : 404)) wrong.Add($"{path} last page: {lastStatus} {last}");
        }

        wrong.ShouldBeEmpty();
    }

    /// <summary>The lists: GET operations with a page and a page size parameter, their route ids filled in.</summary>
    private async Task<List<(string Template, string Path, string Page, string PageSize)>> Lists()
    {
        using var document = await ServedOpenApiDocument.LoadAsync(Host);
        var lists = new List<(string, string, string, string)>();
        foreach (var (method, path, operation) in ServedOpenApiDocument.Operations(document))
        {
            if (method != "GET" || !operation.TryGetProperty("parameters", out var parameters)) continue;
            var names = parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
            var page = names.FirstOrDefault(n => n.Equals("page", StringComparison.OrdinalIgnoreCase));
            var size = names.FirstOrDefault(n => n.Equals("pageSize", StringComparison.OrdinalIgnoreCase));
            if (page is null || size is null) continue;
            lists.Add((path, System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", Guid.NewGuid().ToString()), page, size));
        }

        return lists;
    }

    /// <summary>A user whose role may call the operation (<see cref="AccessMatrixTests.Matrix"/>), staff first.</summary>
    internal static DemoUser UserFor(string operation)
    {
        var allowed = AccessMatrixTests.Matrix[operation];
        if (allowed.Contains(AccessMatrixTests.SignedIn) || allowed.Contains(AccessMatrixTests.Anyone)) return DemoUsers.Administrator;
        string[] preference = [AccessMatrixTests.Caseworker, AccessMatrixTests.Auditor, AccessMatrixTests.Administrator, AccessMatrixTests.Approver,
            AccessMatrixTests.Applicant, AccessMatrixTests.AllianceReviewer, AccessMatrixTests.ProjectLead, AccessMatrixTests.ExternalExpert];
        return AccessMatrixTests.UserOf[preference.First(allowed.Contains)];
    }

    private async Task<(int Status, string Body)> Get(DemoUser user, string url)
    {
        var result = await Host.Scenario(s =>
        {
            Authorize(s, user);
            s.Get.Url(url);
            s.IgnoreStatusCode();
        });
        return (result.Context.Response.StatusCode, await result.ReadAsTextAsync());
    }
}
