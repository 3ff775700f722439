using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Network.Instruments;

/// <summary>Reusable formats of the regional network.</summary>
public enum InstrumentKind
{
    /// <summary>An internship exchange (Praktikumsbörse).</summary>
    InternshipExchange,

    /// <summary>A careers fair (Berufsorientierungsmesse) or a company show (Leistungsschau) for career orientation.</summary>
    CareersFair,

    /// <summary>A talent-pitch format for recruiting, e.g. LÖWENPITCH.</summary>
    TalentPitch,

    /// <summary>An action day a company runs, e.g. "Aktionstag Integration".</summary>
    ActionDay,

    /// <summary>A basic workshop a company runs, e.g. "Basisworkshop Integration".</summary>
    BasicWorkshop,

    /// <summary>A career-choice seal for schools (Berufswahl-Siegel), awarded and renewed.</summary>
    CareerChoiceSeal,
    Other,
}

/// <summary>How an instrument is run where it is used.</summary>
public enum DeliveryMode
{
    /// <summary>By the company or school itself, on its own initiative.</summary>
    SelfRun,

    /// <summary>With the support of trainers.</summary>
    WithTrainers,

    /// <summary>By the provider of the instrument.</summary>
    ByProvider,
}

/// <summary>The concept an instrument came from (e.g. a concept of a leadership programme's cohort).</summary>
/// <param name="ConceptId">The concept.</param>
/// <param name="Title">Its title.</param>
public sealed record InstrumentOrigin(Guid ConceptId, string Title);

/// <summary>An instrument (a reusable format) was introduced: kind, description, how it can be run, for whom, who offers it.</summary>
public sealed record InstrumentIntroduced(
    Guid InstrumentId,
    string Name,
    InstrumentKind Kind,
    string Description,
    IReadOnlyList<DeliveryMode> Modes,
    IReadOnlyList<TargetGroup> TargetGroups,
    IReadOnlyList<NetworkParty> Providers,
    InstrumentOrigin? Origin,
    DateOnly IntroducedOn,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>
/// The instrument was used: by which company, school or other party, where, on which day, how it was run, with how many
/// participants, and at which activity, if at one.
/// </summary>
public sealed record InstrumentUsed(
    Guid InstrumentId,
    Guid UseId,
    NetworkParty UsedBy,
    DateOnly UsedOn,
    Area Area,
    DeliveryMode Mode,
    int? Participants,
    Guid? ActivityId,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The career-choice seal was awarded to a school, valid until a day.</summary>
public sealed record CareerChoiceSealAwarded(
    Guid InstrumentId,
    NetworkParty School,
    Area Area,
    DateOnly AwardedOn,
    DateOnly ValidUntil,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;

/// <summary>The school defended its seal: renewed, valid until a later day.</summary>
public sealed record CareerChoiceSealRenewed(
    Guid InstrumentId,
    Guid SchoolId,
    DateOnly RenewedOn,
    DateOnly ValidUntil,
    string RecordedBy,
    DateTimeOffset RecordedAt) : IRecordedFact;
