namespace Fachwerk.Web.Applications;

/// <summary>What the caseworker enters to request documents; the version and facts come from the page the form was on.</summary>
public sealed class RequestDocumentsInput
{
    /// <summary>One document per line.</summary>
    public string Documents { get; set; } = "";

    public string? Reason { get; set; }

    public long ExpectedVersion { get; set; }

    /// <summary>The application's facts as the page showed them (<see cref="ApplicationFacts"/>).</summary>
    public string LoadedFacts { get; set; } = "";

    public IReadOnlyList<string> DocumentList =>
        [.. Documents.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];
}
