using System.Text.Json;
using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// Every error answer is a problem of ours (<c>urn:fachwerk:problem:</c>), also where the framework or Wolverine wrote it, and
/// says in the API's words what was wrong: the JSON path and what was expected there, never a .NET type.
/// </summary>
public class ProblemDetailsTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DemoUser Caseworker = DemoUsers.Caseworker;

    private async Task<JsonElement> Problem(string method, string url, string? body, int status, string contentType = "application/json")
    {
        var result = await Host.Scenario(s =>
        {
            Authorize(s, Caseworker, url);
            var request = method == "GET" ? s.Get : method == "PUT" ? s.Put : s.Post;
            if (body is null)
                request.Url(url);
            else
                request.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", contentType);
            s.StatusCodeShouldBe(status);
        });
        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        var text = await result.ReadAsTextAsync();
        text.ShouldNotContain("System.");
        text.ShouldNotContain("Fachwerk.");
        var problem = JsonDocument.Parse(text).RootElement;
        problem.GetProperty("type").GetString().ShouldNotBeNull().ShouldStartWith(Problems.TypePrefix);
        problem.GetProperty("status").GetInt32().ShouldBe(status);
        problem.GetProperty("traceId").GetString().ShouldNotBeNullOrEmpty();
        return problem;
    }

    private static string[] ErrorsAt(JsonElement problem, string key) =>
        [.. problem.GetProperty("errors").GetProperty(key).EnumerateArray().Select(e => e.GetString()!)];

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_json_path_and_what_was_expected()
    {
        var problem = await Problem("POST", "/api/alliances",
            """{"name":"Bündnis","federalState":"Niedersachsen","districts":["Nienburg"],"coordinatingOffice":"ArL","foundedOn":"yesterday"}""", 400);

        problem.GetProperty("type").GetString().ShouldBe("urn:fachwerk:problem:unreadable-body");
        ErrorsAt(problem, "foundedOn").ShouldHaveSingleItem().ShouldContain("a date (YYYY-MM-DD)");
    }

    [Fact]
    public async Task A_nested_value_names_the_whole_path_and_an_unknown_enum_value_lists_the_known_ones()
    {
        var alliance = await Post<StreamCreated>(Caseworker, "/api/alliances",
            new FoundAlliance("Bündnis", FederalState.Niedersachsen, ["Nienburg"], "ArL", new DateOnly(2020, 1, 1)), 201);

        var nested = await Problem("POST", $"/api/alliances/{alliance.Id}/recognition",
            """{"expectedVersion":1,"ministry":"MW","recognizedOn":"2021-01-01","fundingPeriod":{"from":"2021-01-01","to":true}}""", 400);
        ErrorsAt(nested, "fundingPeriod.to").ShouldHaveSingleItem().ShouldContain("a date");

        var state = await Problem("POST", "/api/alliances",
            """{"name":"B","federalState":"Atlantis","districts":["X"],"coordinatingOffice":"Y","foundedOn":"2020-01-01"}""", 400);
        ErrorsAt(state, "federalState").ShouldHaveSingleItem().ShouldContain("Niedersachsen");
    }

    [Fact]
    public async Task Broken_json_and_a_body_that_is_not_json_are_refused_in_our_format()
    {
        var broken = await Problem("POST", "/api/alliances", """{"name": "B" """, 400);
        broken.GetProperty("type").GetString().ShouldBe("urn:fachwerk:problem:unreadable-body");

        var form = await Problem("POST", "/api/alliances", "name=B", 415, "application/x-www-form-urlencoded");
        form.GetProperty("type").GetString().ShouldBe("urn:fachwerk:problem:unsupported-media-type");
    }

    [Fact]
    public async Task An_unknown_id_is_a_not_found_problem_in_the_domains_words()
    {
        var id = Guid.NewGuid();
        var problem = await Problem("GET", $"/api/applications/{id}", null, 404);

        problem.GetProperty("type").GetString().ShouldBe("urn:fachwerk:problem:not-found");
        problem.GetProperty("detail").GetString().ShouldBe($"There is no funding application with id {id}.");
    }

    [Fact]
    public async Task An_unparseable_query_value_names_the_parameter_and_what_it_takes()
    {
        var problem = await Problem("GET", "/api/applications?ProgrammeId=nonsense", null, 400);

        problem.GetProperty("type").GetString().ShouldBe("urn:fachwerk:problem:validation");
        problem.GetProperty("errors").EnumerateObject().ShouldHaveSingleItem().Value[0].GetString().ShouldNotBeNull().ShouldContain("an id");
    }
}
