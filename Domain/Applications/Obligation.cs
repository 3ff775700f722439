using System.Collections.Immutable;

namespace Fachwerk.Domain.Applications;

/// <summary>What a grant obliges its recipient to do (ADR 0123).</summary>
public enum ObligationKind
{
    /// <summary>To practise (as a doctor) in the district for a number of years.</summary>
    PractiseInDistrict,

    /// <summary>Another obligation the notice names.</summary>
    Other,
}

/// <summary>One day by which evidence of the obligation is due, and the evidence recorded for it.</summary>
/// <param name="DueBy">The day the evidence is due.</param>
/// <param name="Evidence">What was shown (e.g. "Bestätigung der Kassenärztlichen Vereinigung vom 2029-10-02"); none yet.</param>
/// <param name="Overdue">Whether the day passed without evidence.</param>
public sealed record EvidenceDue(DateOnly DueBy, string? Evidence = null, bool Overdue = false);

/// <summary>
/// An obligation of a grant: its kind, the period it runs (from <paramref name="StartsOn"/>, <paramref name="Months"/> long), the
/// evidence required and when it is due, and a breach once recorded; the decision version that imposed it, last changed it or lifted it
/// when an amendment did (ADR 0129).
/// </summary>
public sealed record Obligation(
    int Number, ObligationKind Kind, string Description, DateOnly StartsOn, int Months, string RequiredEvidence, ImmutableList<EvidenceDue> Dues,
    ObligationBreach? Breach = null, int? ImposedInVersion = null, int? AmendedInVersion = null, int? LiftedInVersion = null)
{
    public DateOnly EndsOn => StartsOn.AddMonths(Months).AddDays(-1);

    /// <summary>Whether an amendment lifted it.</summary>
    public bool Lifted => LiftedInVersion is not null;

    /// <summary>Its terms as they stand now.</summary>
    public ObligationTerms Terms => new(Kind, Description, StartsOn, Months, RequiredEvidence, [.. Dues.Select(d => d.DueBy)]);

    /// <summary>The obligation with the terms of <paramref name="amended"/>: due days it keeps keep their evidence and overdue mark.</summary>
    public Obligation AmendedBy(ObligationAmended amended) => this with
    {
        Kind = amended.Kind,
        Description = amended.Description,
        StartsOn = amended.StartsOn,
        Months = amended.Months,
        RequiredEvidence = amended.RequiredEvidence,
        Dues = [.. amended.EvidenceDueDates.Select(day => Dues.FirstOrDefault(d => d.DueBy == day) ?? new EvidenceDue(day))],
        AmendedInVersion = amended.DecisionVersion,
    };

    public Obligation WithDue(DateOnly dueBy, Func<EvidenceDue, EvidenceDue> change) =>
        this with { Dues = Dues.Select(d => d.DueBy == dueBy ? change(d) : d).ToImmutableList() };
}

/// <summary>A recorded breach: how many months of the obligation were fulfilled and what was reclaimed for the rest.</summary>
/// <param name="FulfilledMonths">Whole months of the obligation fulfilled.</param>
/// <param name="Reclaimed">The amount reclaimed pro rata, in EUR.</param>
/// <param name="RecordedBy">Who recorded the breach.</param>
/// <param name="RecordedAt">When.</param>
public sealed record ObligationBreach(int FulfilledMonths, decimal Reclaimed, string RecordedBy, DateTimeOffset RecordedAt);
