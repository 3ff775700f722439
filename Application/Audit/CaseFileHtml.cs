using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Text;
using System.Text.Json;
using Fachwerk.Application.Applications;

namespace Fachwerk.Application.Audit;

/// <summary>The readable half of a case file: one self-contained HTML page (no scripts, no external resources), German and English.</summary>
public static class CaseFileHtml
{
    private const string Style = """
        body { font-family: system-ui, sans-serif; margin: 2rem; color: #1a1a1a; }
        h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #ccc; }
        table { border-collapse: collapse; width: 100%; font-size: 0.85rem; margin: 0.5rem 0; }
        th, td { border: 1px solid #ccc; padding: 0.25rem 0.4rem; text-align: left; vertical-align: top; }
        th { background: #f2f2f2; } .en { color: #666; } .flag { color: #a00; font-weight: bold; } .ok { color: #070; }
        code, pre { font-family: ui-monospace, monospace; font-size: 0.8rem; word-break: break-all; white-space: pre-wrap; }
        """;

    public static string Render(CaseFile file)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"de\">\n<head>\n<meta charset=\"utf-8\">\n<title>Prüfakte / Case file: ")
            .Append(E(file.Title)).Append("</title>\n<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n");

        html.Append("<h1>Prüfakte Förderantrag <span class=\"en\">/ Case file, funding application</span>: ").Append(E(file.Title)).Append("</h1>\n");
        Table(html, ["", ""],
        [
            [Both("Antrag", "Application"), Code(file.ApplicationId.ToString())],
            [Both("Erstellt", "Generated"), E(Time(file.GeneratedAt)) + " – " + E(file.GeneratedBy)],
            [Both("Format", "Format"), Code(file.Format)],
        ]);

        Current(html, file.Current);
        Decisions(html, file.Decisions);
        Timeline(html, file.Timeline);
        Findings(html, file.RuleCheck);
        Chain(html, file.Chain);

        foreach (var section in file.Sections)
        {
            html.Append("<h2>").Append(Both(section.Title.De, section.Title.En)).Append("</h2>\n<pre>")
                .Append(E(JsonSerializer.Serialize(section.Content, AuditJson.Options))).Append("</pre>\n");
        }

        if (file.SectionsNotCovered.Count > 0)
        {
            html.Append("<h2>").Append(Both("Nicht enthalten", "Not covered")).Append("</h2>\n<p>")
                .Append(E(string.Join(", ", file.SectionsNotCovered)))
                .Append(": noch nicht Teil dieser Prüfakte / not part of this case file yet.</p>\n");
        }

        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static void Current(StringBuilder html, ApplicationDetails current)
    {
        html.Append("<h2>").Append(Both("Stand heute", "Current state")).Append("</h2>\n");
        Table(html, ["", ""],
        [
            [Both("Status", "Status"), E(current.Status.ToString())],
            [Both("Version", "Version"), E(current.Version.ToString(CultureInfo.InvariantCulture))],
            [Both("Antragsteller", "Applicant"), E(current.Applicant.Name)],
            [Both("Förderprogramm", "Programme"), E(current.Programme.Name)],
            [Both("Bündnis", "Alliance"), E(current.Alliance.Name) + " – " + E(current.District)],
            [Both("Gesamtkosten", "Total costs"), Eur(current.Plan.TotalCosts)],
            [Both("Beantragt", "Requested"), Eur(current.Plan.RequestedAmount)],
            [Both("Eigenanteil", "Own contribution"), Eur(current.Plan.OwnContribution)],
            [Both("Bewilligt", "Approved"), current.ApprovedAmount is { } approved ? Eur(approved) : "–"],
            [Both("Auflagen", "Conditions"), E(string.Join("; ", current.Conditions))],
        ]);
    }

    private static void Decisions(StringBuilder html, IReadOnlyList<DecisionOnRecord> decisions)
    {
        html.Append("<h2>").Append(Both("Entscheidungen und ihre Grundlage", "Decisions and what they were based on")).Append("</h2>\n");
        if (decisions.Count == 0)
        {
            html.Append("<p>").Append(Both("Keine.", "None.")).Append("</p>\n");
            return;
        }

        Table(html,
            [Both("Entscheidung", "Decision"), Both("Wer, wann", "Who, when"), Both("Ergebnis", "Outcome"),
                Both("Grundlage: Stand bei Version", "Based on: state at version"), Both("Danach geändert", "Changed afterwards")],
            [.. decisions.Select(d => (string[])
            [
                Both(d.Label.De, d.Label.En) + " (v" + d.Version.ToString(CultureInfo.InvariantCulture) + ")",
                E(d.DecidedBy ?? d.UserId ?? "–") + "<br>" + E(Time(d.DecidedAt)),
                E(d.Outcome),
                "v" + d.BasedOnVersion.ToString(CultureInfo.InvariantCulture) + (d.BasedOnVersionRecorded ? "" : " (" + Both("Version davor", "version before") + ")")
                + (d.StateAtBasis is { } basis
                    ? "<br>" + E(basis.Status.ToString()) + ", " + Both("beantragt", "requested") + " " + Eur(basis.Plan.RequestedAmount) + ", "
                      + Both("Kosten", "costs") + " " + Eur(basis.Plan.TotalCosts) + ", " + Both("Eigenanteil", "own") + " " + Eur(basis.Plan.OwnContribution)
                      + (basis.ApprovedAmount is { } approved ? ", " + Both("bewilligt", "approved") + " " + Eur(approved) : "")
                    : "")
                + (d.DecidedOnOutdatedVersion ? "<br><span class=\"flag\">" + Both("auf veraltetem Stand entschieden", "decided on an outdated version") + "</span>" : ""),
                d.ApplicationChangedAfterwards
                    ? "<span class=\"flag\">" + string.Join("<br>", d.ChangedAfterwards.Select(c =>
                        E(c.Field) + ": " + E(c.AtBasis ?? "–") + " → " + E(c.Now ?? "–") + " (v" + c.FirstChangedAtVersion.ToString(CultureInfo.InvariantCulture)
                        + ", " + E(c.FirstChangedBy ?? "–") + ")")) + "</span>"
                    : "<span class=\"ok\">" + Both("nein", "no") + "</span>",
            ])]);
    }

    private static void Timeline(StringBuilder html, StreamTimeline timeline)
    {
        html.Append("<h2>").Append(Both("Verlauf", "Timeline")).Append("</h2>\n");
        Table(html,
            ["v", Both("Zeit", "Time"), Both("Ereignis", "Event"), Both("Benutzer / erfasst von", "User / recorded by"), Both("Grund", "Reason"),
                Both("Befehl", "Command"), Both("Korrelation / Ursache", "Correlation / causation")],
            [.. timeline.Entries.Select(e => (string[])
            [
                e.Version.ToString(CultureInfo.InvariantCulture),
                E(Time(e.Timestamp)),
                Both(e.Label.De, e.Label.En),
                E(e.UserId ?? "–") + " / " + E(e.RecordedBy ?? "–"),
                E(e.Reason ?? ""),
                E(e.Command ?? ""),
                Code(e.CorrelationId ?? "–") + "<br>" + Code(e.CausationId ?? "–"),
            ])]);
    }

    private static void Findings(StringBuilder html, ApplicationRuleCheck? check)
    {
        html.Append("<h2>").Append(Both("Regelprüfung", "Rule re-check")).Append("</h2>\n");
        if (check is null)
        {
            html.Append("<p>").Append(Both("Noch nicht geprüft.", "Not re-checked yet.")).Append("</p>\n");
            return;
        }

        html.Append("<p>").Append(Both("Geprüft bis Version", "Checked up to version")).Append(' ')
            .Append(check.Version.ToString(CultureInfo.InvariantCulture)).Append("</p>\n");
        if (check.Findings.Count == 0)
        {
            html.Append("<p class=\"ok\">").Append(Both("Keine Befunde.", "No findings.")).Append("</p>\n");
            return;
        }

        Table(html, [Both("Regel", "Rule"), "v", Both("Befund", "Finding")],
            [.. check.Findings.Select(f => (string[])
            [
                Both(f.RuleLabel.De, f.RuleLabel.En), f.Version.ToString(CultureInfo.InvariantCulture), Both(f.Detail.De, f.Detail.En),
            ])]);
    }

    private static void Chain(StringBuilder html, CaseFileChain chain)
    {
        html.Append("<h2>").Append(Both("Hash-Kette des Antrags", "Hash chain of the application stream")).Append("</h2>\n");
        Table(html, ["", ""],
        [
            [Both("Unverändert", "Intact"), chain.Intact
                ? "<span class=\"ok\">" + Both("ja", "yes") + "</span>"
                : "<span class=\"flag\">" + Both("nein", "no") + ": " + E(chain.Break?.Detail ?? "") + "</span>"],
            [Both("Letzte Version", "Head version"), chain.Version.ToString(CultureInfo.InvariantCulture)],
            [Both("Kopf-Hash", "Head hash"), Code(chain.HeadHash ?? "–")],
            [Both("Digest (SHA-256)", "Digest (SHA-256)"), Code(chain.Digest)],
        ]);
        Table(html, ["v", Both("Sequenz", "Sequence"), Both("Hash", "Hash"), Both("Vorheriger Hash", "Previous hash")],
            [.. chain.Links.Select(l => (string[])
            [
                l.Version.ToString(CultureInfo.InvariantCulture), l.Sequence.ToString(CultureInfo.InvariantCulture), Code(l.Hash), Code(l.PreviousHash ?? "–"),
            ])]);
    }

    private static void Table(StringBuilder html, IReadOnlyList<string> headers, IReadOnlyList<string[]> rows)
    {
        html.Append("<table>\n");
        if (headers.Any(h => h.Length > 0))
            html.Append("<tr>").AppendJoin("", headers.Select(h => "<th>" + h + "</th>")).Append("</tr>\n");
        foreach (var row in rows)
            html.Append("<tr>").AppendJoin("", row.Select(cell => "<td>" + cell + "</td>")).Append("</tr>\n");
        html.Append("</table>\n");
    }

    // Escapes markup characters; letters of every script (ä, ö, ü, ß, ...) stay as they are in the UTF-8 page.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);

    private static string Both(string de, string en) => E(de) + " <span class=\"en\">/ " + E(en) + "</span>";

    private static string Code(string text) => "<code>" + E(text) + "</code>";

    private static string Eur(decimal amount) => E(amount.ToString("N2", CultureInfo.GetCultureInfo("de-DE")) + " €");

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
