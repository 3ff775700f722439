using System.Globalization;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Fachwerk.Web.Api;
using Fachwerk.Web.Forms;
using Fachwerk.Web.Localization;

namespace Fachwerk.IntegrationTests.WebUi;

/// <summary>The UI's foundation without a browser: formats, the API client's problems, the form's field map, and its dependencies.</summary>
public class WebFoundationTests
{
    [Fact]
    public void Money_numbers_and_times_follow_the_users_culture_and_times_are_German_time()
    {
        var moment = new DateTimeOffset(2026, 7, 1, 22, 30, 0, TimeSpan.Zero);
        InCulture(Cultures.German, () =>
        {
            Formats.Money(1234.56m).ShouldBe("1.234,56\u00a0€");
            Formats.Percent(0.8m).ShouldBe("80\u00a0%");
            Formats.Percent(0.733333m).ShouldBe("73,3\u00a0%");
            // 22:30 UTC in July is half past midnight the next day in Berlin (summer time).
            Formats.DateTime(moment).ShouldBe("02.07.2026 00:30");
        });
        InCulture(Cultures.English, () =>
        {
            Formats.Money(1234.56m).ShouldBe("€1,234.56");
            Formats.Date(new DateOnly(2026, 3, 2)).ShouldBe("02/03/2026");
        });
    }

    [Fact]
    public void A_problem_of_the_API_is_read_with_its_status_code_field_errors_and_current_version()
    {
        var stale = ApiProblem.Read(409, "Conflict",
            """{"type":"urn:fachwerk:problem:stale-version","title":"Changed","status":409,"detail":"At version 5.","code":"stale-version","currentVersion":5}""");
        stale.IsStaleVersion.ShouldBeTrue();
        stale.IsRuleRefusal.ShouldBeFalse();
        stale.CurrentVersion.ShouldBe(5);

        var invalid = ApiProblem.Read(400, "Bad Request", """{"status":400,"errors":{"documents":["Name at least one missing document."],"plan.title":["x","y"]}}""");
        invalid.IsValidation.ShouldBeTrue();
        invalid.Errors["documents"].ShouldBe(["Name at least one missing document."]);
        invalid.Errors["plan.title"].ShouldBe(["x", "y"]);

        var unreadable = ApiProblem.Read(502, "Bad Gateway", "<html>proxy</html>");
        (unreadable.Status, unreadable.Title, unreadable.Errors.Count).ShouldBe((502, "Bad Gateway", 0));
        FormOutcome.KindOf(ApiProblem.Read(409, null, """{"code":"application.illegal-transition"}""")).ShouldBe(FormOutcomeKind.Refused);
        FormOutcome.KindOf(ApiProblem.Read(403, null, "")).ShouldBe(FormOutcomeKind.Forbidden);
    }

    [Fact]
    public void The_field_map_puts_an_error_on_the_field_that_feeds_its_JSON_path_or_on_the_whole_form()
    {
        var input = new { Title = "", Items = "", Reason = "" };
        var map = new FieldMap()
            .Map("plan", () => input.Title, "f-title", "t")
            .Map("plan.items", () => input.Items, "f-items", "i")
            .Map("reason", () => input.Reason, "f-reason", "r");

        map.FieldOf("plan.items[3].amount")!.Value.FieldName.ShouldBe("Items");
        map.FieldOf("plan.title")!.Value.FieldName.ShouldBe("Title");
        map.FieldOf("Reason")!.Value.FieldName.ShouldBe("Reason");
        map.FieldOf("reasonable").ShouldBeNull();
        map.FieldOf("expectedVersion").ShouldBeNull();
        map.Fields.Select(f => f.Id).ShouldBe(["f-title", "f-items", "f-reason"]);
    }

    [Fact]
    public void The_UI_reaches_the_store_only_through_the_API()
    {
        // Every type the UI's compiled code refers to, by its assembly: none of the event store's or the message bus's.
        using var file = File.OpenRead(typeof(Fachwerk.Web.FachwerkWeb).Assembly.Location);
        using var image = new PEReader(file);
        var metadata = image.GetMetadataReader();
        var used = metadata.TypeReferences.Select(metadata.GetTypeReference)
            .Where(t => t.ResolutionScope.Kind == HandleKind.AssemblyReference)
            .Select(t => (Assembly: metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)t.ResolutionScope).Name),
                Type: $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}"))
            .ToList();

        used.ShouldContain(t => t.Assembly == "Fachwerk.Application");
        used.Where(t => t.Assembly.StartsWith("Marten", StringComparison.Ordinal) || t.Assembly.StartsWith("Wolverine", StringComparison.Ordinal)
                        || t.Assembly.StartsWith("Npgsql", StringComparison.Ordinal) || t.Assembly.StartsWith("Weasel", StringComparison.Ordinal)
                        || t.Assembly.StartsWith("JasperFx", StringComparison.Ordinal))
            // JasperFx's source generator, which the UI inherits from the Application project's packages, stamps this on the assembly.
            .Where(t => t.Type != "JasperFx.Events.Aggregation.JasperFxSourceGeneratorAppliedAttribute")
            .ShouldBeEmpty();
    }

    internal static void InCulture(string culture, Action act)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            act();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
