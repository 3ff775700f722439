namespace Fachwerk.Web.Desk;

/// <summary>Who is to work on the case (<c>me</c>, a colleague's user id, or <c>none</c> for the team's queue), and why.</summary>
public sealed class AssignmentInput
{
    public string Assignee { get; set; } = "";

    public string? Reason { get; set; }

    public long ExpectedVersion { get; set; }

    /// <summary>The application's facts as the page showed them (<see cref="Applications.ApplicationFacts"/>).</summary>
    public string LoadedFacts { get; set; } = "";
}
