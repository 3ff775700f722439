using Fachwerk.Application.Notifications;
using Microsoft.AspNetCore.Http.HttpResults;
using MimeKit;

namespace Fachwerk.Host.Development.Mail;

/// <summary>A mail of the mail folder as the outgoing-mail page shows it.</summary>
public sealed record OutgoingMail(string File, DateTimeOffset Written, string From, string To, string Subject, string Language, string Text)
{
    /// <summary>The page's address (Development only).</summary>
    public const string Path = "/outgoing-mail";

    /// <summary>Maps the outgoing-mail page when mails go to the mail folder.</summary>
    public static void Map(WebApplication app)
    {
        if (app.Services.GetRequiredService<IMailTransport>() is not MailFolder folder) return;
        app.MapGet(Path, () => new RazorComponentResult<OutgoingMailPage>(new Dictionary<string, object?>
        {
            [nameof(OutgoingMailPage.Folder)] = folder.Path,
            [nameof(OutgoingMailPage.Mails)] = folder.Mails().Take(200).Select(Read).ToList(),
        })).ExcludeFromDescription();
        app.MapGet(Path + "/{file}", IResult (string file) =>
        {
            var found = folder.Mails().FirstOrDefault(f => f.Name == file);
            return found is null
                ? Results.NotFound()
                : new RazorComponentResult<OutgoingMailPage>(new Dictionary<string, object?>
                {
                    [nameof(OutgoingMailPage.Folder)] = folder.Path,
                    [nameof(OutgoingMailPage.Mail)] = Read(found),
                });
        }).ExcludeFromDescription();
    }

    private static OutgoingMail Read(FileInfo file)
    {
        var message = MimeMessage.Load(file.FullName);
        return new OutgoingMail(file.Name, file.LastWriteTimeUtc, message.From.ToString(), message.To.ToString(), message.Subject ?? "",
            message.Body?.Headers[HeaderId.ContentLanguage] ?? "de", message.TextBody ?? "");
    }
}
