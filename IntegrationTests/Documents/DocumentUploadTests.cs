using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Documents;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Documents;

/// <summary>Uploads to an application and their downloads: what is stored, what is refused, and that a refusal stores nothing.</summary>
public class DocumentUploadTests(AppFixture fixture) : DocumentApi(fixture)
{
    [Fact]
    public async Task An_upload_is_stored_under_the_sha256_of_its_bytes_which_its_event_names_and_downloads_as_an_attachment()
    {
        var id = await Draft(await LaunchProgramme());
        var pdf = TestDocuments.Pdf();

        using var answer = await Upload(Applicant, id, pdf, "Satzung 2026.pdf", 1, "statutes");

        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var accepted = await ReadAsync<CommandAccepted>(answer);
        accepted.Version.ShouldBe(2);
        accepted.Created!.Kind.ShouldBe("document");
        answer.Headers.Location!.ToString().ShouldBe($"/api/applications/{id}/documents/{accepted.Created.Key}");

        var hash = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var attached = (await EventsOf(id)).OfType<DocumentAttached>().ShouldHaveSingleItem();
        attached.ShouldBe(attached with
        {
            FileName = "Satzung 2026.pdf", MediaType = "application/pdf", Size = pdf.Length, Sha256 = hash, Kind = DocumentKind.Statutes,
            Answers = null, RecordedBy = Applicant.Id,
        });
        attached.DocumentId.ToString().ShouldBe(accepted.Created.Key);
        (await Details(id)).Documents.ShouldHaveSingleItem().Sha256.ShouldBe(hash);
        (await StoredRows(DocumentStorage.ContentTable, hash)).ShouldBe(1);
        (await StagedRows()).ShouldBe(0);

        using var download = await Download(Applicant, id, attached.DocumentId.ToString());
        download.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(pdf);
        download.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        download.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        download.Content.Headers.ContentDisposition.FileNameStar.ShouldBe("Satzung 2026.pdf");
        download.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        using var byHash = await Download(Applicant, id, hash);
        (await byHash.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).ShouldBe(pdf);
    }

