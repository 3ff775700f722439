namespace Fachwerk.Domain.Common;

/// <summary>Who records a fact and when: every event carries it (the same user id also goes into event metadata).</summary>
public readonly record struct Stamp(string By, DateTimeOffset At);

/// <summary>An event that records who recorded it and when.</summary>
public interface IRecordedFact
{
    string RecordedBy { get; }
    DateTimeOffset RecordedAt { get; }
}
