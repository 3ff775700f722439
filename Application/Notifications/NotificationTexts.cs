using System.Globalization;
using System.Net;
using System.Text;
using Fachwerk.Application.Common;

namespace Fachwerk.Application.Notifications;

/// <summary>The subject and body of a notification, in German (default) or English, as plain text and HTML.</summary>
/// <param name="Subject">The mail's subject and the bell's line.</param>
/// <param name="Text">The plain-text body.</param>
/// <param name="Html">The HTML body.</param>
public sealed record NotificationText(string Subject, string Text, string Html);

/// <summary>
/// Writes what a notification says. One sentence of what happened and what is asked, the facts, and the page where the person
/// acts. Dates in the authority's calendar, amounts in euros, in the recipient's language.
/// </summary>
public static class NotificationTexts
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static NotificationText Compose(NotificationKind kind, string language, NotificationFacts facts, Uri link)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(link);
        var en = language == "en";
        var culture = en ? English : German;
        var due = facts.DueBy is { } d ? TimeZoneInfo.ConvertTime(d, AuthorityTime.Zone).ToString("d", culture) : "";
        var amount = facts.Amount is { } a ? en ? $"EUR {a.ToString("N2", English)}" : $"{a.ToString("N2", German)} €" : "";
        var items = facts.Items ?? [];
        var app = en ? $"application {facts.Number} \"{facts.Title}\"" : $"Antrag {facts.Number} „{facts.Title}“";
        var when = facts.DaysLeft == 0 ? (en ? "today" : "heute") : en ? $"in {facts.DaysLeft} days, on {due}" : $"in {facts.DaysLeft} Tagen, am {due}";

        var (subject, lines, action) = (kind, en) switch
        {
            (NotificationKind.DocumentsRequested, false) => ($"Unterlagen nachreichen bis {due}: {facts.Number}",
                new[] { $"zu Ihrem {app} bittet die Bewilligungsbehörde um folgende Unterlagen:", }, $"Bitte reichen Sie sie bis {due} ein, sonst erlischt der Antrag."),
            (NotificationKind.DocumentsRequested, true) => ($"Documents requested by {due}: {facts.Number}",
                new[] { $"the funding authority asks for the following documents for your {app}:", }, $"Please supply them by {due}; otherwise the application lapses."),
            (NotificationKind.DocumentsDueReminder, false) => ($"Erinnerung: Unterlagen fällig {when}: {facts.Number}",
                new[] { $"die Unterlagen zu Ihrem {app} sind {when} fällig und noch nicht eingereicht:" }, "Bitte reichen Sie sie rechtzeitig ein, sonst erlischt der Antrag."),
            (NotificationKind.DocumentsDueReminder, true) => ($"Reminder: documents due {when}: {facts.Number}",
                new[] { $"the documents for your {app} are due {when} and have not been supplied yet:" }, "Please supply them in time; otherwise the application lapses."),
            (NotificationKind.ApplicationLapsed, false) => ($"Antrag erloschen: {facts.Number}",
                new[] { $"Ihr {app} ist erloschen, weil die angeforderten Unterlagen bis {due} nicht eingereicht wurden." }, "Sie können einen neuen Antrag stellen."),
            (NotificationKind.ApplicationLapsed, true) => ($"Application lapsed: {facts.Number}",
                new[] { $"your {app} has lapsed because the requested documents were not supplied by {due}." }, "You may submit a new application."),
            (NotificationKind.DecisionMade, false) => facts.Approved == true
                ? ($"Bewilligt: {facts.Number}", new[] { $"Ihr {app} ist bewilligt, mit {amount}." }, "Den Bescheid und die Auflagen finden Sie auf der Seite des Antrags.")
                : ($"Abgelehnt: {facts.Number}", new[] { $"Ihr {app} ist abgelehnt." }, "Die Begründung finden Sie auf der Seite des Antrags."),
            (NotificationKind.DecisionMade, true) => facts.Approved == true
                ? ($"Approved: {facts.Number}", new[] { $"your {app} is approved, with {amount}." }, "The notice and its conditions are on the application's page.")
                : ($"Rejected: {facts.Number}", new[] { $"your {app} is rejected." }, "The reasons are on the application's page."),
            (NotificationKind.PaymentReleased, false) => ($"Auszahlung freigegeben: {facts.Number}",
                new[] { $"zu Ihrem {app} ist eine Auszahlung von {amount} freigegeben." }, "Die Zahlungen finden Sie auf der Seite des Antrags."),
            (NotificationKind.PaymentReleased, true) => ($"Payment released: {facts.Number}",
                new[] { $"a payment of {amount} for your {app} has been released." }, "The payments are on the application's page."),
            (NotificationKind.ProofOfUseDueReminder, false) => ($"Erinnerung: Verwendungsnachweis fällig {when}: {facts.Number}",
                new[] { $"der Verwendungsnachweis zu Ihrem {app} ist {when} fällig:" }, "Bitte reichen Sie ihn rechtzeitig ein."),
            (NotificationKind.ProofOfUseDueReminder, true) => ($"Reminder: proof of use due {when}: {facts.Number}",
                new[] { $"the proof of use for your {app} is due {when}:" }, "Please submit it in time."),
            (NotificationKind.ReclaimDemanded, false) => ($"Rückforderung: {facts.Number}",
                new[] { $"zu Ihrem {app} wird ein Teil der Zuwendung zurückgefordert: {amount}." }, "Den Betrag und die Frist finden Sie auf der Seite des Antrags."),
            (NotificationKind.ReclaimDemanded, true) => ($"Reclaim: {facts.Number}",
                new[] { $"part of the grant for your {app} is reclaimed: {amount}." }, "The amount and the date to repay by are on the application's page."),
            (NotificationKind.NewSubmission, false) => ($"Neuer Antrag in Ihrer Warteschlange: {facts.Number}",
                new[] { $"der {app} ist eingereicht und wartet auf die Prüfung der Vollständigkeit." }, "Bitte prüfen Sie ihn."),
            (NotificationKind.NewSubmission, true) => ($"New application in your queue: {facts.Number}",
                new[] { $"{app} was submitted and waits for the formal check." }, "Please check it."),
            (NotificationKind.DocumentsSupplied, false) => ($"Unterlagen eingereicht: {facts.Number}",
                new[] { $"zum {app} hat die Antragstellerin die angeforderten Unterlagen eingereicht:" }, "Bitte prüfen Sie sie."),
            (NotificationKind.DocumentsSupplied, true) => ($"Documents supplied: {facts.Number}",
                new[] { $"the applicant supplied the requested documents for {app}:" }, "Please check them."),
            (NotificationKind.ProposalReturned, false) => ($"Entscheidungsvorschlag zurückgegeben: {facts.Number}",
                new[] { $"der Entscheidungsvorschlag zum {app} wurde zurückgegeben." }, "Bitte schlagen Sie erneut vor."),
            (NotificationKind.ProposalReturned, true) => ($"Proposal returned: {facts.Number}",
                new[] { $"the proposed decision on {app} was returned." }, "Please propose again."),
            (NotificationKind.ProposalAwaitsConfirmation, false) => ($"Entscheidung zur Zeichnung: {facts.Number}",
                new[] { $"für den {app} liegt ein Entscheidungsvorschlag vor, der von einer zweiten Person bestätigt werden muss." }, "Bitte bestätigen Sie ihn oder geben Sie ihn zurück."),
            (NotificationKind.ProposalAwaitsConfirmation, true) => ($"Decision awaiting confirmation: {facts.Number}",
                new[] { $"a proposed decision on {app} waits for confirmation by a second person." }, "Please confirm it or return it."),
            (NotificationKind.AwaitsAllianceVote, false) => ($"Votum des Bündnisses erbeten: {facts.Number}",
                new[] { $"der {app} ist vollständig und wartet auf das Votum Ihres Bündnisses{(due.Length > 0 ? $" (Entscheidung fällig am {due})" : "")}." }, "Bitte geben Sie das Votum ab."),
            (NotificationKind.AwaitsAllianceVote, true) => ($"Alliance vote requested: {facts.Number}",
                new[] { $"{app} is complete and waits for your alliance's vote{(due.Length > 0 ? $" (decision due on {due})" : "")}." }, "Please cast the vote."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var greeting = en ? "Hello," : "Guten Tag,";
        var open = en ? "Open the page" : "Zur Seite";
        var footer = en
            ? "This mail was sent by Fachwerk. You choose which mails you receive under Notifications in the web UI."
            : "Diese Nachricht hat Fachwerk gesendet. Welche Nachrichten Sie erhalten, wählen Sie unter „Benachrichtigungen“ in Fachwerk.";

        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        foreach (var line in lines) text.AppendLine(line);
        foreach (var item in items) text.Append("  - ").AppendLine(item);
        text.AppendLine().AppendLine(action).AppendLine().Append(open).Append(": ").AppendLine(link.ToString()).AppendLine().AppendLine("-- ").AppendLine(footer);

        var html = new StringBuilder().Append("<p>").Append(Encode(greeting)).Append("</p>");
        foreach (var line in lines) html.Append("<p>").Append(Encode(line)).Append("</p>");
        if (items.Count > 0)
        {
            html.Append("<ul>");
            foreach (var item in items) html.Append("<li>").Append(Encode(item)).Append("</li>");
            html.Append("</ul>");
        }
        html.Append("<p>").Append(Encode(action)).Append("</p>")
            .Append("<p><a href=\"").Append(Encode(link.ToString())).Append("\">").Append(Encode(open)).Append("</a></p>")
            .Append("<hr><p><small>").Append(Encode(footer)).Append("</small></p>");
        return new NotificationText(subject, text.ToString(), html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
