using Fachwerk.Domain.Common;
using Fachwerk.Domain.Pilots;

namespace Fachwerk.Host.Development.DemoWorld;

public sealed record DemoPilotPartner(string Name, string Country, string Role, DateOnly JoinedOn);

public sealed record DemoPilotCompany(string Name, string Town, int SkilledWorkersNeeded, IReadOnlyList<string> Occupations, DateOnly EnrolledOn);

/// <summary>A synthetic participant: invented person, invented history.</summary>
public sealed record DemoParticipant(
    string GivenName,
    string FamilyName,
    DateOnly BirthDate,
    string Nationality,
    ParticipantKind Kind,
    DateOnly EnrolledOn,
    DateOnly? InternshipEndsOn,
    IReadOnlyList<(PilotService Service, DateOnly DeliveredOn)> Services,
    (string Company, DateOnly ReferredOn)? Referral,
    DateOnly? PlacedOn)
{
    public string Email => $"{Ascii(GivenName)}.{Ascii(FamilyName)}@example.org";

    private static string Ascii(string name) =>
        new([.. name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD).Where(c => c is >= 'a' and <= 'z')]);
}

public sealed record DemoPilot(
    string Name,
    string Sponsor,
    Period PilotPhase,
    IReadOnlyList<FundingSource> FundingSources,
    IReadOnlyList<PilotService> OfferedServices,
    IReadOnlyList<DemoPilotPartner> Partners,
    IReadOnlyList<DemoPilotCompany> Companies,
    IReadOnlyList<(DateOnly HeldOn, IReadOnlyList<string> Companies)> InterculturalTrainings,
    IReadOnlyList<DemoParticipant> Participants,
    IReadOnlyList<PilotSpending>? Spending = null);

/// <summary>
/// The Magdeburg "Relocation Service" pilot from shared/seeds/003 (the city's department for economy, tourism and
/// regional cooperation; ESF and the state labour ministry; partners in Latvia and Saxony-Anhalt). The partners are the
/// article's; the dates, the companies and every participant are synthetic inventions (example.org addresses), made to
/// show a year of history whose demand proves stable over the last six months of the pilot phase.
/// </summary>
public static class DemoWorldPilotData
{
    private static readonly DateOnly Start = new(2014, 3, 1);

    private const string Esf = "Europäischer Sozialfonds (ESF)";
    private const string State = "Ministerium für Arbeit und Soziales des Landes Sachsen-Anhalt";

    private const string Metallbau = "Elbe Metallbau GmbH";
    private const string Pflege = "Börde Pflege gGmbH";
    private const string Elektro = "Sudenburger Elektrotechnik GmbH";
    private const string Baeckerei = "Bäckerei Stadtfeld GmbH";
    private const string Logistik = "Magdeburger Hafenlogistik GmbH";
    private const string Kfz = "Ottersleben Kfz-Technik GmbH";
    private const string Hotel = "Elbauen Hotel und Gastronomie GmbH";

