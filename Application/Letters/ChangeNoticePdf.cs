using Fachwerk.Domain.Applications;
using static Fachwerk.Application.Letters.LetterPdf;

namespace Fachwerk.Application.Letters;

/// <summary>
/// Renders a <see cref="ChangeNotice"/> (Änderungsbescheid) as a PDF in German, A4, exactly like the decision letter (ADR 0104, 0121):
/// the same head, legal remedy and closing, deterministic from its facts (the version's time, the notice's document id). It names the
/// decision it changes, each changed term as "neu … (bisher …)", the effective date, the reason, the four eyes, and that the rest of
/// the decision stays in force.
/// </summary>
public static class ChangeNoticePdf
{
    public static byte[] Render(ChangeNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        return LetterPdf.Render($"{ChangeNotice.Title} – {notice.ProjectTitle}", $"Aktenzeichen {notice.ApplicationId:D}, Fassung {notice.Version}",
            notice.IssuedAt, notice.DocumentId, w => Write(w, notice));
    }

    private static void Write(LetterWriter w, ChangeNotice n)
    {
        Head(w, n.ApplicantName, n.ApplicantTown, n.IssuedAt, n.ApplicationId, ChangeNotice.Title, n.ProjectTitle, n.ProgrammeName);
        w.Line(n.Previous.Version > 1
            ? $"Bezug: {Decision(n)}, zuletzt in der Fassung {n.Previous.Version} vom {Day(n.Previous.EffectiveFrom)}"
            : $"Bezug: {Decision(n)}");
        w.Gap(12);
        w.Paragraph("Sehr geehrte Damen und Herren,");
        w.Paragraph(
            $"der {Decision(n)} wird mit Wirkung vom {Day(n.EffectiveFrom)} wie folgt geändert (Änderung Nr. {n.AmendmentNumber}; " +
            $"der Bescheid gilt damit in der Fassung {n.Version}).");

        w.Heading("1. Änderungen");
        WriteChanges(w, n.Previous, n.Amended, n.Changes);
        if (n.Obligations is { Count: > 0 } obligations) WriteObligations(w, obligations);

        w.Heading("2. Gründe");
        w.Paragraph(n.Reason);

        w.Heading("3. Im Übrigen");
        w.Paragraph($"Alle übrigen Bestimmungen des {Decision(n, "Zuwendungsbescheids")} einschließlich seiner Nebenbestimmungen bleiben unverändert in Kraft" +
                    (n.Changes.Contains(AmendmentChange.Conditions) || n.Obligations is { Count: > 0 } ? ", soweit sie nicht oben neu gefasst sind." : "."));

        FourEyes(w, "4.", n.ProposedBy, n.ProposedAt, n.ConfirmedBy, n.ConfirmedAt);
        Closing(w);
    }

