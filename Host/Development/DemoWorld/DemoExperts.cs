using Fachwerk.Application.Experts;

namespace Fachwerk.Host.Development.DemoWorld;

/// <summary>
/// The demo world's directory of external experts (ADR 0130): the demo users with the role external-expert, who can sign in. The
/// development identity has one, Erika Expertin; no entry is made up for an account that cannot sign in.
/// </summary>
public static class DemoExperts
{
    public static readonly IReadOnlyList<RegisterExpert> All =
    [
        new(DemoUsers.ExternalExpert.Id, "Prof. Dr. Erika Expertin", "Hochschule Hannover, Fakultät Wirtschaft und Informatik",
            ["Arbeitsmarktpolitik", "Fachkräftesicherung", "Evaluation von Förderprogrammen"], DemoUsers.ExternalExpert.Email, "Demo world"),
    ];
}
