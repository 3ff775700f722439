using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Pilots;

/// <summary>
/// A person joining a pilot: skilled worker or intern, since when, until when an internship lasts, and their personal data,
/// already sealed with the person's own key.
/// </summary>
public sealed record ParticipantEnrolment(ParticipantKind Kind, DateOnly EnrolledOn, DateOnly? InternshipEndsOn, SealedPersonalData PersonalData);
