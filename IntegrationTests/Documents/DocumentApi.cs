using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Documents;
using Fachwerk.Domain.Applications;
using Fachwerk.Host.Development;
using Fachwerk.Host.Development.Tokens;
using Fachwerk.IntegrationTests.Applications;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Fachwerk.IntegrationTests.Documents;

/// <summary>Uploads and downloads through the API, and what the store holds, for the tests of documents.</summary>
public abstract class DocumentApi(AppFixture fixture) : FundingApi(fixture)
{
    protected static readonly DemoUser Stranger = new("applicant.elsewhere", "Applicant of another organisation", [Roles.Applicant]);
    protected static readonly DemoUser OtherReviewer = new("reviewer.elsewhere", "Reviewer of another alliance", [Roles.AllianceReviewer]);

    protected long MaxBytes => Host.Services.GetRequiredService<IOptions<DocumentOptions>>().Value.MaxBytes;

    private const string Presentation = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml";

    protected static byte[] Sample(string kind) => kind switch
    {
        "pdf" => TestDocuments.Pdf(),
        "png" => TestDocuments.Png(),
        "jpeg" => TestDocuments.Jpeg(),
        "text" => TestDocuments.Text(),
        "docx" => TestDocuments.Ooxml(),
        "xlsx" => TestDocuments.Ooxml("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
        "pptx-rels-first" => TestDocuments.OoxmlRelsFirst(Presentation, streamed: false),
        "pptx-streamed" => TestDocuments.OoxmlRelsFirst(Presentation, streamed: true),
        "odt" => TestDocuments.Odt(),
        "exe" => TestDocuments.Exe(),
        "zip" => TestDocuments.PlainZip(),
        "binary" => [.. RandomNumberGenerator.GetBytes(64), 0],
        "latin1" => Encoding.Latin1.GetBytes("Kostenübersicht für 2026"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary><paramref name="start"/>, then spaces up to <paramref name="size"/> bytes (a PDF may carry white space).</summary>
    protected static byte[] Padded(byte[] start, long size)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');
        start.CopyTo(bytes, 0);
        return bytes;
    }


    protected static MultipartFormDataContent Form(byte[] bytes, string fileName, long? version, string kind, int? requestNumber, int? requestItem)
    {
        var form = new MultipartFormDataContent();
        if (version is { } v) form.Add(new StringContent(v.ToString(System.Globalization.CultureInfo.InvariantCulture)), "expectedVersion");
        form.Add(new StringContent(kind), "kind");
        if (requestNumber is { } n) form.Add(new StringContent(n.ToString(System.Globalization.CultureInfo.InvariantCulture)), "requestNumber");
        if (requestItem is { } i) form.Add(new StringContent(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), "requestItem");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return form;
    }

    protected async Task<HttpResponseMessage> Upload(
        DemoUser user, Guid application, byte[] bytes, string fileName, long? version, string kind, int? requestNumber = null, int? requestItem = null)
    {
        var url = $"/api/applications/{application}/documents";
        using var client = Client(user, url);
        using var form = Form(bytes, fileName, version, kind, requestNumber, requestItem);
        return await client.PostAsync(url, form, TestContext.Current.CancellationToken);
    }

    protected async Task<HttpResponseMessage> Download(DemoUser user, Guid application, string document)
    {
        var url = $"/api/applications/{application}/documents/{document}";
        using var client = Client(user, url);
        return await client.GetAsync(url, TestContext.Current.CancellationToken);
    }

    protected static async Task<T> ReadAsync<T>(HttpResponseMessage answer) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), Json)!;

    protected static async Task<Microsoft.AspNetCore.Mvc.ProblemDetails> ProblemAsync(HttpResponseMessage answer)
    {
        answer.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await ReadAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>(answer);
    }

    protected async Task<IReadOnlyList<object>> EventsOf(Guid stream)
    {
        await using var session = Store.QuerySession();
        return [.. (await session.Events.FetchStreamAsync(stream, token: TestContext.Current.CancellationToken)).Select(e => e.Data)];
    }

    protected async Task NothingStored(long eventsBefore, byte[] bytes)
    {
        (await EventCount()).ShouldBe(eventsBefore, "a refused upload appended events");
        (await StagedRows()).ShouldBe(0, "a refused upload left staged chunks");
        (await StoredRows(DocumentStorage.ContentTable, Convert.ToHexStringLower(SHA256.HashData(bytes)))).ShouldBe(0);
    }

    protected Task<long> StagedRows() => Count($"SELECT count(*) FROM {{0}}.{DocumentStorage.UploadTable}");

    protected Task<long> StoredRows(string table, string hash) => Count($"SELECT count(*) FROM {{0}}.{table} WHERE sha256 = '{hash}'");

    protected async Task<long> Count(string sql) => (long)(await Scalar(sql))!;

    /// <summary>Runs <paramref name="sql"/>, with <c>{0}</c> for the store's schema, and gives the first column of its first row.</summary>
    protected async Task<object?> Scalar(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, Store.Options.Events.DatabaseSchemaName),
            connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
    }

    protected Task Sql(string sql) => Scalar(sql);
}
