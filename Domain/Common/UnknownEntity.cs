namespace Fachwerk.Domain.Common;

/// <summary>
/// A command names something inside an aggregate that does not exist there (e.g. a participant or company of a pilot,
/// which live in the pilot's stream and have no stream of their own). The host answers 404, like an unknown stream id.
/// </summary>
public sealed class UnknownEntity(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
