using Fachwerk.Domain.Applications;
using static Fachwerk.Application.Letters.LetterPdf;

namespace Fachwerk.Application.Letters;

/// <summary>
/// Renders a <see cref="DecisionLetter"/> (approval or rejection) as a PDF in German, A4, with PDFsharp (ADR 0104). Deterministic: the creation date and
/// the document ID come from the letter's facts (the approval's time and the application's id), the font from the assembly, so the
/// same facts give the same bytes and so the same SHA-256.
/// </summary>
public static class DecisionLetterPdf
{
    public static byte[] Render(DecisionLetter letter)
    {
        ArgumentNullException.ThrowIfNull(letter);
        return LetterPdf.Render($"{letter.Title} – {letter.ProjectTitle}", $"Aktenzeichen {letter.ApplicationId:D}", letter.IssuedAt, letter.ApplicationId,
            w => Write(w, letter));
    }

    private static void Write(LetterWriter w, DecisionLetter l)
    {
        Head(w, l.ApplicantName, l.ApplicantTown, l.IssuedAt, l.ApplicationId, l.Title, l.ProjectTitle, l.ProgrammeName);
        w.Gap(12);
        w.Paragraph("Sehr geehrte Damen und Herren,");
        if (l.Kind == DecisionKind.Reject) WriteRejection(w, l);
        else WriteApproval(w, l);
        Closing(w);
    }

    private static void WriteRejection(LetterWriter w, DecisionLetter l)
    {
        w.Paragraph(
            YourApplication(l, "Ihren Antrag") +
            $"auf eine Zuwendung für das oben genannte Vorhaben (zuwendungsfähige Ausgaben {Money(l.TotalCosts)}, Laufzeit " +
            $"{Day(l.Duration.From)} bis {Day(l.Duration.To)}) lehnen wir ab.");

        w.Heading("1. Gründe");
        w.Paragraph(l.RejectionReason ?? "");
        w.Paragraph("Auf die Gewährung einer Zuwendung besteht kein Rechtsanspruch; die Bewilligungsbehörde entscheidet nach " +
                    "pflichtgemäßem Ermessen im Rahmen der verfügbaren Haushaltsmittel.");

        FourEyes(w, "2.", l.ProposedBy, l.ProposedAt, l.ConfirmedBy, l.ConfirmedAt);
    }

    private static void WriteApproval(LetterWriter w, DecisionLetter l)
    {
        w.Paragraph(
            YourApplication(l, "auf Ihren Antrag") +
            $"bewilligen wir Ihnen für das oben genannte Vorhaben eine Zuwendung als Projektförderung in Form eines Zuschusses " +
            $"(Anteilfinanzierung) in Höhe von {Money(l.Amount)}.");

        w.Heading("1. Höhe und Art der Zuwendung");
        w.Row("Zuwendung", Money(l.Amount));
        w.Row("Zuwendungsfähige Ausgaben", Money(l.TotalCosts));
        w.Row("Fördersatz", Percent(l.FundingRate));
        w.Row("Bewilligungszeitraum", $"{Day(l.Duration.From)} bis {Day(l.Duration.To)}");
        if (l.RetainedFinalInstalment > 0)
            w.Row("Einbehalt", $"{Money(l.RetainedFinalInstalment)} bis zur Prüfung des Schlussnachweises");

        w.Heading("2. Nebenbestimmungen");
        if (l.Conditions.Count == 0 && l.Obligations.Count == 0)
            w.Paragraph("Diesem Bescheid sind keine besonderen Auflagen beigefügt; es gelten die Bestimmungen des Förderprogramms.");
        if (l.Conditions.Count > 0)
        {
            w.Paragraph("Die Zuwendung wird unter folgenden Auflagen bewilligt:");
            foreach (var condition in l.Conditions) w.Bullet(condition);
        }

        if (l.Obligations.Count > 0) WriteObligations(w, l.Obligations);

        w.Heading("3. Verwendungsnachweise");
        w.Paragraph("Die Verwendung der Zuwendung ist zu folgenden Terminen nachzuweisen:");
        foreach (var proof in l.ProofsOfUse)
            w.Bullet($"{ProofName(proof.Kind)} ({proof.Proof}): bis {Day(proof.DueBy)}");

        FourEyes(w, "4.", l.ProposedBy, l.ProposedAt, l.ConfirmedBy, l.ConfirmedAt);
    }

    /// <summary>
    /// The obligations imposed with the approval (ADR 0126): each Auflage with its period, the evidence required and the days it is due,
    /// and what a breach means (the pro-rata reclaim of ADR 0123).
    /// </summary>
    private static void WriteObligations(LetterWriter w, IReadOnlyList<ObligationImposed> obligations)
    {
        w.Paragraph("Auflagen: Die Zuwendung wird mit folgenden Auflagen verbunden, deren Erfüllung nachzuweisen ist:");
        foreach (var o in obligations)
        {
            var endsOn = ObligationDecider.EndOf(o.StartsOn, o.Months);
            w.Bullet($"Auflage {o.Number} ({ObligationKindName(o.Kind)}): {o.Description}. Zeitraum: {Day(o.StartsOn)} bis {Day(endsOn)} ({o.Months} Monate). " +
                     $"Nachweis: {o.RequiredEvidence}, vorzulegen bis {string.Join(", ", o.EvidenceDueDates.Select(Day))}.");
        }

        w.Paragraph("Wird eine Auflage nicht erfüllt, wird die Zuwendung für den nicht erfüllten Teil der Laufzeit anteilig zurückgefordert " +
                    "(ausgezahlter Betrag × nicht erfüllte Monate ÷ Monate der Auflage, auf Cent gerundet).");
    }

    /// <summary>The kind of an obligation as the letter names it.</summary>
    internal static string ObligationKindName(ObligationKind kind) => kind == ObligationKind.PractiseInDistrict ? "Tätigkeit im Landkreis" : "sonstige Auflage";

    /// <summary>"Schlussnachweis" or "Zwischennachweis".</summary>
    internal static string ProofName(ProofKind kind) => kind == ProofKind.Final ? "Schlussnachweis" : "Zwischennachweis";

    /// <summary>"Ihren Antrag vom 02.06.2026 " (with a trailing space), or without the date when it was never submitted.</summary>
    private static string YourApplication(DecisionLetter l, string words) =>
        l.SubmittedAt is { } submitted ? $"{words} vom {Day(submitted)} " : $"{words} ";
}
