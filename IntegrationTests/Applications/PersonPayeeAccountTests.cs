using System.IO.Compression;
using System.Text;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fachwerk.IntegrationTests.Applications;

/// <summary>
/// A natural person's payee account is their personal data (ADR 0084): sealed with their own key in the proposal, opened for caseworkers,
/// masked or not shown for other readers, and erased with the person's data: read model, API and case file read "erased", and no
/// plaintext IBAN stands anywhere in the database.
/// </summary>
public class PersonPayeeAccountTests(AppFixture fixture) : ApplicationApi(fixture)
{
    private static readonly DemoUser Carsten = DemoUsers.SecondCaseworker;

    private static readonly ApplicantPersonalData Lena =
        new("Lenamarie", "Hartmannsdorf", new DateOnly(2001, 8, 14), "Bahnhofstrasse 12", "06526", "Sangerhausen", "lena.hartmannsdorf@example.org");

    private const string Saalesparkasse = "DE36 8005 3762 0000 1234 56";
    private const string Hildesheim = "DE95 2595 0130 0001 2345 67";

    /// <summary>The accounts and the holder's name as they would stand in plain text (ASCII: no JSON escaping hides a hit).</summary>
    private static readonly string[] Plaintext =
        ["DE36800537620000123456", "DE36 8005", "DE95259501300001234567", "DE95 2595", "Lenamarie Hartmannsdorf", "Konto bei der Saalesparkasse"];

    private DateOnly Today => AuthorityCalendar.DayOf(Clock.GetUtcNow());

    private static ProjectPlan Stipend => new("Stipendium Medizinstudium", "Stipendium für die klinischen Semester",
        new Period(new DateOnly(2026, 9, 1), new DateOnly(2029, 8, 31)), 21_600m, 21_600m, 0m, 0m, [], 1);

    private async Task<Guid> PersonApplied()
    {
        var programme = await LaunchProgramme(rules: Rules(voteRequired: false, maxRate: 1m));
        await Send(Caseworker, HttpMethod.Put, $"/api/programmes/{programme}/person-applicants",
            new SetPersonApplicants(1, [PersonApplicantKind.MedicalStudent], 0));
        var drafted = await Post(Applicant, "/api/applications/persons",
            new DraftPersonApplication(programme, AllianceId, "Halle (Saale)", PersonApplicantKind.MedicalStudent, Stipend, Lena), 201,
            s => s.WithRequestHeader("Idempotency-Key", Guid.NewGuid().ToString()));
        var id = (await Read<StreamCreated>(drafted)).Id;
        await Act(Applicant, id, "submission", new SubmitApplication(2));
        return id;
    }

    private async Task ShouldBeNowhereInTheDatabase()
    {
        var connection = Host.Services.GetRequiredService<IConfiguration>().GetConnectionString("Fachwerk")!;
        foreach (var needle in Plaintext)
            (await DatabaseSearch.TablesContainingAsync(connection, needle, TestContext.Current.CancellationToken))
                .ShouldBeEmpty($"'{needle}' must not stand anywhere in the database");
    }

    private Task<ApplicationDetails> As(DemoUser reader, Guid application) => Get<ApplicationDetails>(reader, $"/api/applications/{application}");

