using System.Text.Json;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Platform;

/// <summary>
/// The rules every value keeps, whatever the operation (ADR 0056): no control characters in text (line breaks only in text
/// that spans lines), valid Unicode, no missing list entries, plausible dates, identifiers in the correlation headers. Each
/// break answers 400 <c>validation</c> naming the field, parameter or header, and appends nothing.
/// <c>GeneratedBadInputTests</c> sends such values to every operation; these show each rule once.
/// </summary>
public class InputRulesTests(AppFixture fixture) : IntegrationContext(fixture)
{
    private static readonly DemoUser Caseworker = DemoUsers.Caseworker;

    private async Task<JsonElement> Refused(DemoUser user, string method, string url, string? body, Action<Alba.Scenario>? configure = null)
    {
        var before = await EventCount();
        var result = await Host.Scenario(s =>
        {
            Authorize(s, user);
            var request = method switch { "GET" => s.Get, "PUT" => s.Put, _ => s.Post };
            if (body is null) request.Url(url);
            else request.Text(body).ToUrl(url);
            s.WithRequestHeader("Content-Type", "application/json");
            configure?.Invoke(s);
            s.StatusCodeShouldBe(400);
        });

        result.Context.Response.ContentType.ShouldNotBeNull().ShouldStartWith("application/problem+json");
        var problem = JsonDocument.Parse(await result.ReadAsTextAsync()).RootElement;
        problem.GetProperty("type").GetString().ShouldBe("urn:fachwerk:problem:validation");
        (await EventCount()).ShouldBe(before);
        return problem;
    }

    private static string ErrorAt(JsonElement problem, string key) =>
        problem.GetProperty("errors").GetProperty(key).EnumerateArray().First().GetString()!;

    private static string Organisation(string name, string kind = "Association") =>
        JsonSerializer.Serialize(new { name, kind, town = "Hameln" });

