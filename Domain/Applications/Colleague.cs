namespace Fachwerk.Domain.Applications;

/// <summary>A person of the funding authority a case can be assigned to.</summary>
/// <param name="Id">Their user id (the <c>sub</c> of their token).</param>
/// <param name="Name">Their name.</param>
public sealed record Colleague(string Id, string Name);
