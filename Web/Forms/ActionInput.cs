namespace Fachwerk.Web.Forms;

/// <summary>
/// What every action form carries besides its own fields: the reason the user gives (kept with the recorded change), and the
/// version and facts of the record as the page showed them (to send as <c>expectedVersion</c>, and to say what changed when
/// someone else changed the record meanwhile).
/// </summary>
public abstract class ActionInput
{
    public string? Reason { get; set; }

    public long ExpectedVersion { get; set; }

    /// <summary>The record's facts as the page showed them, serialized (e.g. <c>ApplicationFacts</c>).</summary>
    public string LoadedFacts { get; set; } = "";

    /// <summary>The reason as the command takes it: trimmed, and none when the user wrote none.</summary>
    public string? GivenReason => string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim();

    /// <summary>A required reason as the command takes it: trimmed, empty when missing (the API names it).</summary>
    public string RequiredReason => Reason?.Trim() ?? "";
}