    public static readonly DemoPilot Relocation = new(
        "Relocation Service Magdeburg",
        "Landeshauptstadt Magdeburg, Dezernat für Wirtschaft, Tourismus und regionale Zusammenarbeit",
        new Period(Start, new DateOnly(2015, 2, 28)),
        [
            // The article names ESF and state money, not amounts: these amounts and rules are invented for the demo (ADR 0124). The ESF
            // pays staff, bought services and travel within its funding period 2014–2020; the state pays any cost.
            new FundingSource(Esf, FundingSourceKind.EuropeanSocialFund, 180_000m, new Period(new DateOnly(2014, 1, 1), new DateOnly(2020, 12, 31)),
                [PilotCostCategory.Staff, PilotCostCategory.ExternalServices, PilotCostCategory.Travel]),
            new FundingSource(State, FundingSourceKind.StateGovernment, 60_000m),
        ],
        Enum.GetValues<PilotService>(),
        [
            new("Labklājības ministrija (Ministry of Welfare of the Republic of Latvia)", "LV", "Partner abroad: labour market and social affairs", Start),
            new("Daugavpils pilsētas dome (City of Daugavpils)", "LV", "Partner abroad: city administration, contacts to skilled workers", Start),
            new("Berufsschulen in Daugavpils (vocational schools)", "LV", "Partner abroad: vocational training, interns", Start),
            new("Daugavpils Universitāte", "LV", "Partner abroad: graduates and interns", Start),
            new("Ministerium für Arbeit und Soziales des Landes Sachsen-Anhalt", "DE", "Funding and labour-market policy", Start),
            new("IQ Netzwerk Sachsen-Anhalt", "DE", "Recognition of foreign qualifications", Start),
            new("Handwerkskammer Magdeburg", "DE", "Crafts companies, recognition in the crafts", Start),
            new("Kreishandwerkerschaft Magdeburg", "DE", "Guilds, enrolment of crafts companies", Start.AddDays(14)),
        ],
        [
            new(Metallbau, "Magdeburg", 4, ["Metallbauer/in", "Schweißer/in"], new DateOnly(2014, 3, 12)),
            new(Pflege, "Magdeburg", 6, ["Pflegefachkraft"], new DateOnly(2014, 3, 20)),
            new(Elektro, "Magdeburg", 3, ["Elektroniker/in"], new DateOnly(2014, 4, 8)),
            new(Baeckerei, "Magdeburg", 2, ["Bäcker/in"], new DateOnly(2014, 5, 14)),
            new(Logistik, "Magdeburg", 3, ["Berufskraftfahrer/in", "Fachkraft für Lagerlogistik"], new DateOnly(2014, 6, 3)),
            new(Kfz, "Magdeburg", 2, ["Kfz-Mechatroniker/in"], new DateOnly(2014, 9, 9)),
            new(Hotel, "Magdeburg", 3, ["Koch/Köchin", "Hotelfachmann/-frau"], new DateOnly(2014, 10, 1)),
        ],
        [
            (new DateOnly(2014, 6, 17), [Metallbau, Pflege]),
            (new DateOnly(2014, 11, 12), [Elektro, Logistik, Hotel]),
            (new DateOnly(2015, 2, 10), [Baeckerei, Kfz]),
        ],
        [
            Worker("Jānis", "Bērziņš", new DateOnly(1986, 4, 2), new DateOnly(2014, 3, 24), family: false, Metallbau, placedAfterDays: 40),
            Worker("Inese", "Kalniņa", new DateOnly(1990, 9, 15), new DateOnly(2014, 4, 7), family: true, Pflege, placedAfterDays: 55),
            Worker("Aleksandrs", "Petrovs", new DateOnly(1983, 1, 28), new DateOnly(2014, 4, 22), family: true, Elektro, placedAfterDays: 50),
            Worker("Līga", "Ozola", new DateOnly(1992, 6, 3), new DateOnly(2014, 5, 19), family: false, Pflege, placedAfterDays: 45),
            Intern("Kristaps", "Liepiņš", new DateOnly(1995, 11, 9), new DateOnly(2014, 6, 2), months: 4, Metallbau),
            Worker("Olga", "Ivanova", new DateOnly(1988, 3, 30), new DateOnly(2014, 6, 23), family: true, Baeckerei, placedAfterDays: 60),
            Worker("Edgars", "Kļaviņš", new DateOnly(1985, 8, 12), new DateOnly(2014, 7, 14), family: false, Logistik, placedAfterDays: 35),
            Intern("Anna", "Vītola", new DateOnly(1996, 2, 17), new DateOnly(2014, 8, 4), months: 6, Pflege),
            Worker("Sergejs", "Vasiļjevs", new DateOnly(1981, 12, 5), new DateOnly(2014, 8, 25), family: true, Kfz, placedAfterDays: 42),
            Worker("Dace", "Kronberga", new DateOnly(1989, 5, 21), new DateOnly(2014, 9, 8), family: false, Pflege, placedAfterDays: 48),
            Worker("Roberts", "Zariņš", new DateOnly(1987, 10, 10), new DateOnly(2014, 9, 22), family: true, Elektro, placedAfterDays: 52),
            Intern("Marta", "Siliņa", new DateOnly(1997, 7, 7), new DateOnly(2014, 10, 6), months: 5, Hotel),
            Worker("Vladimirs", "Kuzņecovs", new DateOnly(1984, 4, 14), new DateOnly(2014, 10, 20), family: false, Logistik, placedAfterDays: 38),
            Worker("Ilze", "Balode", new DateOnly(1991, 1, 25), new DateOnly(2014, 11, 3), family: true, Hotel, placedAfterDays: 44),
            Worker("Mārtiņš", "Jansons", new DateOnly(1986, 9, 1), new DateOnly(2014, 11, 24), family: false, Metallbau, placedAfterDays: 46),
            Worker("Kaspars", "Pūce", new DateOnly(1989, 3, 3), new DateOnly(2014, 12, 1), family: true, Elektro, placedAfterDays: null),
            Intern("Elīna", "Krūmiņa", new DateOnly(1996, 12, 12), new DateOnly(2014, 12, 8), months: 6, Elektro),
            Worker("Evija", "Lāce", new DateOnly(1990, 10, 27), new DateOnly(2014, 12, 15), family: false, Kfz, placedAfterDays: null),
            Worker("Andris", "Ozoliņš", new DateOnly(1982, 2, 8), new DateOnly(2015, 1, 5), family: true, Kfz, placedAfterDays: null),
            Worker("Natālija", "Smirnova", new DateOnly(1993, 8, 19), new DateOnly(2015, 1, 19), family: false, Pflege, placedAfterDays: null),
            Worker("Laura", "Kalēja", new DateOnly(1994, 5, 5), new DateOnly(2015, 1, 26), family: false, Hotel, placedAfterDays: null),
            Worker("Raimonds", "Eglītis", new DateOnly(1988, 11, 30), new DateOnly(2015, 2, 2), family: true, Baeckerei, placedAfterDays: null),
            Intern("Gatis", "Vanags", new DateOnly(1997, 1, 21), new DateOnly(2015, 2, 9), months: 3, Logistik),
        ],
        [
            new(Esf, PilotCostCategory.Staff, 21_600m, new DateOnly(2014, 6, 30), "Relocation coordinator, March to June 2014"),
            new(Esf, PilotCostCategory.Travel, 1_380.40m, new DateOnly(2014, 4, 11), "Trip to Daugavpils: information day at the vocational schools"),
            new(Esf, PilotCostCategory.ExternalServices, 8_940m, new DateOnly(2014, 9, 30), "German courses A2/B1, April to September 2014"),
            new(Esf, PilotCostCategory.Staff, 32_400m, new DateOnly(2014, 12, 31), "Relocation coordinator, July to December 2014"),
            new(State, PilotCostCategory.Material, 2_150m, new DateOnly(2014, 3, 20), "Office equipment for the relocation desk"),
            new(State, PilotCostCategory.PublicRelations, 3_275.80m, new DateOnly(2014, 5, 15), "Flyers and website in Latvian and Russian"),
            new(State, PilotCostCategory.ExternalServices, 4_560m, new DateOnly(2015, 1, 31), "Intercultural trainings for companies, 2014"),
        ]);

