using System.Collections.Immutable;

namespace Fachwerk.Domain.Applications;

/// <summary>
/// The extra data of an application (ADR 0122): the version of its programme's application form it was drafted with, and its values
/// by field key, as text in the API's invariant format (numbers and money with a decimal point, days as yyyy-MM-dd, yes/no as
/// true/false, documents by id).
/// </summary>
/// <param name="FormVersion">The form version the application keeps.</param>
/// <param name="Values">The values given, by field key; fields left empty have none.</param>
public sealed record ApplicationExtra(int FormVersion, IReadOnlyDictionary<string, string> Values)
{
    public static ApplicationExtra Empty(int formVersion) => new(formVersion, ImmutableSortedDictionary<string, string>.Empty);
}

/// <summary>The applicant set the values of the application's extra fields (replacing earlier ones), on the form version it keeps.</summary>
public sealed record ApplicationExtraDataSet(
    Guid ApplicationId,
    int FormVersion,
    IReadOnlyDictionary<string, string> Values,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IApplicationEvent;