    /// <summary>One row per changed term: the new value, and the one before in brackets.</summary>
    private static void WriteChanges(LetterWriter w, ChangeNoticeTerms before, ChangeNoticeTerms after, IReadOnlyList<AmendmentChange> changes)
    {
        if (changes.Contains(AmendmentChange.Amount))
            w.Row("Zuwendung", Changed(Money(after.Amount), Money(before.Amount)));
        if (after.FundingRate != before.FundingRate)
            w.Row("Fördersatz", Changed(Percent(after.FundingRate), Percent(before.FundingRate)));
        if (changes.Contains(AmendmentChange.ProjectEnd))
            w.Row("Bewilligungszeitraum", Changed($"bis {Day(after.ProjectEnd)}", $"bis {Day(before.ProjectEnd)}"));
        // The financing plan: each figure that changed.
        if (after.CostPlan.TotalCosts != before.CostPlan.TotalCosts)
            w.Row("Zuwendungsfähige Ausgaben", Changed(Money(after.CostPlan.TotalCosts), Money(before.CostPlan.TotalCosts)));
        if (after.CostPlan.OwnContribution != before.CostPlan.OwnContribution)
            w.Row("Eigenanteil", Changed(Money(after.CostPlan.OwnContribution), Money(before.CostPlan.OwnContribution)));
        if (after.CostPlan.ThirdPartyFunding != before.CostPlan.ThirdPartyFunding)
            w.Row("Drittmittel", Changed(Money(after.CostPlan.ThirdPartyFunding), Money(before.CostPlan.ThirdPartyFunding)));

        if (changes.Contains(AmendmentChange.ProofDueDates))
        {
            w.Gap(4);
            w.Paragraph("Die Verwendung der Zuwendung ist zu folgenden geänderten Terminen nachzuweisen:");
            foreach (var proof in after.ProofsOfUse)
                if (before.ProofsOfUse.FirstOrDefault(p => p.Proof == proof.Proof) is { } earlier && earlier.DueBy != proof.DueBy)
                    w.Bullet($"{DecisionLetterPdf.ProofName(proof.Kind)} ({proof.Proof}): {Changed($"bis {Day(proof.DueBy)}", $"bis {Day(earlier.DueBy)}")}");
        }

        if (changes.Contains(AmendmentChange.Conditions))
        {
            w.Gap(4);
            w.Paragraph(after.Conditions.Count == 0
                ? "Die Nebenbestimmungen des Bescheids entfallen; es gelten die Bestimmungen des Förderprogramms."
                : "Die Nebenbestimmungen werden wie folgt neu gefasst:");
            foreach (var condition in after.Conditions) w.Bullet(condition);
            w.Paragraph(before.Conditions.Count == 0 ? "Bisher: keine besonderen Auflagen." : "Bisher: " + string.Join("; ", before.Conditions));
        }
    }

    /// <summary>The obligations (Auflagen) the version adds, changes ("neu … (bisher …)") or lifts (ADR 0129).</summary>
    private static void WriteObligations(LetterWriter w, IReadOnlyList<ChangeNoticeObligation> obligations)
    {
        w.Gap(4);
        w.Paragraph("Die Auflagen zur Zuwendung werden wie folgt geändert:");
        foreach (var o in obligations)
            w.Bullet((o.Before, o.After) switch
            {
                (null, { } added) => $"Auflage {o.Number} wird neu festgelegt: {Obligation(added)}",
                ({ } before, { } after) => $"Auflage {o.Number}: {Changed(Obligation(after), Obligation(before))}",
                ({ } before, null) => $"Auflage {o.Number} ({before.Description}) wird aufgehoben; Nachweise sind für sie nicht mehr vorzulegen.",
                _ => $"Auflage {o.Number}",
            });
        if (obligations.Any(o => o.After is not null))
            w.Paragraph("Wird eine Auflage nicht erfüllt, wird die Zuwendung für den nicht erfüllten Teil der Laufzeit anteilig zurückgefordert " +
                        "(ausgezahlter Betrag × nicht erfüllte Monate ÷ Monate der Auflage, auf Cent gerundet).");
    }

    /// <summary>An obligation as the letters state it: kind, wording, period, evidence and its due days.</summary>
    private static string Obligation(ObligationTerms o) =>
        $"{DecisionLetterPdf.ObligationKindName(o.Kind)}: {o.Description}. Zeitraum: {Day(o.StartsOn)} bis {Day(ObligationDecider.EndOf(o.StartsOn, o.Months))} " +
        $"({o.Months} Monate). Nachweis: {o.RequiredEvidence}, vorzulegen bis {string.Join(", ", o.EvidenceDueDates.Select(Day))}.";

    private static string Changed(string now, string before) => $"neu {now} (bisher {before})";

    /// <summary>"Zuwendungsbescheid vom 02.06.2026": the decision every change notice amends (its file number is the notice's own).</summary>
    private static string Decision(ChangeNotice n, string word = "Zuwendungsbescheid") => $"{word} vom {Day(n.DecisionIssuedAt)}";
}
