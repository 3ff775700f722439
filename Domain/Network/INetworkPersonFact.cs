namespace Fachwerk.Domain.Network;

/// <summary>
/// An event about one person of the regional network (a contact person, a registrant, a speaker, a participant of a
/// programme): each person's sealed record is built from these (docs/network.md, "Personal data").
/// </summary>
public interface INetworkPersonFact
{
    /// <summary>The person, and the id of the key their personal data are sealed with.</summary>
    Guid PersonId { get; }
}
