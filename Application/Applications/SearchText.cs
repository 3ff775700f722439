using System.Text.RegularExpressions;

namespace Fachwerk.Application.Applications;

/// <summary>
/// What the application list's full-text search reads, and the search words prepared the same way (PostgreSQL's German
/// configuration). The German stemmer stems "Rückkehrerin" to <c>ruckkehrerin</c> but "Rückkehrerinnen" to
/// <c>ruckkehrerinn</c>, so a feminine plural and its singular would not find each other; both the indexed text and the
/// query therefore write the plural (also the gender forms "Rückkehrer*innen", "Rückkehrer:innen", "RückkehrerInnen") as
/// the singular before PostgreSQL stems them.
/// </summary>
public static partial class SearchText
{
    /// <summary>The text an application is found by: title, applicant, number and description.</summary>
    public static string Of(string title, string applicant, string number, string description) =>
        Normalise($"{title} {applicant} {number} {description}");

    /// <summary>The search words as the index has them.</summary>
    public static string Normalise(string text) => FemininePlural().Replace(text ?? "", "$1in");

    // A word of at least four letters before "innen" (so "beginnen", "Spinnen", "innen" stay), with or without a gender sign.
    [GeneratedRegex(@"(\p{L}{4,})[*:_/]?innen\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FemininePlural();

    /// <summary>The PostgreSQL text search configuration of the index and the queries.</summary>
    public const string Configuration = "german";
}
