using System.Security.Cryptography;
using Fachwerk.Application.Letters;
using Fachwerk.Domain.Applications;
using UglyToad.PdfPig;

namespace Fachwerk.IntegrationTests.Letters;

/// <summary>The change notice's PDF as PDFsharp renders it, read back with PdfPig (no database involved; ADR 0121).</summary>
public class ChangeNoticePdfTests
{
    private static readonly Guid Id = Guid.Parse("0193c0de-7a1b-7c2d-8e3f-405162738495");

    private static ChangeNotice Notice(string reason = "Zwölf statt acht Teilnehmende; Antrag vom 3. März.") => new(
        Id, 2, 1, "Haus Steinstraße e. V.", "Hameln", "Fachkräfte für die Region 2026", "Expedition Job – Übergang Schule/Beruf",
        new DateOnly(2026, 9, 1), new DateTimeOffset(2026, 7, 2, 14, 15, 3, TimeSpan.Zero),
        new ChangeNoticeTerms(1, new DateOnly(2026, 7, 2), 40_000m, 0.8m, new DateOnly(2027, 8, 31), ["Öffentlichkeitsarbeit mit Logo des Programms"],
            new CostPlan(50_000m, 10_000m, 0m),
            [new ProofOfUseDue("interim-2026", ProofKind.Interim, new DateOnly(2027, 4, 30)), new ProofOfUseDue("final", ProofKind.Final, new DateOnly(2028, 2, 29))]),
        new ChangeNoticeTerms(2, new DateOnly(2026, 10, 1), 48_000m, 0.8m, new DateOnly(2027, 11, 30), ["Bericht zum 31. Mai"],
            new CostPlan(60_000m, 12_000m, 0m),
            [new ProofOfUseDue("interim-2026", ProofKind.Interim, new DateOnly(2027, 4, 30)), new ProofOfUseDue("final", ProofKind.Final, new DateOnly(2028, 5, 30))]),
        [AmendmentChange.Amount, AmendmentChange.ProjectEnd, AmendmentChange.ProofDueDates, AmendmentChange.Conditions, AmendmentChange.CostPlan],
        new DateOnly(2026, 10, 1), reason, "caseworker.meier", new DateTimeOffset(2026, 9, 20, 8, 0, 0, TimeSpan.Zero),
        "approver.schulz", new DateTimeOffset(2026, 9, 21, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 9, 21, 9, 0, 2, TimeSpan.Zero));

    private static string Text(byte[] bytes)
    {
        using var pdf = PdfDocument.Open(bytes);
        return string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
    }

    [Fact]
    public void The_same_facts_render_the_same_bytes()
    {
        var first = ChangeNoticePdf.Render(Notice());

        Convert.ToHexString(SHA256.HashData(ChangeNoticePdf.Render(Notice()))).ShouldBe(Convert.ToHexString(SHA256.HashData(first)));
        ChangeNoticePdf.Render(Notice("Anderer Grund")).ShouldNotBe(first);
    }

    [Fact]
    public void The_notice_names_the_decision_it_changes_each_change_old_and_new_the_reason_both_deciders_and_that_the_rest_stays()
    {
        var bytes = ChangeNoticePdf.Render(Notice());
        var text = Text(bytes);

        text.ShouldContain("Änderungsbescheid");
        text.ShouldContain("Haus Steinstraße e. V.");
        text.ShouldContain($"Aktenzeichen: {Id:D}");
        text.ShouldContain("Datum: 21.09.2026");
        text.ShouldContain("Bezug: Zuwendungsbescheid vom 02.07.2026");
        text.ShouldContain("Alle übrigen Bestimmungen des Zuwendungsbescheids vom 02.07.2026");
        text.ShouldContain("mit Wirkung vom 01.10.2026");
        text.ShouldContain("Fassung 2");
        text.ShouldContain("Zuwendung: neu 48.000,00 EUR (bisher 40.000,00 EUR)");
        text.ShouldContain("neu bis 30.11.2027 (bisher bis 31.08.2027)");
        text.ShouldContain("neu 60.000,00 EUR (bisher 50.000,00 EUR)");
        text.ShouldContain("neu 12.000,00 EUR (bisher 10.000,00 EUR)");
        text.ShouldNotContain("Drittmittel", customMessage: "no third-party money before or after");
        text.ShouldContain("Schlussnachweis (final): neu bis 30.05.2028 (bisher bis 29.02.2028)");
        text.ShouldNotContain("interim-2026", customMessage: "an unchanged proof of use is not listed");
        text.ShouldNotContain("Fördersatz", customMessage: "the rate stayed at 80 %");
        text.ShouldContain("Bericht zum 31. Mai");
        text.ShouldContain("Bisher: Öffentlichkeitsarbeit mit Logo des Programms");
        text.ShouldContain("Zwölf statt acht Teilnehmende; Antrag vom 3. März.");
        text.ShouldContain("bleiben unverändert in Kraft");
        text.ShouldContain("caseworker.meier am 20.09.2026");
        text.ShouldContain("approver.schulz am 21.09.2026");
        text.ShouldContain("Rechtsbehelfsbelehrung");

        using var pdf = PdfDocument.Open(bytes);
        pdf.Information.Title.ShouldBe("Änderungsbescheid – Expedition Job – Übergang Schule/Beruf");
        pdf.Information.CreationDate.ShouldBe("D:20260921090002Z");
        Notice().FileName.ShouldBe("Aenderungsbescheid-0193c0de-v2.pdf");
    }