    public static TheoryData<string, string> Accepted => new()
    {
        { "pdf", "application/pdf" },
        { "png", "image/png" },
        { "jpeg", "image/jpeg" },
        { "text", "text/plain; charset=utf-8" },
        { "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx-rels-first", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "pptx-streamed", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
        { "odt", "application/vnd.oasis.opendocument.text" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public async Task The_media_type_is_the_one_the_content_shows(string kind, string mediaType)
    {
        var id = await Draft(await LaunchProgramme());

        // The name claims a PDF whatever the bytes are: the content decides.
        using var answer = await Upload(Applicant, id, Sample(kind), "Unterlage.pdf", 1, "other");

        answer.StatusCode.ShouldBe(HttpStatusCode.Created, await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await Details(id)).Documents.ShouldHaveSingleItem().MediaType.ShouldBe(mediaType);
    }

    [Theory]
    [InlineData("exe", "setup.exe")]
    [InlineData("exe", "Satzung.pdf")]
    [InlineData("zip", "Antrag.docx")]
    [InlineData("binary", "Beleg.txt")]
    [InlineData("latin1", "Beleg.txt")]
    public async Task A_file_of_a_type_not_accepted_is_refused_with_415_and_nothing_is_stored(string kind, string fileName)
    {
        var id = await Draft(await LaunchProgramme());
        var events = await EventCount();
        var bytes = Sample(kind);

        using var answer = await Upload(Applicant, id, bytes, fileName, 1, "other");

        answer.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await ProblemAsync(answer)).Type.ShouldBe("urn:fachwerk:problem:unsupported-media-type");
        await NothingStored(events, bytes);
    }

    [Fact]
    public async Task A_file_one_byte_over_the_limit_is_refused_with_413_and_one_at_the_limit_is_stored()
    {
        var id = await Draft(await LaunchProgramme());
        var events = await EventCount();
        var tooLarge = Padded(TestDocuments.Pdf(), MaxBytes + 1);

        using var refused = await Upload(Applicant, id, tooLarge, "Scan.pdf", 1, "other");

        refused.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        (await ProblemAsync(refused)).Detail!.ShouldContain($"{MaxBytes:N0}");
        await NothingStored(events, tooLarge);

        // Larger than the 1 MB other requests may carry: uploads have their own limit.
        using var atLimit = await Upload(Applicant, id, Padded(TestDocuments.Pdf(), MaxBytes), "Scan.pdf", 1, "other");
        atLimit.StatusCode.ShouldBe(HttpStatusCode.Created, await atLimit.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        (await Details(id)).Documents.ShouldHaveSingleItem().Size.ShouldBe(MaxBytes);
    }

    [Theory]
    [InlineData("", "Leer.pdf", "file")]
    [InlineData("pdf", "scans/", "file")] // a path without a name
    [InlineData("pdf", "Sat\u0007zung.pdf", "file")]
    [InlineData("pdf", "long", "file")]
    public async Task An_empty_file_or_a_bad_file_name_is_refused_with_400_and_nothing_is_stored(string kind, string fileName, string field)
    {
        var id = await Draft(await LaunchProgramme());
        var events = await EventCount();
        var bytes = kind == "" ? [] : Sample(kind);

        using var answer = await Upload(Applicant, id, bytes, fileName == "long" ? new string('a', 252) + ".pdf" : fileName, 1, "other");

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReadAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(answer)).Errors.Keys.ShouldBe([field]);
        await NothingStored(events, bytes);
    }

    [Fact]
    public async Task Missing_or_unknown_fields_are_refused_with_400_naming_them()
    {
        var id = await Draft(await LaunchProgramme());

        using var answer = await Upload(Applicant, id, TestDocuments.Pdf(), "Satzung.pdf", null, "letter", requestNumber: 0);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ReadAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>(answer)).Errors.Keys.Order()
            .ShouldBe(["expectedVersion", "kind", "requestNumber"]);
        (await StagedRows()).ShouldBe(0);
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_refused_with_415()
    {
        var id = await Draft(await LaunchProgramme());
        using var client = Client(Applicant, $"/api/applications/{id}/documents");

        using var answer = await client.PostAsync($"/api/applications/{id}/documents", new ByteArrayContent(TestDocuments.Pdf())
        {
            Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") },
        }, TestContext.Current.CancellationToken);

        answer.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_upload_whose_body_ends_early_is_refused_with_400_and_leaves_nothing_attached_or_staged()
    {
        var id = await Draft(await LaunchProgramme());
        var events = await EventCount();
        var pdf = Padded(TestDocuments.Pdf(), 3 * DocumentContent.ChunkBytes);
        using var form = Form(pdf, "Satzung.pdf", 1, "statutes", null, null);
        var whole = await form.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        // Cut off in the middle of the file, after more than one chunk was staged.
        var cut = new ByteArrayContent(whole[..(whole.Length * 2 / 3)]);
        cut.Headers.ContentType = form.Headers.ContentType;
        using var client = Client(Applicant, $"/api/applications/{id}/documents");

        using var answer = await client.PostAsync($"/api/applications/{id}/documents", cut, TestContext.Current.CancellationToken);

        answer.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ProblemAsync(answer)).Detail!.ShouldContain("Nothing was attached");
        await NothingStored(events, pdf);
    }

    [Fact]
    public async Task An_upload_on_a_stale_version_is_refused_with_409_and_nothing_is_stored()
    {
        var id = await Draft(await LaunchProgramme());
        var events = await EventCount();
        var pdf = TestDocuments.Pdf();

        using var answer = await Upload(Applicant, id, pdf, "Satzung.pdf", 7, "statutes");

        answer.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await ProblemAsync(answer)).Type.ShouldBe("urn:fachwerk:problem:stale-version");
        await NothingStored(events, pdf);
    }

    [Fact]
    public async Task Only_the_applicants_people_upload_others_are_refused_and_nothing_is_stored()
    {
        var id = await Draft(await LaunchProgramme());
        var events = await EventCount();
        var pdf = TestDocuments.Pdf();

        foreach (var (user, status) in new[] { (Stranger, HttpStatusCode.Forbidden), (Caseworker, HttpStatusCode.Forbidden), (Reviewer, HttpStatusCode.Forbidden) })
        {
            using var answer = await Upload(user, id, pdf, "Satzung.pdf", 1, "statutes");
            answer.StatusCode.ShouldBe(status, user.Id);
        }

        using var unknown = await Upload(Applicant, Guid.NewGuid(), pdf, "Satzung.pdf", 1, "statutes");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await NothingStored(events, pdf);
    }

    [Fact]
    public async Task A_document_is_downloaded_by_whoever_reads_the_application_and_by_nobody_else()
    {
        var id = await Draft(await LaunchProgramme());
        using var answer = await Upload(Applicant, id, TestDocuments.Pdf(), "Satzung.pdf", 1, "statutes");
        var document = (await ReadAsync<CommandAccepted>(answer)).Created!.Key;

        foreach (var (user, status) in new[]
                 {
                     (Applicant, HttpStatusCode.OK), (Caseworker, HttpStatusCode.OK), (Approver, HttpStatusCode.OK), (Reviewer, HttpStatusCode.OK),
                     (DemoUsers.Auditor, HttpStatusCode.OK), (Stranger, HttpStatusCode.Forbidden), (OtherReviewer, HttpStatusCode.Forbidden),
                     (DemoUsers.ProjectLead, HttpStatusCode.Forbidden),
                 })
        {
            using var download = await Download(user, id, document);
            download.StatusCode.ShouldBe(status, user.Id);
        }

        using var unknown = await Download(Applicant, id, Guid.NewGuid().ToString());
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var elsewhere = await Download(Applicant, Guid.NewGuid(), document);
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_name_beyond_ascii_is_given_back_in_the_rfc_5987_form()
    {
        var id = await Draft(await LaunchProgramme());
        using var answer = await Upload(Applicant, id, TestDocuments.Text(), "Kostenplan Übersicht – 2026.txt", 1, "financingPlan");
        var document = (await ReadAsync<CommandAccepted>(answer)).Created!.Key;

        using var download = await Download(Applicant, id, document);

        var disposition = download.Content.Headers.GetValues("Content-Disposition").Single();
        disposition.ShouldStartWith("attachment");
        disposition.ShouldContain("filename*=UTF-8''Kostenplan%20%C3%9Cbersicht%20%E2%80%93%202026.txt");
        download.Content.Headers.ContentType!.ToString().ShouldBe("text/plain; charset=utf-8");
    }

    [Fact]
    public async Task Uploads_answer_the_items_of_a_document_request_and_the_last_one_supplies_it()
    {
        var id = await Submitted(await LaunchProgramme());
        var version = await Act(Caseworker, id, "document-requests", new RequestDocuments(2, ["Satzung", "Finanzierungsplan"]));

        using var wrongItem = await Upload(Applicant, id, TestDocuments.Pdf(), "Satzung.pdf", version, "statutes", requestNumber: 1, requestItem: 3);
        (await ProblemAsync(wrongItem)).Type.ShouldBe("urn:fachwerk:problem:application.unknown-request-item");
        using var wrongRequest = await Upload(Applicant, id, TestDocuments.Pdf(), "Satzung.pdf", version, "statutes", requestNumber: 2, requestItem: 1);
        (await ProblemAsync(wrongRequest)).Type.ShouldBe("urn:fachwerk:problem:application.no-open-document-request");

        using var first = await Upload(Applicant, id, TestDocuments.Pdf(), "Satzung.pdf", version, "statutes", requestNumber: 1, requestItem: 1);
        var statutes = await ReadAsync<CommandAccepted>(first);
        var details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.DocumentsRequested);
        details.DocumentRequests.Single().Answers.ShouldBe([new RequestItemAnswer(1, Guid.Parse(statutes.Created!.Key), "Satzung.pdf")]);

        using var last = await Upload(Applicant, id, TestDocuments.Text(), "Finanzierungsplan.txt", statutes.Version, "financingPlan",
            requestNumber: 1, requestItem: 2);
        var plan = await ReadAsync<CommandAccepted>(last);

        plan.Version.ShouldBe(statutes.Version + 2); // attached, and the request supplied
        details = await Details(id);
        details.Status.ShouldBe(ApplicationStatus.Submitted);
        var request = details.DocumentRequests.Single();
        request.SuppliedReferences.ShouldBe([statutes.Created.Key, plan.Created!.Key]);
        request.Answers.Select(a => a.FileName).ShouldBe(["Satzung.pdf", "Finanzierungsplan.txt"]);
        details.Documents.Select(d => d.Answers!.Document).ShouldBe(["Satzung", "Finanzierungsplan"]);
    }
}
