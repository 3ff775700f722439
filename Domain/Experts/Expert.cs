using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Experts;

/// <summary>
/// Write model of an expert's entry in the directory of external experts (ADR 0130): who may be assigned to review applications as
/// an external expert. One stream per expert, its id derived from the user id, so that a second registration of the same user
/// meets the first.
/// </summary>
/// <param name="Id">The entry's stream id (<see cref="IdOf"/>).</param>
/// <param name="UserId">The user id the expert signs in with.</param>
/// <param name="Profile">What the directory says about them.</param>
/// <param name="Withdrawn">Whether an administrator withdrew them: then they are no longer assignable.</param>
public sealed record Expert(Guid Id, string UserId, ExpertProfile Profile, bool Withdrawn) : IEventSourced<Expert>
{
    /// <summary>The entry of a user id: derived from it, so that the assignment finds it without a lookup.</summary>
    public static Guid IdOf(string userId) => DerivedStreamId.Of("expert", userId);

    public static Expert Evolve(Expert? expert, object @event) => @event switch
    {
        ExpertRegistered registered => new Expert(registered.ExpertId, registered.UserId,
            new ExpertProfile(registered.DisplayName, registered.Affiliation, registered.Fields, registered.Email), false),
        ExpertEntryChanged changed when expert is not null => expert with
        {
            Profile = new ExpertProfile(changed.DisplayName, changed.Affiliation, changed.Fields, changed.Email),
        },
        ExpertWithdrawn when expert is not null => expert with { Withdrawn = true },
        _ => expert ?? throw new UnexpectedFirstEventException(typeof(Expert), @event),
    };
}
