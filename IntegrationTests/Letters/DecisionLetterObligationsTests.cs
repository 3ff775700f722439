using System.Globalization;
using System.Security.Cryptography;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Letters;
using Fachwerk.Domain.Applications;
using Fachwerk.IntegrationTests.Documents;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Letters;

/// <summary>
/// The decision letter lists the obligations imposed with the approval as Auflagen (Nebenbestimmungen) with their evidence and due days
/// (ADR 0126); an obligation imposed later on the grant does not change the letter rendered again.
/// </summary>
public class DecisionLetterObligationsTests(AppFixture fixture) : DocumentApi(fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static string Day(DateOnly day) => day.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_letter_lists_the_obligations_of_the_approval_as_auflagen_with_their_evidence_and_due_days()
    {
        var start = Today.AddMonths(3);
        var (id, version) = await ReadyForDecision(await LaunchProgramme(rules: Rules(voteRequired: false)), vote: false, Plan());
        version = await Act(Caseworker, id, "decision-proposal", new ProposeDecision(version, DecisionKind.Approve, 40_000m, ["Förderhinweis auf Veröffentlichungen"],
            Obligations:
            [
                new ObligationTerms(ObligationKind.PractiseInDistrict, "Hausärztliche Tätigkeit im Landkreis Mansfeld-Südharz", start, 60,
                    "Bestätigung der Kassenärztlichen Vereinigung", [start.AddYears(1), start.AddYears(2)]),
            ]));
        await ConfirmAndWait(id, version);

        var details = await Details(id);
        var letter = details.Documents.ShouldHaveSingleItem();
        using var answer = await Download(Applicant, id, letter.DocumentId.ToString());
        var bytes = await answer.Content.ReadAsByteArrayAsync(Cancellation);
        using (var pdf = UglyToad.PdfPig.PdfDocument.Open(bytes))
        {
            var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            text.ShouldContain("2. Nebenbestimmungen");
            text.ShouldContain("Förderhinweis auf Veröffentlichungen");
            text.ShouldContain("Auflagen: Die Zuwendung wird mit folgenden Auflagen verbunden");
            text.ShouldContain("Auflage 1 (Tätigkeit im Landkreis): Hausärztliche Tätigkeit im Landkreis Mansfeld-Südharz.");
            text.ShouldContain($"Zeitraum: {Day(start)} bis {Day(start.AddMonths(60).AddDays(-1))} (60 Monate).");
            text.ShouldContain($"Nachweis: Bestätigung der Kassenärztlichen Vereinigung, vorzulegen bis {Day(start.AddYears(1))}, {Day(start.AddYears(2))}.");
            text.ShouldContain("anteilig zurückgefordert");
        }

        // An obligation imposed later belongs to the grant, not to this letter: rendered again from the events, the letter is the same.
        await Act(Caseworker, id, "obligations", new ImposeObligation(details.Version, ObligationKind.Other, "Nachträglicher Bericht", start, 6, "Bericht",
            [start.AddMonths(6)]));
        await using var session = Store.QuerySession();
        var facts = (await DecisionLetterFacts.LoadAsync(session, id, Cancellation))!;
        facts.Obligations.ShouldHaveSingleItem().Number.ShouldBe(1);
        Convert.ToHexStringLower(SHA256.HashData(DecisionLetterPdf.Render(facts))).ShouldBe(letter.Sha256);
    }
}
