namespace Fachwerk.Application.Notifications;

/// <summary>
/// What one person is told about one thing, in their language, and what became of the mail: the record that makes a mail go
/// out once (ADR 0091). The bell in the web UI shows the same texts. The recipient's address is not kept here: it is read from
/// the profile when the mail is sent.
/// </summary>
public sealed record Notification
{
    /// <summary>Derived from cause, kind and recipient (<see cref="NotificationId"/>).</summary>
    public Guid Id { get; init; }

    /// <summary>The recipient's user id.</summary>
    public string Recipient { get; init; } = "";

    public NotificationKind Kind { get; init; }

    /// <summary>The application it concerns; empty for a pilot's notification and for a digest.</summary>
    public Guid ApplicationId { get; init; }

    /// <summary>The pilot project it concerns, for a project lead's notification.</summary>
    public Guid? PilotId { get; init; }

    /// <summary>The mail's subject, which is also the bell's line.</summary>
    public string Subject { get; init; } = "";

    /// <summary>The plain text of the mail.</summary>
    public string Text { get; init; } = "";

    /// <summary>The HTML of the mail (a fragment inside the mail's frame).</summary>
    public string Html { get; init; } = "";

    /// <summary>The web page where the recipient acts.</summary>
    public string Link { get; init; } = "";

    /// <summary>The language of the texts: <c>de</c> or <c>en</c>.</summary>
    public string Language { get; init; } = "de";

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>How the recipient wants this kind: at once, in the daily digest, or not mailed at all.</summary>
    public Delivery Delivery { get; init; }

    /// <summary>For <see cref="Delivery.Digest"/>: the day whose morning digest collects it (<see cref="DailyDigest.DayFor"/>).</summary>
    public DateOnly? DigestOn { get; init; }

    /// <summary>For a notification collected into a digest: the digest's notification, whose mail carries it.</summary>
    public Guid? DigestId { get; init; }

    /// <summary>For a digest (<see cref="NotificationKind.DailyDigest"/>): the notifications it collects.</summary>
    public IReadOnlyList<Guid> Parts { get; init; } = [];

    /// <summary>When the mail (or the digest that carried it) was handed to the mail server or written to the mail folder; null until then.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>Why no mail was sent, if none will be (no address known, turned off).</summary>
    public string? NotMailedBecause { get; init; }

    /// <summary>When the recipient marked it read in the web UI.</summary>
    public DateTimeOffset? ReadAt { get; init; }
}

/// <summary>How a kind of notification reaches its recipient by mail.</summary>
public enum Delivery
{
    /// <summary>A mail at once.</summary>
    Immediate,

    /// <summary>No mail; only the bell (never for legally required kinds).</summary>
    Off,

    /// <summary>Collected into one mail a day (<see cref="DailyDigest"/>); never for legally required kinds.</summary>
    Digest,
}
