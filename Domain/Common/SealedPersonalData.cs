namespace Fachwerk.Domain.Common;

/// <summary>
/// Personal data of one data subject (a person), encrypted with that person's own key: crypto-shredding, see
/// docs/adr/0015-crypto-shredding-of-personal-data.md. Events and read models carry only this; the domain treats it as
/// an opaque value and never sees the plaintext. Once the key is destroyed, nobody can read it any more.
/// </summary>
/// <param name="SubjectId">Whose data this is; the id of the key, and bound into the ciphertext (associated data).</param>
/// <param name="Algorithm">How it was sealed, e.g. <c>A256GCM</c>.</param>
/// <param name="Nonce">Base64 of the nonce.</param>
/// <param name="Ciphertext">Base64 of the ciphertext followed by the authentication tag.</param>
public sealed record SealedPersonalData(Guid SubjectId, string Algorithm, string Nonce, string Ciphertext);
