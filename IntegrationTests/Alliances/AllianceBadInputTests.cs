using Fachwerk.Application.Alliances;
using Fachwerk.Domain.Alliances;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Alliances;

/// <summary>
/// Bad input on every alliance endpoint gets a problem details answer (400, 404 or 409) and appends nothing.
/// Each test starts from a recognized alliance with one member (version 3) and a registered non-member.
/// </summary>
public class AllianceBadInputTests(AppFixture fixture) : AllianceApi(fixture)
{
    private const long CurrentVersion = 3;

    /// <summary>A change endpoint: how to call it with a valid body, given the expected version and the member's id.</summary>
    private sealed record ChangeEndpoint(HttpMethod Method, Func<Guid, Guid, string> Url, Func<long, Guid, object> ValidBody);

    private static readonly Dictionary<string, ChangeEndpoint> ChangeEndpoints = new()
    {
        ["recognize"] = new(HttpMethod.Post, (a, _) => $"/api/alliances/{a}/recognition",
            (v, _) => new RecognizeAlliance(v, "Ministerium", new DateOnly(2021, 1, 1), Esf)),
        ["withdraw recognition"] = new(HttpMethod.Post, (a, _) => $"/api/alliances/{a}/recognition/withdrawal",
            (v, _) => new WithdrawAllianceRecognition(v, new DateOnly(2021, 1, 1), "Funding period ended")),
        ["admit member"] = new(HttpMethod.Post, (a, _) => $"/api/alliances/{a}/members",
            (v, m) => new AdmitMember(v, m, new DateOnly(2021, 1, 1))),
        ["record leaving"] = new(HttpMethod.Post, (a, m) => $"/api/alliances/{a}/members/{m}/departure",
            (v, _) => new RecordMemberLeaving(v, new DateOnly(2021, 1, 1))),
        ["focus on target groups"] = new(HttpMethod.Put, (a, _) => $"/api/alliances/{a}/target-groups",
            (v, _) => new FocusOnTargetGroups(v, [TargetGroup.Refugees])),
        ["dissolve"] = new(HttpMethod.Post, (a, _) => $"/api/alliances/{a}/dissolution",
            (v, _) => new DissolveAlliance(v, new DateOnly(2021, 1, 1), "Merged")),
    };

    public static TheoryData<string> ChangeEndpointNames => [.. ChangeEndpoints.Keys];

