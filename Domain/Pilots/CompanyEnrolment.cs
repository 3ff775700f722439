namespace Fachwerk.Domain.Pilots;

/// <summary>A company joining a pilot: its name and town, how many skilled workers it needs in which occupations, and since when.</summary>
public sealed record CompanyEnrolment(string Name, string Town, int SkilledWorkersNeeded, IReadOnlyList<string> Occupations, DateOnly EnrolledOn);
