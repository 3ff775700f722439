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
                ? ($"Bewilligt: {facts.Number}", new[] { $"Ihr {app} ist bewilligt, mit {amount}." },
                    "Den Zuwendungsbescheid mit seinen Auflagen finden Sie auf der Seite des Antrags im Abschnitt „Vorschlag und Entscheidung“.")
                : ($"Abgelehnt: {facts.Number}", new[] { $"Ihr {app} ist abgelehnt." },
                    "Den Bescheid mit der Begründung finden Sie auf der Seite des Antrags im Abschnitt „Vorschlag und Entscheidung“."),
            (NotificationKind.DecisionMade, true) => facts.Approved == true
                ? ($"Approved: {facts.Number}", new[] { $"your {app} is approved, with {amount}." },
                    "The decision letter (Zuwendungsbescheid) with its conditions is on the application's page, in the section \"Proposal and decision\".")
                : ($"Rejected: {facts.Number}", new[] { $"your {app} is rejected." },
                    "The decision letter with its reasons is on the application's page, in the section \"Proposal and decision\"."),
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
            (NotificationKind.ReviewRequested, false) => ($"Gutachten erbeten: {facts.Number}",
                new[] { $"Sie sind eingeteilt, den {app} zu begutachten." }, "Bitte bewerten Sie ihn nach den Kriterien des Programms oder erklären Sie einen Interessenkonflikt."),
            (NotificationKind.ReviewRequested, true) => ($"Review requested: {facts.Number}",
                new[] { $"you are assigned to review {app}." }, "Please score it on the programme's criteria or declare a conflict of interest."),
            (NotificationKind.FirstCheckFindings, false) => ($"Feststellungen zum Verwendungsnachweis: {facts.Number}",
                new[] { $"die erste Prüfung des Verwendungsnachweises „{facts.Concerning}“ zu Ihrem {app} hat Folgendes festgestellt:" },
                "Bitte antworten Sie über die Nachrichten auf der Seite des Antrags oder reichen Sie fehlende Belege nach."),
            (NotificationKind.FirstCheckFindings, true) => ($"Findings on the proof of use: {facts.Number}",
                new[] { $"the first check of the proof of use \"{facts.Concerning}\" for your {app} found the following:" },
                "Please answer through the messages on the application's page or supply the missing receipts."),
            (NotificationKind.ProofOfUseOverdue, false) => ($"Verwendungsnachweis überfällig: {facts.Number}",
                new[] { $"der Verwendungsnachweis „{facts.Concerning}“ zu Ihrem {app} war am {due} fällig und ist nicht eingegangen." },
                "Bitte reichen Sie ihn umgehend ein."),
            (NotificationKind.ProofOfUseOverdue, true) => ($"Proof of use overdue: {facts.Number}",
                new[] { $"the proof of use \"{facts.Concerning}\" for your {app} was due on {due} and has not been received." },
                "Please submit it without delay."),
            (NotificationKind.TaskOverdue, false) => ($"Überfällig: {facts.Number}",
                new[] { $"eine Aufgabe zum {app} war am {due} fällig und ist noch offen: {TaskName(facts.Concerning, en)}." }, "Bitte erledigen Sie sie."),
            (NotificationKind.TaskOverdue, true) => ($"Overdue: {facts.Number}",
                new[] { $"a task on {app} was due on {due} and is still open: {TaskName(facts.Concerning, en)}." }, "Please see to it."),
            (NotificationKind.PaymentAwaitsRelease, false) => ($"Auszahlung zur Freigabe: {facts.Number}",
                new[] { $"zum {app} ist der Zahlungsantrag {facts.Concerning} über {amount} geprüft und wartet auf die Freigabe durch eine zweite Person (Vier-Augen-Prinzip)." },
                "Bitte geben Sie die Auszahlung frei oder lehnen Sie sie ab."),
            (NotificationKind.PaymentAwaitsRelease, true) => ($"Payment awaiting release: {facts.Number}",
                new[] { $"payment request {facts.Concerning} of {amount} on {app} is checked and waits for release by a second person (four eyes)." },
                "Please release or refuse the payment."),
            (NotificationKind.PilotEvaluationDue, false) => ($"Auswertung der Pilotphase fällig: {facts.Title}",
                new[] { $"die Pilotphase des Pilotprojekts „{facts.Title}“ ist am {due} zu Ende gegangen. Nun ist auszuwerten, ob die Nachfrage stabil war, und über die Fortsetzung zu entscheiden." },
                "Bitte werten Sie die Nachfrage aus und entscheiden Sie über die Fortsetzung."),
            (NotificationKind.PilotEvaluationDue, true) => ($"Pilot phase evaluation due: {facts.Title}",
                new[] { $"the pilot phase of the pilot project \"{facts.Title}\" ended on {due}. Whether demand was stable is now to be evaluated and the continuation decided." },
                "Please evaluate the demand and decide on the continuation."),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        return Frame(en, subject, lines, [.. items.Select(i => (i, (Uri?)null))], action, link);
    }

    /// <summary>
    /// The daily digest: one mail naming each collected notification with its page, and the page of all notifications. The
    /// notifications are in the order they came.
    /// </summary>
    public static NotificationText ComposeDigest(string language, DateOnly day, IReadOnlyList<Notification> parts, Uri notificationsPage)
    {
        ArgumentNullException.ThrowIfNull(parts);
        ArgumentNullException.ThrowIfNull(notificationsPage);
        var en = language == "en";
        var date = day.ToString("d", en ? English : German);
        var subject = en ? $"Your daily digest of {date}: {Count(parts.Count, en)}" : $"Ihre tägliche Übersicht vom {date}: {Count(parts.Count, en)}";
        var line = en ? "this is what came for you in Fachwerk since the last digest:" : "das ist seit der letzten Übersicht in Fachwerk für Sie eingegangen:";
        var action = en ? "All your notifications are under Notifications in the web UI." : "Alle Ihre Benachrichtigungen finden Sie unter „Benachrichtigungen“ in Fachwerk.";
        return Frame(en, subject, [line], [.. parts.Select(p => (p.Subject, (Uri?)new Uri(p.Link)))], action, notificationsPage);
    }

    private static string Count(int count, bool en) => en
        ? count == 1 ? "1 notification" : $"{count} notifications"
        : count == 1 ? "1 Benachrichtigung" : $"{count} Benachrichtigungen";

    /// <summary>The task of an overdue notification in words, from its key (<c>application</c>, <c>payment-2</c>, <c>proof-final</c>).</summary>
    private static string TaskName(string? key, bool en) => key switch
    {
        "application" => en ? "prepare the decision on the application" : "die Entscheidung über den Antrag vorbereiten",
        { } k when k.StartsWith("payment-", StringComparison.Ordinal) => en ? $"check or release payment request {k[8..]}" : $"Zahlungsantrag {k[8..]} prüfen oder freigeben",
        { } k when k.StartsWith("proof-", StringComparison.Ordinal) => en ? $"check the proof of use \"{k[6..]}\"" : $"den Verwendungsnachweis „{k[6..]}“ prüfen",
        _ => key ?? "",
    };

    /// <summary>Greeting, what happened, the items (each with its page, if it has one), what to do, the page to act on, and the footer.</summary>
    private static NotificationText Frame(bool en, string subject, IReadOnlyList<string> lines, IReadOnlyList<(string Text, Uri? Link)> items, string action, Uri link)
    {
        var greeting = en ? "Hello," : "Guten Tag,";
        var open = en ? "Open the page" : "Zur Seite";
        var footer = en
            ? "This mail was sent by Fachwerk. You choose which mails you receive under Notifications in the web UI."
            : "Diese Nachricht hat Fachwerk gesendet. Welche Nachrichten Sie erhalten, wählen Sie unter „Benachrichtigungen“ in Fachwerk.";

        var text = new StringBuilder().AppendLine(greeting).AppendLine();
        foreach (var line in lines) text.AppendLine(line);
        foreach (var (item, itemLink) in items)
        {
            text.Append("  - ").AppendLine(item);
            if (itemLink is not null) text.Append("    ").AppendLine(itemLink.ToString());
        }
        text.AppendLine().AppendLine(action).AppendLine().Append(open).Append(": ").AppendLine(link.ToString()).AppendLine().AppendLine("-- ").AppendLine(footer);

        var html = new StringBuilder().Append("<p>").Append(Encode(greeting)).Append("</p>");
        foreach (var line in lines) html.Append("<p>").Append(Encode(line)).Append("</p>");
        if (items.Count > 0)
        {
            html.Append("<ul>");
            foreach (var (item, itemLink) in items)
                html.Append("<li>").Append(itemLink is null ? Encode(item) : $"<a href=\"{Encode(itemLink.ToString())}\">{Encode(item)}</a>").Append("</li>");
            html.Append("</ul>");
        }
        html.Append("<p>").Append(Encode(action)).Append("</p>")
            .Append("<p><a href=\"").Append(Encode(link.ToString())).Append("\">").Append(Encode(open)).Append("</a></p>")
            .Append("<hr><p><small>").Append(Encode(footer)).Append("</small></p>");
        return new NotificationText(subject, text.ToString(), html.ToString());
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