    private async Task<string> CaseFileJson(Guid application)
    {
        var result = await GetExpecting(DemoUsers.Auditor, $"/api/audit/applications/{application}/case-file", 200);
        using var bytes = new MemoryStream();
        if (result.Context.Response.Body.CanSeek) result.Context.Response.Body.Position = 0;
        await result.Context.Response.Body.CopyToAsync(bytes, TestContext.Current.CancellationToken);
        bytes.Position = 0;
        using var zip = new ZipArchive(bytes);
        using var reader = new StreamReader(zip.GetEntry("case-file.json")!.Open(), Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_account_is_sealed_with_the_persons_key_opened_for_caseworkers_and_erased_with_their_data()
    {
        var id = await PersonApplied();
        var subject = (await Details(id)).Applicant.Id;

        // The person gives their account: the event carries it only sealed with their key, and neither it nor the read model holds plaintext.
        var version = await Act(Applicant, id, "payee-account",
            new ProposePayeeAccount(3, Saalesparkasse, "NOLADE21HAL", "Lenamarie Hartmannsdorf", "Konto bei der Saalesparkasse"));
        await using (var session = Store.QuerySession())
        {
            var proposed = (PayeeAccountProposed)(await session.Events.FetchStreamAsync(id, token: TestContext.Current.CancellationToken))[^1].Data;
            (proposed.Iban, proposed.Bic, proposed.Holder, proposed.Reason).ShouldBe((null, null, null, null));
            proposed.SealedAccount.ShouldNotBeNull().SubjectId.ShouldBe(subject);
        }

        await ShouldBeNowhereInTheDatabase();

        // Caseworkers read it in full; the person and the approver masked; the alliance's reviewer, who sees no personal data, not at all.
        var waiting = (await Details(id)).ProposedPayeeAccount.ShouldNotBeNull();
        (waiting.Iban, waiting.IbanMasked, waiting.Bic, waiting.Holder, waiting.Reason, waiting.Sealed)
            .ShouldBe((Saalesparkasse, false, "NOLADE21HAL", "Lenamarie Hartmannsdorf", "Konto bei der Saalesparkasse", null));
        foreach (var reader in new[] { Applicant, Approver })
        {
            var seen = (await As(reader, id)).ProposedPayeeAccount!;
            (seen.Iban, seen.IbanMasked, seen.Holder, seen.Sealed).ShouldBe((Iban.Recorded("DE36800537620000123456").Masked, true, "Lenamarie Hartmannsdorf", null),
                reader.Id);
        }

        var notShown = (await As(Reviewer, id)).ProposedPayeeAccount!;
        (notShown.Iban, notShown.Holder, notShown.Bic, notShown.Reason, notShown.Sealed)
            .ShouldBe((PayeeAccountRecord.NotShownText, PayeeAccountRecord.NotShownText, null, null, null));

        // The same account again is recognised although sealed (opened to compare); a second caseworker confirms it.
        (await ProblemOf(await Post(Applicant, $"/api/applications/{id}/payee-account",
            new ProposePayeeAccount(version, Saalesparkasse.Replace(" ", "", StringComparison.Ordinal), "NOLADE21HAL", "Lenamarie Hartmannsdorf"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:payee.already-proposed");
        version = await Act(Carsten, id, "payee-account/confirmation", new ConfirmPayeeAccount(version));
        (await Details(id)).PayeeAccount.ShouldNotBeNull().Iban.ShouldBe(Saalesparkasse);
        (await ProblemOf(await Post(Applicant, $"/api/applications/{id}/payee-account",
            new ProposePayeeAccount(version, Saalesparkasse, "NOLADE21HAL", "Lenamarie Hartmannsdorf"), 409)))
            .Type.ShouldBe("urn:fachwerk:problem:payee.unchanged");

        // A new account waits while the confirmed one stays; the auditor's case file opens both.
        version = await Act(Applicant, id, "payee-account", new ProposePayeeAccount(version, Hildesheim, null, "Lenamarie Hartmannsdorf"));
        var caseFile = await CaseFileJson(id);
        caseFile.ShouldContain(Saalesparkasse);
        caseFile.ShouldContain(Hildesheim);
        await ShouldBeNowhereInTheDatabase();

        // The person withdraws; the day after, their data are erased and their key destroyed.
        version = await Act(Applicant, id, "withdrawal", new WithdrawApplication(version, "Studienplatz in einem anderen Land"));
        Clock.Advance(TimeSpan.FromDays(2));
        await Act(Caseworker, id, "applicant-person/erasure", new EraseApplicantPersonData(version, ErasureGround.ConsentWithdrawn, Today, "DSGVO-2026-044"));

        foreach (var reader in new[] { Caseworker, Applicant, Reviewer, DemoUsers.Auditor })
        {
            var after = await As(reader, id);
            foreach (var account in new[] { after.PayeeAccount.ShouldNotBeNull(), after.ProposedPayeeAccount.ShouldNotBeNull() })
            {
                (account.Erased, account.Iban, account.Holder, account.Bic, account.Reason, account.Sealed)
                    .ShouldBe((true, PayeeAccountRecord.ErasedText, PayeeAccountRecord.ErasedText, null, null, null), reader.Id);
            }

            // Who proposed and confirmed it, and when, stay.
            after.PayeeAccount!.ConfirmedBy.ShouldBe(Carsten.Id);
        }

        var erasedCaseFile = await CaseFileJson(id);
        erasedCaseFile.ShouldContain(PayeeAccountRecord.ErasedText);
        foreach (var needle in Plaintext) erasedCaseFile.ShouldNotContain(needle);
        await ShouldBeNowhereInTheDatabase();
    }
}
