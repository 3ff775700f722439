using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Organisations;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Host.Development;
using Fachwerk.IntegrationTests.Infrastructure;

namespace Fachwerk.IntegrationTests.Alliances;

/// <summary>Requests the alliance tests send again and again.</summary>
public abstract class AllianceApi(AppFixture fixture) : IntegrationContext(fixture)
{
    protected static readonly DemoUser Caseworker = DemoUsers.Caseworker;
    protected static readonly Period Esf = new(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31));

    protected static FoundAlliance LeineWeser() => new("Regionales Fachkräftebündnis Leine-Weser", FederalState.Niedersachsen,
        ["Nienburg", "Schaumburg", "Hameln-Pyrmont", "Holzminden", "Hildesheim", "Region Hannover"],
        "Amt für regionale Landesentwicklung Leine-Weser", new DateOnly(2015, 6, 1));

    protected Task<StreamCreated> Found(FoundAlliance? command = null) =>
        Post<StreamCreated>(Caseworker, "/api/alliances", command ?? LeineWeser(), 201);

    protected Task<StreamCreated> Register(string name, OrganisationKind kind = OrganisationKind.JobCentre) =>
        Post<StreamCreated>(Caseworker, "/api/organisations", new RegisterOrganisation(name, kind, "Hildesheim"), 201);

    protected Task<CommandAccepted> Recognize(Guid alliance, long version) =>
        Post<CommandAccepted>(Caseworker, $"/api/alliances/{alliance}/recognition",
            new RecognizeAlliance(version, "Niedersächsisches Ministerium für Wirtschaft, Arbeit und Verkehr", new DateOnly(2015, 8, 27), Esf));

    protected Task<CommandAccepted> Admit(Guid alliance, long version, Guid organisation) =>
        Post<CommandAccepted>(Caseworker, $"/api/alliances/{alliance}/members", new AdmitMember(version, organisation, new DateOnly(2016, 1, 1)));

    protected Task<AllianceDetails> Details(Guid alliance) => Get<AllianceDetails>(Caseworker, $"/api/alliances/{alliance}");
}
