using System.Security.Cryptography;
using Fachwerk.Application.Letters;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using UglyToad.PdfPig;

namespace Fachwerk.IntegrationTests.Letters;

/// <summary>The decision letter's PDF as PDFsharp renders it, read back with PdfPig (no database involved).</summary>
public class DecisionLetterPdfTests
{
    private static DecisionLetter Letter(IReadOnlyList<string>? conditions = null) => new(
        Guid.Parse("0193c0de-7a1b-7c2d-8e3f-405162738495"), "Haus Steinstraße e. V.", "Hameln", "Fachkräfte für die Region 2026",
        "Expedition Job – Übergang Schule/Beruf", new Period(new DateOnly(2026, 9, 1), new DateOnly(2027, 8, 31)),
        new DateTimeOffset(2026, 6, 2, 9, 30, 0, TimeSpan.Zero), 50_000m, 37_500m, 0.75m, 3_750m,
        conditions ?? ["Öffentlichkeitsarbeit mit Logo des Programms", "Teilnehmendenlisten führen"],
        [new ProofOfUseDue("interim-2026", ProofKind.Interim, new DateOnly(2027, 4, 30)), new ProofOfUseDue("final", ProofKind.Final, new DateOnly(2028, 2, 29))],
        "caseworker.meier", new DateTimeOffset(2026, 7, 1, 8, 0, 0, TimeSpan.Zero),
        "approver.schulz", new DateTimeOffset(2026, 7, 2, 14, 15, 0, TimeSpan.Zero),
        new DateTimeOffset(2026, 7, 2, 14, 15, 3, TimeSpan.Zero));

    [Fact]
    public void The_same_facts_render_the_same_bytes()
    {
        var first = DecisionLetterPdf.Render(Letter());
        var second = DecisionLetterPdf.Render(Letter());

        Convert.ToHexString(SHA256.HashData(second)).ShouldBe(Convert.ToHexString(SHA256.HashData(first)));
        DecisionLetterPdf.Render(Letter(["Andere Auflage"])).ShouldNotBe(first);
    }

    [Fact]
    public void The_font_subsets_are_tagged_in_order_and_the_metadata_carries_the_letters_id()
    {
        var raw = System.Text.Encoding.Latin1.GetString(DecisionLetterPdf.Render(Letter()));

        raw.ShouldContain("/BaseFont/FWKAAA+");
        raw.ShouldContain("/FontName/FWKAAA+");
        System.Text.RegularExpressions.Regex.Matches(raw, "/(?:BaseFont|FontName)/[A-Z]{6}\\+").Select(m => m.Value[^7..^1])
            .ShouldAllBe(tag => tag.StartsWith("FWK"));
        System.Text.RegularExpressions.Regex.Matches(raw, "<xmpMM:(?:DocumentID|InstanceID)>uuid:([0-9a-f-]{36})").Select(m => m.Groups[1].Value)
            .ShouldAllBe(uuid => uuid == Letter().ApplicationId.ToString("D"));
        raw.ShouldContain("<xmpMM:DocumentID>uuid:");
    }

    [Fact]
    public void The_letter_opens_and_says_amount_rate_conditions_dates_both_deciders_and_the_legal_remedy()
    {
        using var pdf = PdfDocument.Open(DecisionLetterPdf.Render(Letter()));
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        text.ShouldContain("Zuwendungsbescheid");
        text.ShouldContain("37.500,00 EUR");
        text.ShouldContain("50.000,00 EUR");
        text.ShouldContain("75 %");
        text.ShouldContain("Haus Steinstraße e. V.");
        text.ShouldContain("Öffentlichkeitsarbeit mit Logo des Programms");
        text.ShouldContain("30.04.2027");
        text.ShouldContain("29.02.2028");
        text.ShouldContain("01.09.2026 bis 31.08.2027");
        text.ShouldContain("caseworker.meier am 01.07.2026");
        text.ShouldContain("approver.schulz am 02.07.2026");
        text.ShouldContain("Rechtsbehelfsbelehrung");
        text.ShouldContain("Widerspruch");
        pdf.Information.Title.ShouldBe("Zuwendungsbescheid – Expedition Job – Übergang Schule/Beruf");
        pdf.Information.CreationDate.ShouldBe("D:20260702141503Z");
    }

    [Fact]
    public void A_rejection_is_an_ablehnungsbescheid_with_its_reasons_both_deciders_and_the_legal_remedy_and_no_grant()
    {
        var rejection = Letter() with { Kind = DecisionKind.Reject, RejectionReason = "Kein regionaler Bedarf belegt.", Amount = 0m, Conditions = [], ProofsOfUse = [] };
        using var pdf = PdfDocument.Open(DecisionLetterPdf.Render(rejection));
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));

        rejection.FileName.ShouldBe("Ablehnungsbescheid-0193c0de.pdf");
        pdf.Information.Title.ShouldBe("Ablehnungsbescheid – Expedition Job – Übergang Schule/Beruf");
        text.ShouldContain("Ihren Antrag vom 02.06.2026 auf eine Zuwendung");
        text.ShouldContain("lehnen wir ab");
        text.ShouldContain("Kein regionaler Bedarf belegt.");
        text.ShouldContain("caseworker.meier am 01.07.2026");
        text.ShouldContain("approver.schulz am 02.07.2026");
        text.ShouldContain("Rechtsbehelfsbelehrung");
        text.ShouldNotContain("Zuwendungsbescheid");
        text.ShouldNotContain("Verwendungsnachweise");
        text.ShouldNotContain("Fördersatz");
    }
}
