namespace Fachwerk.Domain.Experts;

/// <summary>What the directory says about an expert.</summary>
/// <param name="DisplayName">The expert's name as caseworkers and the reviews table show it.</param>
/// <param name="Affiliation">The organisation they work for, if any (a university, an institute, a firm).</param>
/// <param name="Fields">Their fields of expertise, short texts such as "Arbeitsmarktpolitik".</param>
/// <param name="Email">An e-mail address, if given.</param>
public sealed record ExpertProfile(string DisplayName, string? Affiliation, IReadOnlyList<string> Fields, string? Email)
{
    /// <summary>The same profile with texts trimmed, empty optional texts left out and each field of expertise once (first spelling kept).</summary>
    public ExpertProfile Normalized() => new(
        DisplayName.Trim(),
        string.IsNullOrWhiteSpace(Affiliation) ? null : Affiliation.Trim(),
        [.. Fields.Select(f => f.Trim()).Where(f => f.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)],
        string.IsNullOrWhiteSpace(Email) ? null : Email.Trim());

    /// <summary>Whether two profiles say the same (fields compared in order).</summary>
    public bool SameAs(ExpertProfile other) =>
        DisplayName == other.DisplayName && Affiliation == other.Affiliation && Email == other.Email && Fields.SequenceEqual(other.Fields);
}
