namespace Fachwerk.Application.Notifications;

/// <summary>
/// A user as the identity provider last described them: address and language for mail (claims <c>email</c>, <c>locale</c>),
/// roles, and what they acted for at their last request. Kept as a document, never as events, and never logged: an address is
/// personal data and is replaced whenever the provider says otherwise (ADR 0092).
/// </summary>
public sealed record UserProfile
{
    /// <summary>The user id (the token's <c>sub</c>).</summary>
    public string Id { get; init; } = "";

    public string? Name { get; init; }

    public string? Email { get; init; }

    /// <summary>The language from the <c>locale</c> claim (<c>de-DE</c>, <c>en</c>, ...).</summary>
    public string? Locale { get; init; }

    public string[] Roles { get; init; } = [];

    /// <summary>The organisations the user acted for at the last request.</summary>
    public Guid[] Organisations { get; init; } = [];

    /// <summary>The alliances the user acted for at the last request.</summary>
    public Guid[] Alliances { get; init; } = [];

    /// <summary>The pilot projects the user acted for at the last request.</summary>
    public Guid[] Pilots { get; init; } = [];

    /// <summary>The language mails are written in: English for an English locale, German otherwise.</summary>
    public string Language => Locale is { } locale && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : "de";
}
