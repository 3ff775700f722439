using System.Net;
using System.Text.Json;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Programmes;
using Fachwerk.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Fachwerk.IntegrationTests.Documents;

/// <summary>A document field of a programme's application form names a document uploaded to that application, no other (ADR 0122).</summary>
public class DocumentFieldTests(AppFixture fixture) : DocumentApi(fixture)
{
    private static readonly FormField Statutes = new("satzung", FormFieldKind.Document, false, new("Satzung", "Statutes"));

    [Fact]
    public async Task A_document_field_takes_only_a_document_of_its_own_application()
    {
        var programme = await LaunchProgramme();
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/application-form", new PublishApplicationForm(1, [Statutes]));
        var application = await Draft(programme);
        var other = await Draft(programme);
        var foreign = await UploadedAsync(other);
        var before = await EventCount();

        // Neither a made-up id nor another application's document, when drafting nor later; nothing is recorded.
        var drafting = await ValidationProblemOf(await Send(Applicant, HttpMethod.Post, "/api/applications",
            new DraftApplication(ApplicantId, programme, AllianceId, "Halle (Saale)", Plan(), Extra: new Dictionary<string, string?> { ["satzung"] = foreign }), 400));
        FieldCodes(drafting, "extra.satzung").ShouldBe(["form.unknown-document"]);
        foreach (var id in new[] { Guid.NewGuid().ToString(), foreign })
        {
            var refused = await ValidationProblemOf(await Send(Applicant, HttpMethod.Put, $"/api/applications/{application}/extra-data",
                new SetExtraData(1, new Dictionary<string, string?> { ["satzung"] = id }), 400));
            refused.Errors.Keys.ShouldBe(["extra.satzung"]);
            FieldCodes(refused, "extra.satzung").ShouldBe(["form.unknown-document"]);
        }

        (await EventCount()).ShouldBe(before);

        var own = await UploadedAsync(application);
        await Send(Applicant, HttpMethod.Put, $"/api/applications/{application}/extra-data", new SetExtraData(2, new Dictionary<string, string?> { ["satzung"] = own }));
        (await Details(application)).Extra!.Values["satzung"].ShouldBe(own);

        // The auditors' case file shows the value under the field of the form version the application keeps.
        await using var session = Store.QuerySession();
        var section = (await new ExtraDataCaseFileSection().BuildAsync(application, session, TestContext.Current.CancellationToken)).ShouldBeOfType<ExtraDataSection>();
        section.FormVersion.ShouldBe(1);
        var line = section.Fields.ShouldHaveSingleItem();
        (line.Key, line.Kind, line.Label.De, line.Label.En, line.Value).ShouldBe(("satzung", FormFieldKind.Document, "Satzung", "Statutes", own));
    }

    /// <summary>Uploads the statutes to the draft <paramref name="application"/> (at version 1); answers the document's id.</summary>
    private async Task<string> UploadedAsync(Guid application)
    {
        using var answer = await Upload(Applicant, application, TestDocuments.Pdf(), "Satzung.pdf", 1, "statutes");
        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (await ReadAsync<CommandAccepted>(answer)).Created!.Key;
    }

    private static string[] FieldCodes(ValidationProblemDetails problem, string field) =>
        ((JsonElement)problem.Extensions[Problems.FieldCodes]!).GetProperty(field).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
