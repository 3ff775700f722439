namespace Fachwerk.Application.Applications;

/// <summary>
/// The short number people quote for an application: the last twelve hex digits of its id. Ids are version-7 UUIDs, whose
/// last 48 bits are random, so the number is as unique as the id for any realistic count of applications while the id's
/// leading digits (its time) are shared by applications drafted within the same minute. The full id finds it too.
/// </summary>
public static class ApplicationNumber
{
    public const int Length = 12;

    public static string Of(Guid id) => id.ToString("N")[^Length..];
}
