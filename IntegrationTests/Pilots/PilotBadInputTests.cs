using System.Globalization;
using Fachwerk.Application.Pilots;
using Fachwerk.Domain.Pilots;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Pilots;

/// <summary>
/// Bad input on every pilot endpoint gets problem details (400, 403, 404 or 409) and appends nothing. Each test starts
/// from a running pilot with two companies and one participant referred to the first (version 5).
/// </summary>
public class PilotBadInputTests(AppFixture fixture) : PilotApi(fixture)
{
    private const long CurrentVersion = 5;

    /// <summary>The ids a change endpoint needs: pilot, participant, the company the participant was referred to, another company.</summary>
    private sealed record Ids(Guid Pilot, Guid Participant, Guid Referred, Guid Other);

    private sealed record ChangeEndpoint(HttpMethod Method, Func<Ids, string> Url, Func<long, Ids, DateOnly, object> ValidBody);

    private static readonly Dictionary<string, ChangeEndpoint> ChangeEndpoints = new()
    {
        ["add partner"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/partners",
            (v, _, d) => new AddPilotPartner(v, "IQ Netzwerk Sachsen-Anhalt", "DE", "Recognition advice", d)),
        ["offer services"] = new(HttpMethod.Put, i => $"/api/pilots/{i.Pilot}/services",
            (v, _, _) => new OfferPilotServices(v, [PilotService.HousingSearch])),
        ["extend phase"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/phase-extension",
            (v, _, d) => new ExtendPilotPhase(v, d.AddYears(2), "More demand")),
        ["enrol company"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/companies",
            (v, _, d) => new EnrolCompany(v, "Salzland Logistik GmbH", "Schönebeck", 4, ["Berufskraftfahrer/in"], d)),
        ["enrol participant"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/participants",
            (v, _, d) => new EnrolParticipant(v, ParticipantKind.SkilledWorker, d, null, Person("Janis", "Ozols"))),
        ["correct personal data"] = new(HttpMethod.Put, i => $"/api/pilots/{i.Pilot}/participants/{i.Participant}/personal-data",
            (v, _, _) => new CorrectParticipantData(v, Person("Anna", "Testa-Ozola"))),
        ["refer"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/participants/{i.Participant}/referrals",
            (v, i, d) => new ReferParticipant(v, i.Other, d)),
        ["place"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/participants/{i.Participant}/placement",
            (v, i, d) => new PlaceParticipant(v, i.Referred, d)),
        ["deliver service"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/participants/{i.Participant}/services",
            (v, _, d) => new DeliverService(v, PilotService.LanguageCourse, d)),
        ["hold training"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/intercultural-trainings",
            (v, i, d) => new HoldInterculturalTraining(v, [i.Referred, i.Other], d)),
        ["record spending"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/spending",
            (v, _, d) => new RecordPilotSpending(v, "Europäischer Sozialfonds (ESF)", PilotCostCategory.ExternalServices, 120m, d, "Interpreter")),
        ["decide continuation"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/continuation",
            (v, _, d) => new DecideContinuation(v, ContinuationDecision.End, ["Too little demand"], d)),
        ["place legal hold"] = new(HttpMethod.Put, i => $"/api/pilots/{i.Pilot}/legal-hold",
            (v, _, d) => new PlaceLegalHold(v, d.AddYears(5), "Art. 82 Regulation (EU) 2021/1060")),
        ["lift legal hold"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/legal-hold/lifting",
            (v, _, _) => new LiftLegalHold(v, "Audit completed")),
        ["erase personal data"] = new(HttpMethod.Post, i => $"/api/pilots/{i.Pilot}/participants/{i.Participant}/erasure",
            (v, _, d) => new EraseParticipantData(v, ErasureGround.ConsentWithdrawn, d)),
    };

    public static TheoryData<string> ChangeEndpointNames => [.. ChangeEndpoints.Keys];

    public static TheoryData<string> ParticipantEndpointNames => [.. ChangeEndpoints.Keys.Where(k => ChangeEndpoints[k].Url(
        new Ids(Guid.Empty, Guid.Empty, Guid.Empty, Guid.Empty)).Contains("/participants/", StringComparison.Ordinal))];

