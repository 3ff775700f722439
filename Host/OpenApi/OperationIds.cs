using System.Globalization;
using System.Text;

namespace Fachwerk.Host.OpenApi;

/// <summary>
/// Readable operation ids (<c>proposeDecision</c>, <c>listApplications</c>, <c>getApplication</c>) for clients generated
/// from the document, derived by rule rather than listed:
/// <list type="bullet">
/// <item>a command body names its operation: <c>ProposeDecision</c> becomes <c>proposeDecision</c>;</item>
/// <item>a command taken by several operations is told apart by the route: <c>CompleteProofCheck</c> at <c>.../first-check</c>
/// becomes <c>completeFirstCheck</c>;</item>
/// <item>anything else by verb and route: GET of a page or list is <c>list</c>, other GETs <c>get</c>, a POST without a command
/// <c>create</c>; the route's words follow, singular where they name one item (<c>/api/pilots/{id}/demand</c>:
/// <c>getPilotDemand</c>), without <c>api</c> and the area words <c>audit</c>, <c>admin</c> and <c>dev</c>.</item>
/// </list>
/// </summary>
public static class OperationIds
{
    private static readonly HashSet<string> AreaSegments = new(StringComparer.OrdinalIgnoreCase) { "api", "audit", "admin", "dev" };

    public static string ForCommand(Type command, string route, bool sharedWithOtherOperations) =>
        sharedWithOtherOperations
            ? Camel(FirstWord(command.Name) + Pascal(LiteralSegments(route).Last().Text))
            : Camel(command.Name);

    public static string ForRoute(string httpMethod, string route, bool answersACollection)
    {
        var verb = httpMethod.ToUpperInvariant() switch
        {
            "GET" => answersACollection ? "list" : "get",
            "POST" => "create",
            "PUT" => "replace",
            "DELETE" => "delete",
            var other => other.ToLowerInvariant(),
        };

        var segments = LiteralSegments(route).Where(s => !AreaSegments.Contains(s.Text)).ToList();
        var name = new StringBuilder(verb);
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            var singular = !last || segments[i].FollowedByParameter || verb == "create";
            name.Append(Pascal(singular ? Singular(segments[i].Text) : segments[i].Text));
        }

        return name.ToString();
    }

    private sealed record Segment(string Text, bool FollowedByParameter);

    private static List<Segment> LiteralSegments(string route)
    {
        var parts = route.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var segments = new List<Segment>();
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].StartsWith('{')) continue;
            segments.Add(new Segment(parts[i], i + 1 < parts.Length && parts[i + 1].StartsWith('{')));
        }

        return segments;
    }

    /// <summary>A route segment as words, singular: "payment-requests" → "payment request", "proofs-of-use" → "proof of use".</summary>
    public static string Words(string segment) => Singular(segment).Replace('-', ' ');

    /// <summary>
    /// "companies" → "company", "programmes" → "programme", "proofs-of-use" → "proof-of-use", "de-minimis" stays
    /// (the English of the routes is regular).
    /// </summary>
    private static string Singular(string word)
    {
        var of = word.IndexOf("-of-", StringComparison.Ordinal);
        if (of > 0) return Singular(word[..of]) + word[of..];
        return word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
            : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("is", StringComparison.Ordinal) ? word[..^1]
            : word;
    }

    /// <summary>"in-depth-samples" → "InDepthSamples".</summary>
    private static string Pascal(string words) =>
        string.Concat(words.Split('-', '_', '.').Where(w => w.Length > 0)
            .Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));

    private static string Camel(string pascal) => char.ToLower(pascal[0], CultureInfo.InvariantCulture) + pascal[1..];

    /// <summary>"CompleteProofCheck" → "Complete".</summary>
    private static string FirstWord(string pascal)
    {
        var end = 1;
        while (end < pascal.Length && !char.IsUpper(pascal[end])) end++;
        return pascal[..end];
    }
}