    [Fact]
    public void A_notice_that_only_changes_the_conditions_lists_no_amounts_or_dates()
    {
        var notice = Notice() with
        {
            Amended = Notice().Previous with { Version = 2, Conditions = ["Bericht zum 31. Mai"] },
            Changes = [AmendmentChange.Conditions],
        };

        var text = Text(ChangeNoticePdf.Render(notice));

        text.ShouldContain("Die Nebenbestimmungen werden wie folgt neu gefasst:");
        text.ShouldContain("Bericht zum 31. Mai");
        text.ShouldNotContain("Zuwendung: neu");
        text.ShouldNotContain("Bewilligungszeitraum");
        text.ShouldNotContain("geänderten Terminen");
        text.ShouldContain("soweit sie nicht oben neu gefasst sind");
    }

    [Fact]
    public void A_notice_to_a_decision_amended_before_names_the_version_it_amends()
    {
        var notice = Notice() with { Version = 3, Previous = Notice().Previous with { Version = 2, EffectiveFrom = new DateOnly(2026, 8, 15) } };

        var text = Text(ChangeNoticePdf.Render(notice));

        text.ShouldContain("Bezug: Zuwendungsbescheid vom 02.07.2026, zuletzt in der Fassung 2 vom 15.08.2026");
        text.ShouldContain("in der Fassung 3");
        notice.FileName.ShouldBe("Aenderungsbescheid-0193c0de-v3.pdf");
    }

    [Fact]
    public void A_notice_lists_the_obligations_it_adds_changes_new_and_before_and_lifts()
    {
        var start = new DateOnly(2027, 10, 1);
        var practice = new ObligationTerms(ObligationKind.PractiseInDistrict, "Praxistätigkeit im Landkreis", start, 60, "KV-Bestätigung",
            [new DateOnly(2028, 10, 31)]);
        var notice = Notice() with
        {
            Changes = [AmendmentChange.Obligations],
            Obligations =
            [
                new ChangeNoticeObligation(1, practice, practice with { Months = 36 }),
                new ChangeNoticeObligation(2, practice with { Kind = ObligationKind.Other, Description = "Jahresbericht" }, null),
                new ChangeNoticeObligation(3, null, practice with { Kind = ObligationKind.Other, Description = "Weiterbildung", Months = 24 }),
            ],
        };

        var text = Text(ChangeNoticePdf.Render(notice));

        text.ShouldContain("Die Auflagen zur Zuwendung werden wie folgt geändert:");
        text.ShouldContain("Auflage 1: neu Tätigkeit im Landkreis: Praxistätigkeit im Landkreis. Zeitraum: 01.10.2027 bis 30.09.2030 (36 Monate).");
        text.ShouldContain("(bisher Tätigkeit im Landkreis: Praxistätigkeit im Landkreis. Zeitraum: 01.10.2027 bis 30.09.2032 (60 Monate).");
        text.ShouldContain("Auflage 2 (Jahresbericht) wird aufgehoben");
        text.ShouldContain("Auflage 3 wird neu festgelegt: sonstige Auflage: Weiterbildung.");
        text.ShouldContain("anteilig zurückgefordert");
        text.ShouldNotContain("Zuwendung: neu");
        ChangeNoticePdf.Render(notice).ShouldBe(ChangeNoticePdf.Render(notice), "the same facts, the same bytes");
    }
}