    private Guid _alliance;
    private Guid _member;
    private Guid _outsider;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        _alliance = (await Found()).Id;
        _member = (await Register("Jobcenter Hildesheim")).Id;
        _outsider = (await Register("IHK Hannover")).Id;
        await Recognize(_alliance, 1);
        await Admit(_alliance, 2, _member);
    }

    [Theory]
    [MemberData(nameof(ChangeEndpointNames))]
    public async Task A_command_without_its_fields_answers_400_naming_them_and_appends_nothing(string endpoint)
    {
        var before = await EventCount();
        var call = ChangeEndpoints[endpoint];

        var problem = await ValidationProblemOf(await Send(Caseworker, call.Method, call.Url(_alliance, _member), new { }, 400));

        problem.Errors.Keys.ShouldContain("expectedVersion");
        problem.Type.ShouldBe("urn:fachwerk:problem:validation");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Founding_without_fields_answers_400_naming_each_missing_field()
    {
        var before = await EventCount();

        var problem = await ValidationProblemOf(await Post(Caseworker, "/api/alliances", new { }, 400));

        problem.Errors.Keys.ShouldBe(["name", "federalState", "districts", "coordinatingOffice", "foundedOn"], ignoreOrder: true);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Over_long_strings_answer_400_on_every_alliance_command()
    {
        var before = await EventCount();
        var tooLong = new string('x', 2001);
        var name = new string('n', 201);

        async Task<IDictionary<string, string[]>> Errors(HttpMethod method, string url, object body) =>
            (await ValidationProblemOf(await Send(Caseworker, method, url, body, 400))).Errors;

        (await Errors(HttpMethod.Post, "/api/alliances", LeineWeser() with { Name = name, Districts = [new string('d', 101)], CoordinatingOffice = name }))
            .Keys.ShouldBe(["name", "districts[0]", "coordinatingOffice"], ignoreOrder: true);
        (await Errors(HttpMethod.Post, $"/api/alliances/{_alliance}/recognition", new RecognizeAlliance(3, name, new DateOnly(2021, 1, 1), Esf, tooLong)))
            .Keys.ShouldBe(["ministry", "reason"], ignoreOrder: true);
        foreach (var (endpoint, call) in ChangeEndpoints)
        {
            var body = call.ValidBody(CurrentVersion, _outsider) switch
            {
                RecognizeAlliance c => (object)(c with { Reason = tooLong }),
                WithdrawAllianceRecognition c => c with { Reason = tooLong },
                AdmitMember c => c with { Reason = tooLong },
                RecordMemberLeaving c => c with { Reason = tooLong },
                FocusOnTargetGroups c => c with { Reason = tooLong },
                DissolveAlliance c => c with { Reason = tooLong },
                var other => throw new InvalidOperationException(other.GetType().Name),
            };
            (await Errors(call.Method, call.Url(_alliance, _member), body)).Keys.ShouldContain("reason", endpoint);
        }

        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ChangeEndpointNames))]
    public async Task An_unknown_alliance_answers_404_and_appends_nothing(string endpoint)
    {
        var before = await EventCount();
        var call = ChangeEndpoints[endpoint];
        var unknown = Guid.NewGuid();

        var problem = await ProblemOf(await Send(Caseworker, call.Method, call.Url(unknown, _member), call.ValidBody(CurrentVersion, _outsider), 404));

        problem.Status.ShouldBe(404);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Reading_an_unknown_alliance_answers_404_problem_details()
    {
        var problem = await ProblemOf(await Host.Scenario(s =>
        {
            Authorize(s, Caseworker);
            s.Get.Url($"/api/alliances/{Guid.NewGuid()}");
            s.StatusCodeShouldBe(404);
        }));
        problem.Status.ShouldBe(404);
    }

    [Fact]
    public async Task Admitting_an_unregistered_organisation_answers_404_and_appends_nothing()
    {
        var before = await EventCount();

        await ProblemOf(await Post(Caseworker, $"/api/alliances/{_alliance}/members", new AdmitMember(CurrentVersion, Guid.NewGuid(), new DateOnly(2021, 1, 1)), 404));

        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ChangeEndpointNames))]
    public async Task A_stale_expected_version_answers_409_with_the_current_version_and_appends_nothing(string endpoint)
    {
        var before = await EventCount();
        var call = ChangeEndpoints[endpoint];

        var result = await Send(Caseworker, call.Method, call.Url(_alliance, _member), call.ValidBody(CurrentVersion - 1, _outsider), 409);

        var problem = await ProblemOf(result);
        problem.Type.ShouldBe("urn:fachwerk:problem:stale-version");
        problem.Extensions["currentVersion"]!.ToString().ShouldBe(CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Illegal_transitions_answer_409_with_the_rule_and_append_nothing()
    {
        var before = await EventCount();

        async Task<string?> Refusal(string url, object body) => (await ProblemOf(await Post(Caseworker, url, body, 409))).Type;

        (await Refusal($"/api/alliances/{_alliance}/recognition", ChangeEndpoints["recognize"].ValidBody(CurrentVersion, _outsider)))
            .ShouldBe("urn:fachwerk:problem:alliance.already-recognized");
        (await Refusal($"/api/alliances/{_alliance}/members", new AdmitMember(CurrentVersion, _member, new DateOnly(2021, 1, 1))))
            .ShouldBe("urn:fachwerk:problem:alliance.already-member");
        (await Refusal($"/api/alliances/{_alliance}/members/{_outsider}/departure", new RecordMemberLeaving(CurrentVersion, new DateOnly(2021, 1, 1))))
            .ShouldBe("urn:fachwerk:problem:alliance.not-a-member");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ChangeEndpointNames))]
    public async Task After_dissolution_every_change_answers_409_and_appends_nothing(string endpoint)
    {
        await Post(Caseworker, $"/api/alliances/{_alliance}/dissolution", new DissolveAlliance(CurrentVersion, new DateOnly(2022, 1, 1), "Merged"));
        var before = await EventCount();
        var call = ChangeEndpoints[endpoint];

        var problem = await ProblemOf(await Send(Caseworker, call.Method, call.Url(_alliance, _member), call.ValidBody(CurrentVersion + 1, _outsider), 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:alliance.dissolved");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [InlineData("{\"name\": ")]
    [InlineData("null")]
    [InlineData("{\"name\":\"B\",\"federalState\":\"Atlantis\",\"districts\":[\"A\"],\"coordinatingOffice\":\"O\",\"foundedOn\":\"2020-01-01\"}")]
    [InlineData("{\"name\":\"B\",\"federalState\":\"Bayern\",\"districts\":[\"A\"],\"coordinatingOffice\":\"O\",\"foundedOn\":\"first of May\"}")]
    public async Task Unreadable_json_answers_400_and_appends_nothing(string body)
    {
        var before = await EventCount();

        var result = await Host.Scenario(s =>
        {
            Authorize(s, Caseworker);
            s.Post.Text(body).ToUrl("/api/alliances");
            s.WithRequestHeader("Content-Type", "application/json");
            s.StatusCodeShouldBe(400);
        });

        (await ProblemOf(result)).Status.ShouldBe(400);
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [InlineData("pageSize=1000", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("federalState=Atlantis", "federalState")]
    public async Task Bad_list_parameters_answer_400(string query, string field)
    {
        var result = await Host.Scenario(s =>
        {
            Authorize(s, Caseworker);
            s.Get.Url($"/api/alliances?{query}");
            s.StatusCodeShouldBe(400);
        });

        var problem = await ProblemOf(result);
        problem.Status.ShouldBe(400);
        (problem.Detail + string.Join(",", problem.Extensions.Keys) + (await result.ReadAsTextAsync())).ShouldContain(field);
    }
}