    [Theory]
    [InlineData("x\u0000y")]
    [InlineData("\u001b[31mred")]
    [InlineData("two\nlines")]
    [InlineData("tab\there")]
    public async Task Text_with_control_characters_line_breaks_or_broken_unicode_in_a_one_line_field_is_refused(string name)
    {
        var problem = await Refused(Caseworker, "POST", "/api/organisations", Organisation(name));

        ErrorAt(problem, "name").ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Text_that_spans_lines_keeps_its_line_breaks_but_no_other_control_characters()
    {
        var created = await Post<StreamCreated>(Caseworker, "/api/organisations",
            new RegisterOrganisation("Haus Steinstraße e.V.", OrganisationKind.Association, "Hameln", "Registered on request.\nSee the letter of 2 March."), 201);
        created.Version.ShouldBe(1);

        var problem = await Refused(Caseworker, "POST", "/api/organisations",
            JsonSerializer.Serialize(new { name = "Verein", kind = "Association", town = "Hameln", reason = "bell \u0007" }));
        ErrorAt(problem, "reason").ShouldBe(InputRules.ControlCharacter);
    }

    [Theory]
    [InlineData("/api/applications?Title=%00", "title")]
    [InlineData("/api/organisations?name=a%1Bb", "name")]
    [InlineData("/api/audit/rule-findings?rule=%0Aother", "rule")]
    public async Task A_control_character_in_a_query_parameter_is_refused_naming_the_parameter(string url, string parameter)
    {
        var problem = await Refused(DemoUsers.Administrator, "GET", url, null);

        ErrorAt(problem, parameter).ShouldBe(url.Contains("%0A", StringComparison.Ordinal) ? InputRules.LineBreak : InputRules.ControlCharacter);
    }

    /// <summary>A NUL (<c>%00</c>) Kestrel refuses itself, before any application code (an empty 400 that closes the connection).</summary>
    [Theory]
    [InlineData("/api/organisations/%01")]
    [InlineData("/api/organisations/%1B%5B2J")]
    [InlineData("/api/applications/%C2%85")]
    public async Task A_control_character_in_a_path_segment_is_refused_as_a_problem_of_ours(string url)
    {
        var problem = await Refused(Caseworker, "GET", url, null);

        ErrorAt(problem, "path").ShouldBe(InputRules.ControlCharacter);
    }

    [Fact]
    public async Task A_missing_entry_in_a_list_is_refused_naming_its_place()
    {
        var sources = await Refused(Caseworker, "POST", "/api/programmes",
            """{"name":"P","sources":[null],"fundingPeriod":{"from":"2026-01-01","to":"2026-12-31"},"totalBudget":1000,"rules":{"maxFundingRate":0.5,"maxAmountPerApplication":100,"allianceVoteRequired":false,"documentDeadlineDays":14,"deMinimis":false,"decisionReminderDays":30}}""");
        ErrorAt(sources, "sources[0]").ShouldBe(InputRules.MissingEntry);

        var fundingSources = await Refused(DemoUsers.ProjectLead, "POST", "/api/pilots",
            """{"name":"P","sponsor":"S","pilotPhase":{"from":"2026-01-01","to":"2026-12-31"},"fundingSources":[null],"offeredServices":["HousingSearch"]}""");
        ErrorAt(fundingSources, "fundingSources[0]").ShouldBe(InputRules.MissingEntry);

        var receipts = await Refused(DemoUsers.Applicant, "POST", $"/api/applications/{Guid.NewGuid()}/proofs-of-use/final",
            """{"expectedVersion":3,"narrative":"n","spentByCategory":{"staff":10},"ownShareSpent":0,"thirdPartySpent":0,"receipts":[null]}""");
        ErrorAt(receipts, "receipts[0]").ShouldBe(InputRules.MissingEntry);
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    public async Task A_date_far_outside_any_funding_period_is_refused_before_any_rule_computes_with_it(string enrolledOn)
    {
        var problem = await Refused(DemoUsers.ProjectLead, "POST", $"/api/pilots/{Guid.NewGuid()}/participants",
            $$$"""{"expectedVersion":1,"kind":"SkilledWorker","enrolledOn":"{{{enrolledOn}}}","internshipEndsOn":null,"personalData":{"givenName":"Jana","familyName":"Ozola","birthDate":"1994-05-17","nationality":"LV"}}""");

        ErrorAt(problem, "enrolledOn").ShouldBe(InputRules.ImplausibleDate);
    }

    [Fact]
    public async Task A_missing_date_is_refused_as_a_missing_field()
    {
        var problem = await Refused(DemoUsers.ProjectLead, "POST", $"/api/pilots/{Guid.NewGuid()}/participants",
            """{"expectedVersion":1,"kind":"SkilledWorker","internshipEndsOn":null,"personalData":{"givenName":"Jana","familyName":"Ozola","birthDate":"1994-05-17","nationality":"LV"}}""");

        ErrorAt(problem, "enrolledOn").ShouldBe("This field is required.");
    }

    [Fact]
    public async Task A_number_naming_no_enum_value_is_refused()
    {
        var problem = await Refused(Caseworker, "POST", "/api/organisations", """{"name":"Verein","kind":99,"town":"Hameln"}""");

        ErrorAt(problem, "kind").ShouldBe(InputRules.UnknownValue);
    }

    [Theory]
    [InlineData("Anna Antrag")]
    [InlineData("anna.antrag@example.org")]
    [InlineData("case-4711")]
    [InlineData("\u001b[2J")]
    [InlineData("1234567")]
    public async Task A_correlation_id_that_is_not_an_identifier_is_refused_and_never_stored(string correlationId)
    {
        var problem = await Refused(Caseworker, "POST", "/api/organisations", Organisation("Verein"),
            s => s.WithRequestHeader(CommandMetadata.CorrelationIdHeader, correlationId));

        ErrorAt(problem, CommandMetadata.CorrelationIdHeader).ShouldBe(InputRules.TraceIdentifierRule);
    }

    [Fact]
    public async Task An_over_long_correlation_or_causation_id_is_refused()
    {
        var longHex = new string('a', 30_000);
        await Refused(Caseworker, "POST", "/api/organisations", Organisation("Verein"), s => s.WithRequestHeader(CommandMetadata.CorrelationIdHeader, longHex));
        var problem = await Refused(Caseworker, "POST", "/api/organisations", Organisation("Verein"),
            s => s.WithRequestHeader(CommandMetadata.CausationIdHeader, new string('b', 65)));

        ErrorAt(problem, CommandMetadata.CausationIdHeader).ShouldBe(InputRules.TraceIdentifierRule);
    }

    [Fact]
    public async Task A_uuid_or_a_trace_id_is_taken_as_correlation_id()
    {
        var correlation = Guid.NewGuid().ToString();
        var created = await Read<StreamCreated>(await Post(Caseworker, "/api/organisations", new RegisterOrganisation("Verein", OrganisationKind.Association, "Hameln"), 201,
            s =>
            {
                s.WithRequestHeader(CommandMetadata.CorrelationIdHeader, correlation);
                s.WithRequestHeader(CommandMetadata.CausationIdHeader, "4bf92f3577b34da6a3ce929d0e0e4736");
            }));

        await using var session = Store.QuerySession();
        var registered = (await session.Events.FetchStreamAsync(created.Id, token: TestContext.Current.CancellationToken)).Single();
        registered.CorrelationId.ShouldBe(correlation);
        registered.CausationId.ShouldBe("4bf92f3577b34da6a3ce929d0e0e4736");
    }

    [Theory]
    [InlineData("key with spaces")]
    [InlineData("k\u0000")]
    public async Task An_idempotency_key_outside_its_characters_is_refused(string key)
    {
        var problem = await Refused(Caseworker, "POST", "/api/organisations", Organisation("Verein"), s => s.WithRequestHeader("Idempotency-Key", key));

        ErrorAt(problem, "Idempotency-Key").ShouldBe(InputRules.IdempotencyKeyRule);
    }
}
