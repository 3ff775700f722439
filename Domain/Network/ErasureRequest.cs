using Fachwerk.Domain.Pilots;

namespace Fachwerk.Domain.Network;

/// <summary>A person's request to erase their personal data (GDPR Art. 17): the ground, the day of the request, a file number.</summary>
public sealed record ErasureRequest(ErasureGround LegalBasis, DateOnly RequestedOn, string? RequestReference)
{
    /// <summary>The file number as it is recorded: trimmed, none when blank.</summary>
    public string? Reference => string.IsNullOrWhiteSpace(RequestReference) ? null : RequestReference.Trim();
}