    /// <summary>
    /// A skilled worker: housing search, visits to authorities, recognition and a language course in the first weeks;
    /// with a family also childcare, school, church and clubs; culture after two months. Everything after the end of the
    /// pilot phase is left out (it would need the continuation).
    /// </summary>
    private static DemoParticipant Worker(
        string givenName, string familyName, DateOnly birthDate, DateOnly enrolledOn, bool family, string company, int? placedAfterDays)
    {
        List<(PilotService, int)> plan =
        [
            (PilotService.HousingSearch, 2), (PilotService.VisitsToAuthorities, 6), (PilotService.RecognitionOfQualifications, 12),
            (PilotService.LanguageCourse, 16),
        ];
        if (family) plan.AddRange([(PilotService.Childcare, 24), (PilotService.School, 30), (PilotService.ChurchAndClubs, 38)]);
        plan.Add((PilotService.Culture, 60));
        return new DemoParticipant(givenName, familyName, birthDate, "LV", ParticipantKind.SkilledWorker, enrolledOn, null,
            InPhase(enrolledOn, plan), (company, enrolledOn.AddDays(20)), placedAfterDays is { } days ? enrolledOn.AddDays(days) : null);
    }

    /// <summary>An intern for a few months: housing search, authorities and a language course; placed for the internship.</summary>
    private static DemoParticipant Intern(string givenName, string familyName, DateOnly birthDate, DateOnly enrolledOn, int months, string company) =>
        new(givenName, familyName, birthDate, "LV", ParticipantKind.Intern, enrolledOn, enrolledOn.AddMonths(months),
            InPhase(enrolledOn, [(PilotService.HousingSearch, 1), (PilotService.VisitsToAuthorities, 4), (PilotService.LanguageCourse, 9)]),
            (company, enrolledOn.AddDays(3)), enrolledOn.AddDays(7));

    private static List<(PilotService, DateOnly)> InPhase(DateOnly enrolledOn, IEnumerable<(PilotService Service, int AfterDays)> plan) =>
        [.. plan.Select(p => (p.Service, enrolledOn.AddDays(p.AfterDays))).Where(p => p.Item2 <= new DateOnly(2015, 2, 28))];
}
