using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;

namespace Fachwerk.Host.Development.DemoWorld;

public sealed record DemoOrganisation(string Name, OrganisationKind Kind, string Town);

/// <summary>A recognition by a state ministry; <paramref name="EndedOn"/> when it was withdrawn (e.g. at the end of its funding period).</summary>
public sealed record DemoRecognition(string Ministry, DateOnly RecognizedOn, Period FundingPeriod, DateOnly? EndedOn = null, string? EndReason = null);

public sealed record DemoAlliance(
    string Name,
    FederalState FederalState,
    IReadOnlyList<string> Districts,
    string CoordinatingOffice,
    DateOnly FoundedOn,
    IReadOnlyList<DemoRecognition> Recognitions,
    IReadOnlyList<TargetGroup> TargetGroups,
    IReadOnlyList<(string Organisation, DateOnly JoinedOn)> Members);

/// <summary>
/// The demo world, taken from the articles in shared/seeds: the Leine-Weser alliance (recognized by Lower Saxony's
/// ministry in August 2015, one of eight), the alliance of southern Saxony-Anhalt with Mansfeld-Südharz, the
/// skilled-labour network of the Mecklenburgische Seenplatte, and the Leipzig alliance in whose city Haus Steinstraße e.V.
/// carries out "Expedition Job" (the leadership programme's article: Leipzig executives, Leipzig's association). Dates not
/// in the articles are plausible inventions.
/// </summary>
public static class DemoWorldData
{
    private static readonly Period EsfPeriod2014To2020 = new(new DateOnly(2014, 1, 1), new DateOnly(2020, 12, 31));
    private static readonly Period EsfPlusPeriod2021To2027 = new(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31));
    private const string PeriodEnded = "Die EU-Förderperiode 2014–2020 ist beendet.";

    public static readonly IReadOnlyList<DemoOrganisation> Organisations =
    [
        new("Haus Steinstraße e.V.", OrganisationKind.Association, "Leipzig"),
        new("Agentur für Arbeit Hildesheim", OrganisationKind.EmploymentAgency, "Hildesheim"),
        new("Jobcenter Hildesheim", OrganisationKind.JobCentre, "Hildesheim"),
        new("Industrie- und Handelskammer Hannover", OrganisationKind.ChamberOfCommerce, "Hannover"),
        new("Handwerkskammer Hildesheim-Südniedersachsen", OrganisationKind.ChamberOfCrafts, "Hildesheim"),
        new("DGB Region Niedersachsen-Mitte", OrganisationKind.TradeUnion, "Hannover"),
        new("Landkreis Hildesheim", OrganisationKind.Municipality, "Hildesheim"),
        new("Landkreis Nienburg/Weser", OrganisationKind.Municipality, "Nienburg"),
        new("Unternehmerverbände Niedersachsen e.V.", OrganisationKind.Association, "Hannover"),
        new("Universität Hildesheim", OrganisationKind.University, "Hildesheim"),
        new("Landkreis Mansfeld-Südharz", OrganisationKind.Municipality, "Sangerhausen"),
        new("Unternehmerverband A 38", OrganisationKind.Association, "Sangerhausen"),
        new("IHK Halle-Dessau", OrganisationKind.ChamberOfCommerce, "Halle (Saale)"),
        new("Berufsbildende Schulen Mansfeld-Südharz", OrganisationKind.School, "Sangerhausen"),
        new("Hochschule Merseburg", OrganisationKind.University, "Merseburg"),
        new("Wirtschaftsförderung Mecklenburgische Seenplatte GmbH", OrganisationKind.PublicEmployer, "Neubrandenburg"),
        new("Leea GmbH", OrganisationKind.Company, "Neubrandenburg"),
        new("Hausarztpraxis Dr. Kühn", OrganisationKind.Company, "Sangerhausen"),
        new("Stadt Leipzig", OrganisationKind.Municipality, "Leipzig"),
        new("Handwerkskammer zu Leipzig", OrganisationKind.ChamberOfCrafts, "Leipzig"),
        new("Agentur für Arbeit Leipzig", OrganisationKind.EmploymentAgency, "Leipzig"),
    ];

    public static readonly IReadOnlyList<DemoAlliance> Alliances =
    [
        new("Regionales Fachkräftebündnis Leine-Weser",
            FederalState.Niedersachsen,
            ["Nienburg", "Schaumburg", "Hameln-Pyrmont", "Holzminden", "Hildesheim", "Region Hannover"],
            "Amt für regionale Landesentwicklung Leine-Weser, Hildesheim",
            new DateOnly(2015, 6, 1),
            [
                new DemoRecognition("Niedersächsisches Ministerium für Wirtschaft, Arbeit und Verkehr", new DateOnly(2015, 8, 27), EsfPeriod2014To2020,
                    new DateOnly(2020, 12, 31), PeriodEnded),
                new DemoRecognition("Niedersächsisches Ministerium für Wirtschaft, Verkehr, Bauen und Digitalisierung", new DateOnly(2021, 3, 15),
                    EsfPlusPeriod2021To2027),
            ],
            [TargetGroup.ReturnersToWork, TargetGroup.UniversityDropouts, TargetGroup.YoungPeople, TargetGroup.Refugees],
            [
                ("Agentur für Arbeit Hildesheim", new DateOnly(2015, 6, 1)),
                ("Jobcenter Hildesheim", new DateOnly(2015, 6, 1)),
                ("Industrie- und Handelskammer Hannover", new DateOnly(2015, 6, 1)),
                ("Handwerkskammer Hildesheim-Südniedersachsen", new DateOnly(2015, 6, 1)),
                ("DGB Region Niedersachsen-Mitte", new DateOnly(2015, 7, 1)),
                ("Landkreis Hildesheim", new DateOnly(2015, 6, 1)),
                ("Landkreis Nienburg/Weser", new DateOnly(2015, 6, 1)),
                ("Unternehmerverbände Niedersachsen e.V.", new DateOnly(2015, 9, 15)),
                ("Universität Hildesheim", new DateOnly(2016, 2, 1)),
            ]),
        new("Fachkräfteallianz Sachsen-Anhalt Süd",
            FederalState.SachsenAnhalt,
            ["Mansfeld-Südharz", "Saalekreis", "Burgenlandkreis", "Halle (Saale)"],
            "Geschäftsstelle der Fachkräfteallianz Sachsen-Anhalt Süd, Halle (Saale)",
            new DateOnly(2016, 3, 1),
            [
                new DemoRecognition("Ministerium für Arbeit, Soziales und Integration des Landes Sachsen-Anhalt", new DateOnly(2016, 5, 10), EsfPeriod2014To2020,
                    new DateOnly(2020, 12, 31), PeriodEnded),
                new DemoRecognition("Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung des Landes Sachsen-Anhalt", new DateOnly(2021, 6, 1),
                    EsfPlusPeriod2021To2027),
            ],
            [TargetGroup.YoungPeople, TargetGroup.ReturnersToWork, TargetGroup.Refugees],
            [
                ("Landkreis Mansfeld-Südharz", new DateOnly(2016, 3, 1)),
                ("Unternehmerverband A 38", new DateOnly(2016, 3, 1)),
                ("IHK Halle-Dessau", new DateOnly(2016, 3, 1)),
                ("Berufsbildende Schulen Mansfeld-Südharz", new DateOnly(2017, 1, 9)),
                ("Hochschule Merseburg", new DateOnly(2017, 4, 1)),
            ]),
        new("Fachkräftenetzwerk Mecklenburgische Seenplatte",
            FederalState.MecklenburgVorpommern,
            ["Mecklenburgische Seenplatte"],
            "Wirtschaftsförderung Mecklenburgische Seenplatte GmbH, Neubrandenburg",
            new DateOnly(2018, 12, 20),
            [],
            [TargetGroup.YoungPeople, TargetGroup.ReturnersToWork],
            [
                ("Wirtschaftsförderung Mecklenburgische Seenplatte GmbH", new DateOnly(2018, 12, 20)),
                ("Leea GmbH", new DateOnly(2019, 2, 1)),
            ]),
        new("Fachkräfteallianz Leipzig",
            FederalState.Sachsen,
            ["Leipzig"],
            "Stadt Leipzig, Amt für Wirtschaftsförderung",
            new DateOnly(2014, 10, 1),
            [
                new DemoRecognition("Sächsisches Staatsministerium für Wirtschaft, Arbeit und Verkehr", new DateOnly(2015, 1, 15), EsfPeriod2014To2020,
                    new DateOnly(2020, 12, 31), PeriodEnded),
                new DemoRecognition("Sächsisches Staatsministerium für Wirtschaft, Arbeit und Verkehr", new DateOnly(2021, 4, 1), EsfPlusPeriod2021To2027),
            ],
            [TargetGroup.YoungPeople, TargetGroup.PeopleWithMigrationBackground, TargetGroup.ForeignSkilledWorkers],
            [
                ("Stadt Leipzig", new DateOnly(2014, 10, 1)),
                ("Handwerkskammer zu Leipzig", new DateOnly(2014, 10, 1)),
                ("Agentur für Arbeit Leipzig", new DateOnly(2014, 10, 1)),
                ("Haus Steinstraße e.V.", new DateOnly(2016, 6, 1)),
            ]),
    ];
}
