namespace Fachwerk.Domain.Programmes;

/// <summary>The call a submission belongs to, and how many German calendar days after its last day it came (0: in time).</summary>
public sealed record CallForSubmission(ProgrammeCall Call, int DaysLate);