    private Ids _ids = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var pilot = (await Launch(RunningPhase)).Id;
        var (referred, v1) = await EnrolCompany(pilot, 1, "Elbe Metallbau GmbH", RunningPhase.From);
        var (other, v2) = await EnrolCompany(pilot, v1, "Börde Pflege gGmbH", RunningPhase.From);
        var (participant, v3) = await EnrolParticipant(pilot, v2, RunningPhase.From.AddDays(1));
        (await Refer(pilot, v3, participant, referred, RunningPhase.From.AddDays(2))).ShouldBe(CurrentVersion);
        _ids = new Ids(pilot, participant, referred, other);
    }

    private Task<Alba.IScenarioResult> Call(string endpoint, Ids ids, long version, int status, DemoUser? user = null)
    {
        var call = ChangeEndpoints[endpoint];
        return Send(user ?? Lead, call.Method, call.Url(ids), call.ValidBody(version, ids, Today), status);
    }

    [Theory]
    [MemberData(nameof(ChangeEndpointNames))]
    public async Task A_command_without_its_fields_answers_400_naming_them_and_appends_nothing(string endpoint)
    {
        var before = await EventCount();
        var call = ChangeEndpoints[endpoint];

        var problem = await ValidationProblemOf(await Send(Lead, call.Method, call.Url(_ids), new { }, 400));

        problem.Errors.Keys.ShouldContain("expectedVersion");
        problem.Type.ShouldBe("urn:fachwerk:problem:validation");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Launching_without_fields_answers_400_naming_each_missing_field()
    {
        var before = await EventCount();

        var problem = await ValidationProblemOf(await Post(Lead, "/api/pilots", new { }, 400));

        problem.Errors.Keys.ShouldBe(["name", "sponsor", "pilotPhase", "fundingSources", "offeredServices"], ignoreOrder: true);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Bad_personal_data_answer_400_by_field_without_echoing_them_and_append_nothing()
    {
        var before = await EventCount();
        var bad = new ParticipantPersonalData("", "Zvirbule", Today.AddYears(-10), "Latvia", "zvirbule-at-example", "call Zvirbule");

        var result = await Post(Lead, $"/api/pilots/{_ids.Pilot}/participants",
            new EnrolParticipant(CurrentVersion, ParticipantKind.Intern, Today, null, bad), 400);

        (await ValidationProblemOf(result)).Errors.Keys.ShouldBe(
            ["internshipEndsOn", "personalData.givenName", "personalData.nationality", "personalData.email", "personalData.phone", "personalData.birthDate"],
            ignoreOrder: true);
        (await result.ReadAsTextAsync()).ShouldNotContain("Zvirbule");
        var reference = await Post(Lead, $"/api/pilots/{_ids.Pilot}/participants/{_ids.Participant}/erasure",
            new EraseParticipantData(CurrentVersion, ErasureGround.ConsentWithdrawn, Today, "Ilzite Zvirbule"), 400);
        (await ValidationProblemOf(reference)).Errors.Keys.ShouldBe(["requestReference"]);
        (await reference.ReadAsTextAsync()).ShouldNotContain("Zvirbule");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ChangeEndpointNames))]
    public async Task An_unknown_pilot_answers_404_and_appends_nothing(string endpoint)
    {
        var before = await EventCount();

        var problem = await ProblemOf(await Call(endpoint, _ids with { Pilot = Guid.NewGuid() }, CurrentVersion, 404));

        problem.Status.ShouldBe(404);
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ParticipantEndpointNames))]
    public async Task An_unknown_participant_answers_404_and_appends_nothing(string endpoint)
    {
        var before = await EventCount();

        var problem = await ProblemOf(await Call(endpoint, _ids with { Participant = Guid.NewGuid() }, CurrentVersion, 404));

        problem.Type.ShouldBe("urn:fachwerk:problem:pilot.unknown-participant");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_company_answers_404_and_appends_nothing()
    {
        var before = await EventCount();

        (await ProblemOf(await Call("refer", _ids with { Other = Guid.NewGuid() }, CurrentVersion, 404))).Type
            .ShouldBe("urn:fachwerk:problem:pilot.unknown-company");
        (await ProblemOf(await Call("hold training", _ids with { Other = Guid.NewGuid() }, CurrentVersion, 404))).Type
            .ShouldBe("urn:fachwerk:problem:pilot.unknown-company");
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ChangeEndpointNames))]
    public async Task A_stale_expected_version_answers_409_with_the_current_version_and_appends_nothing(string endpoint)
    {
        var before = await EventCount();

        var problem = await ProblemOf(await Call(endpoint, _ids, CurrentVersion - 1, 409));

        problem.Type.ShouldBe("urn:fachwerk:problem:stale-version");
        problem.Extensions["currentVersion"]!.ToString().ShouldBe(CurrentVersion.ToString(CultureInfo.InvariantCulture));
        (await EventCount()).ShouldBe(before);
    }

    [Theory]
    [MemberData(nameof(ChangeEndpointNames))]
    public async Task Only_the_project_lead_records_auditors_and_caseworkers_get_403_and_nothing_is_appended(string endpoint)
    {
        var before = await EventCount();

        foreach (var user in new[] { DemoUsers.Auditor, DemoUsers.Caseworker, DemoUsers.Applicant })
            (await ProblemOf(await Call(endpoint, _ids, CurrentVersion, 403, user))).Status.ShouldBe(403);
        (await ProblemOf(await Post(DemoUsers.Caseworker, "/api/pilots", Relocation(RunningPhase), 403))).Status.ShouldBe(403);
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Illegal_transitions_answer_409_with_the_rule_and_append_nothing()
    {
        var before = await EventCount();

        async Task<string?> Refusal(HttpMethod method, string url, object body) => (await ProblemOf(await Send(Lead, method, url, body, 409))).Type;

        (await ProblemOf(await Call("decide continuation", _ids, CurrentVersion, 409))).Type.ShouldBe("urn:fachwerk:problem:pilot.evaluation-not-due");
        (await ProblemOf(await Call("lift legal hold", _ids, CurrentVersion, 409))).Type.ShouldBe("urn:fachwerk:problem:pilot.no-legal-hold");
        (await Refusal(HttpMethod.Post, $"/api/pilots/{_ids.Pilot}/participants/{_ids.Participant}/placement",
            new PlaceParticipant(CurrentVersion, _ids.Other, Today))).ShouldBe("urn:fachwerk:problem:pilot.not-referred");
        (await Refusal(HttpMethod.Post, $"/api/pilots/{_ids.Pilot}/participants/{_ids.Participant}/services",
            new DeliverService(CurrentVersion, PilotService.InterculturalTraining, Today))).ShouldBe("urn:fachwerk:problem:pilot.training-is-for-companies");
        (await Refusal(HttpMethod.Post, $"/api/pilots/{_ids.Pilot}/participants/{_ids.Participant}/services",
            new DeliverService(CurrentVersion, PilotService.Culture, Today.AddDays(1)))).ShouldBe("urn:fachwerk:problem:pilot.date-in-future");
        (await Refusal(HttpMethod.Post, $"/api/pilots/{_ids.Pilot}/participants",
            new EnrolParticipant(CurrentVersion, ParticipantKind.SkilledWorker, RunningPhase.From.AddDays(-1), null, Person("Janis", "Ozols"))))
            .ShouldBe("urn:fachwerk:problem:pilot.before-phase");
        (await Refusal(HttpMethod.Post, $"/api/pilots/{_ids.Pilot}/companies",
            new EnrolCompany(CurrentVersion, "elbe metallbau gmbh", "Magdeburg", 1, [], Today))).ShouldBe("urn:fachwerk:problem:pilot.company-already-enrolled");
        (await EventCount()).ShouldBe(before);
    }

    [Fact]
    public async Task Reading_unknown_pilots_participants_and_companies_answers_404_problem_details()
    {
        foreach (var url in new[]
                 {
                     $"/api/pilots/{Guid.NewGuid()}", $"/api/pilots/{Guid.NewGuid()}/demand", $"/api/pilots/{Guid.NewGuid()}/participants",
                     $"/api/pilots/{_ids.Pilot}/participants/{Guid.NewGuid()}", $"/api/pilots/{_ids.Pilot}/companies/{Guid.NewGuid()}",
                 })
        {
            var result = await Host.Scenario(s =>
            {
                Authorize(s, Lead, url);
                s.Get.Url(url);
                s.StatusCodeShouldBe(404);
            });
            (await ProblemOf(result)).Status.ShouldBe(404, url);
        }
    }

    [Theory]
    [InlineData("/api/pilots?pageSize=1000", "pageSize")]
    [InlineData("/api/pilots?status=Paused", "status")]
    public async Task Bad_list_parameters_answer_400(string url, string field)
    {
        var result = await Host.Scenario(s =>
        {
            Authorize(s, Lead);
            s.Get.Url(url);
            s.StatusCodeShouldBe(400);
        });

        var problem = await ProblemOf(result);
        problem.Status.ShouldBe(400);
        (problem.Detail + string.Join(",", problem.Extensions.Keys) + (await result.ReadAsTextAsync())).ShouldContain(field);
    }
}
