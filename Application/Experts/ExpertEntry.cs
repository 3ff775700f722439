namespace Fachwerk.Application.Experts;

/// <summary>An expert's entry in the directory of external experts, as caseworkers pick from it. Updated inline with the events.</summary>
public sealed record ExpertEntry
{
    /// <summary>The entry's id (derived from the user id).</summary>
    public Guid Id { get; init; }

    /// <summary>Its version: send it as <c>expectedVersion</c> with the next change or the withdrawal.</summary>
    public long Version { get; init; }

    /// <summary>The user id the expert signs in with; the assignment names it.</summary>
    public string UserId { get; init; } = "";

    /// <summary>The expert's name.</summary>
    public string DisplayName { get; init; } = "";

    /// <summary>The organisation they work for, if given.</summary>
    public string? Affiliation { get; init; }

    /// <summary>Their fields of expertise.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Their e-mail address, if given.</summary>
    public string? Email { get; init; }

    /// <summary>Whether caseworkers may assign them: false once withdrawn.</summary>
    public bool Active { get; init; }

    /// <summary>When they were entered.</summary>
    public DateTimeOffset RegisteredAt { get; init; }

    /// <summary>When they were withdrawn, if they were.</summary>
    public DateTimeOffset? WithdrawnAt { get; init; }

    /// <summary>Why they were withdrawn, if they were.</summary>
    public string? WithdrawalReason { get; init; }
}
