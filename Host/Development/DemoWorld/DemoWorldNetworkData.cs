using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.People;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Network;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Domain.Network.Recommendations;
using Fachwerk.Domain.Network.Series;
using Fachwerk.Domain.Organisations;

namespace Fachwerk.Host.Development.DemoWorld;

public sealed record DemoContact(PersonalDetails Person, string? Organisation, DateOnly Since);

public sealed record DemoActor(
    string Name, ActorKind Kind, string Office, DateOnly EstablishedOn, bool Nationwide, IReadOnlyList<Area> Areas, string? Purpose, string? Alliance,
    string? Programme, IReadOnlyList<(string Party, MemberRole Role, DateOnly JoinedOn)> Members, IReadOnlyList<DemoContact> Contacts);

public sealed record DemoAgreement(
    IReadOnlyList<string> Parties, string Subject, DateOnly ConcludedOn, DateOnly ValidFrom, DateOnly? ValidUntil, IReadOnlyList<DateOnly> Extensions);

public sealed record DemoSeries(string Name, ActivityKind Kind, Recurrence Recurrence, IReadOnlyList<string> Organisers, DateOnly StartedOn, string? Alliance);

public sealed record DemoRegistration(PersonalDetails Person, DateOnly RegisteredOn, string? Organisation = null, DateOnly? CancelledOn = null);

/// <summary>What happened at a held demo activity; the walk-ins are those who came beyond the confirmed registrations.</summary>
public sealed record DemoHeld(
    Period Held, IReadOnlyDictionary<AttendeeGroup, int> Attendance, IReadOnlyList<string> OrganisationsPresent, int ContactsMade, int Placements,
    IReadOnlyList<ProgrammePoint> Programme);

public sealed record DemoReport(DateOnly ReportedOn, string Results, string? PublishedAt, IReadOnlyList<string> FollowUps, decimal? Costs = null);

public sealed record DemoActivity(
    ActivityKind Kind, string Title, string Topic, Period Dates, Place Place, IReadOnlyList<string> Organisers, IReadOnlyList<string> CoOrganisers,
    string? Alliance, IReadOnlyList<TargetGroup> TargetGroups, string? Patron = null, int? Capacity = null, string? Series = null,
    DateOnly? AnnouncedOn = null, string? Channel = null, IReadOnlyList<DemoRegistration>? Registrations = null, DemoHeld? Held = null,
    DemoReport? Report = null, (DateOnly On, string Reason)? Cancelled = null);

public sealed record DemoUse(string UsedBy, DateOnly UsedOn, FederalState State, string District, DeliveryMode Mode, int? Participants, string? Activity = null);

public sealed record DemoSeal(string School, FederalState State, string District, DateOnly AwardedOn, DateOnly ValidUntil,
    IReadOnlyList<(DateOnly RenewedOn, DateOnly ValidUntil)> Renewals);

public sealed record DemoInstrument(
    string Name, InstrumentKind Kind, string Description, IReadOnlyList<string> Providers, DateOnly IntroducedOn, IReadOnlyList<DeliveryMode> Modes,
    IReadOnlyList<TargetGroup> TargetGroups, string? OriginConcept, IReadOnlyList<DemoUse> Uses, IReadOnlyList<DemoSeal> Seals);

/// <summary>A concept of the cohort: who developed it (by the participants' places in the list), the project and application it led to.</summary>
public sealed record DemoConcept(
    string Title, string Summary, IReadOnlyList<TargetGroup> TargetGroups, IReadOnlyList<int> Developers, DateOnly DevelopedOn,
    (string Title, string Lead, DateOnly AdoptedOn)? Project, string? Application);

/// <summary>A cohort: its participants (invented people), its sessions (and how many of the participants missed each), the final presentation.</summary>
public sealed record DemoCohort(
    string Programme, int Run, string Organiser, string Question, Period Period, IReadOnlyList<(PersonalDetails Person, string Organisation)> Participants,
    IReadOnlyList<(DateOnly HeldOn, string Title, int Absent)> Sessions, (DateOnly HeldOn, string Place, int Guests) Final, IReadOnlyList<DemoConcept> Concepts);

public sealed record DemoIdea(
    string Alliance, string Title, string Idea, DateOnly RecordedOn, IReadOnlyList<string> PartnersSought, IReadOnlyList<TargetGroup> TargetGroups,
    (string Partner, DateOnly On)? Partner = null, (string Application, DateOnly On)? RealisedBy = null, (DateOnly On, string Reason)? Dropped = null);

public sealed record DemoRecommendation(
    string Alliance, string Municipality, string Subject, string Text, DateOnly IssuedOn, IReadOnlyList<(DateOnly On, FollowUpStatus Status, string Note)> FollowUps);

/// <summary>
/// The regional network of the demo world, from the articles in shared/seeds: the Mansfeld-Südharz education summit under the
/// district chief's patronage, its campaign, job fair and yearly returner days; the labour-market circle and the working group
/// on re-integration; the exchange in the Mecklenburgische Seenplatte with its three talks and three parallel workshops and the
/// dialogue forums that followed; the federal network "Fachkräfte für die Region" and the innovation office of the federal
/// labour ministry; the second run of the Metropolregion Mitteldeutschland's leadership programme with 20 participants and five
/// workshops, whose concept "Expedition Job" became Haus Steinstraße e.V.'s funded project and whose second concept brought the
/// "Aktionstag Integration" and "Basisworkshop Integration"; the career-choice seal of the district's schools; the Leine-Weser
/// alliance's project ideas and recommendations. Named people are the articles' (sealed like all personal data); registrants
/// and participants are invented (example.org); dates and figures not in the articles are plausible inventions.
/// </summary>
public static class DemoWorldNetworkData
{
    public const string LeineWeser = "Regionales Fachkräftebündnis Leine-Weser";
    public const string SachsenAnhaltSued = "Fachkräfteallianz Sachsen-Anhalt Süd";
    public const string Seenplatte = "Fachkräftenetzwerk Mecklenburgische Seenplatte";
    public const string LeipzigAlliance = "Fachkräfteallianz Leipzig";

    public const string Msh = "Landkreis Mansfeld-Südharz";
    public const string A38 = "Unternehmerverband A 38";
    public const string Bbs = "Berufsbildende Schulen Mansfeld-Südharz";
    public const string Ihk = "IHK Halle-Dessau";
    public const string WfMse = "Wirtschaftsförderung Mecklenburgische Seenplatte GmbH";
    public const string Leea = "Leea GmbH";
    public const string MetropolregionGmbH = "Metropolregion Mitteldeutschland Management GmbH";
    public const string JobcenterMsh = "Jobcenter Mansfeld-Südharz";

    public const string Bundesnetzwerk = "Bundesnetzwerk „Fachkräfte für die Region“";
    public const string Innovationsbuero = "Fachkräfteinnovationsbüro des Bundesministeriums für Arbeit und Soziales";
    public const string Loewenpitch = "Fachkräfteinitiative LÖWENPITCH";
    public const string Rak = "Regionaler Arbeitsmarktkreis Mansfeld-Südharz (RAK)";
    public const string Metropolregion = "Europäische Metropolregion Mitteldeutschland";

    public const string Rueckkehrertage = "Rückkehrertage Mansfeld-Südharz";
    public const string Dialogforen = "Regionale Dialogforen Fachkräfte Seenplatte";
    public const string Erfahrungsaustausch = "Erfahrungsaustausch „Fachkräfte in der Seenplatte“";
    public const string Zack = "Berufsorientierungsmesse ZACK 2019";

    public const string ExpeditionJob = "Expedition Job";
    public const string IntegrationConcept = "Integration im Unternehmen";

    private const string SchoolSangerhausen = "Sekundarschule Sangerhausen-Süd";
    private const string SchoolHettstedt = "Sekundarschule Hettstedt";
    private const string MetallbauLeipzig = "Leipziger Metallbau GmbH";
    private const string PflegeLeipzig = "Pflegedienst Lindenau gGmbH";

    public static readonly IReadOnlyList<DemoOrganisation> Organisations =
    [
        new(MetropolregionGmbH, OrganisationKind.Other, "Leipzig"),
        new(JobcenterMsh, OrganisationKind.JobCentre, "Sangerhausen"),
        new(SchoolSangerhausen, OrganisationKind.School, "Sangerhausen"),
        new(SchoolHettstedt, OrganisationKind.School, "Hettstedt"),
        new(MetallbauLeipzig, OrganisationKind.Company, "Leipzig"),
        new(PflegeLeipzig, OrganisationKind.Company, "Leipzig"),
    ];

    private static Area Sa(string district) => new(FederalState.SachsenAnhalt, district);

    public static readonly IReadOnlyList<DemoActor> Actors =
    [
        new(Bundesnetzwerk, ActorKind.Network, "Innovationsbüro „Fachkräfte für die Region“, Berlin", new DateOnly(2011, 6, 1), true, [],
            "Bundesweites Netzwerk regionaler Fachkräfteinitiativen, gefördert vom Bundesministerium für Arbeit und Soziales.", null, null,
            [(WfMse, MemberRole.Member, new DateOnly(2017, 5, 1))], []),
        new(Innovationsbuero, ActorKind.InnovationOffice, "Bundesministerium für Arbeit und Soziales, Berlin", new DateOnly(2011, 6, 1), true, [],
            "Unterstützt regionale Netzwerke mit neuen Arbeitsmethoden wie Design Thinking.", null, null,
            [(Bundesnetzwerk, MemberRole.Partner, new DateOnly(2011, 6, 1))], []),
        new(Loewenpitch, ActorKind.Initiative, "LÖWENPITCH, Neubrandenburg", new DateOnly(2017, 1, 1), false,
            [new Area(FederalState.MecklenburgVorpommern, "Mecklenburgische Seenplatte")], "Talent-Recruiting neu gedacht: Unternehmen pitchen um Talente.",
            null, null, [(Leea, MemberRole.Partner, new DateOnly(2018, 3, 1))], []),
        new(Rak, ActorKind.LabourMarketCircle, "Landkreis Mansfeld-Südharz, Stabsstelle Wirtschaftsförderung", new DateOnly(2015, 1, 1), false, [Sa("Mansfeld-Südharz")],
            "Bündelt alle Akteure des Arbeitsmarkts im Landkreis und verwaltet ein Budget von 20 Mio. Euro (20 % Eigenanteil des Landkreises).",
            SachsenAnhaltSued, DemoFundingData.LabourMarketCircle,
            [(Msh, MemberRole.Coordinator, new DateOnly(2015, 1, 1)), (A38, MemberRole.SteeringGroup, new DateOnly(2015, 1, 1)),
             (Ihk, MemberRole.SteeringGroup, new DateOnly(2015, 1, 1)), (JobcenterMsh, MemberRole.Member, new DateOnly(2015, 1, 1)),
             (Bbs, MemberRole.Member, new DateOnly(2015, 3, 1))], []),
        new("Regionaler Arbeitskreis zur Förderung der Wiedereingliederung in den Arbeitsmarkt", ActorKind.WorkingGroup, "Landkreis Mansfeld-Südharz",
            new DateOnly(2016, 1, 1), false, [Sa("Mansfeld-Südharz")], "Wiedereingliederung von Langzeitarbeitslosen und Geflüchteten in den Arbeitsmarkt.",
            SachsenAnhaltSued, null, [(Msh, MemberRole.Coordinator, new DateOnly(2016, 1, 1)), (JobcenterMsh, MemberRole.Member, new DateOnly(2016, 1, 1))], []),
        new(Metropolregion, ActorKind.MetropolitanRegion, "Metropolregion Mitteldeutschland Management GmbH, Leipzig", new DateOnly(2014, 1, 1), false,
            [new Area(FederalState.Sachsen, "Leipzig"), new Area(FederalState.Sachsen, "Landkreis Leipzig"), new Area(FederalState.Sachsen, "Nordsachsen"),
             Sa("Halle (Saale)"), Sa("Saalekreis"), Sa("Burgenlandkreis"), Sa("Mansfeld-Südharz"), Sa("Anhalt-Bitterfeld"),
             new Area(FederalState.Thueringen, "Jena"), new Area(FederalState.Thueringen, "Gera"), new Area(FederalState.Thueringen, "Altenburger Land")],
            "Wirtschaft, Wissenschaft, Verwaltung und Politik über drei Länder hinweg an einen Tisch bringen.", null, null,
            [(MetropolregionGmbH, MemberRole.Coordinator, new DateOnly(2014, 1, 1)), (Ihk, MemberRole.SteeringGroup, new DateOnly(2014, 1, 1)),
             ("Stadt Leipzig", MemberRole.Member, new DateOnly(2014, 1, 1)), (LeipzigAlliance, MemberRole.Partner, new DateOnly(2015, 1, 15))],
            [
                new(new PersonalDetails("Reinhard", "Wölpert", "Geschäftsführer"), MetropolregionGmbH, new DateOnly(2014, 1, 1)),
                new(new PersonalDetails("Jörg", "Müller", "Projektleiter „Mitarbeiter für Verantwortung“"), "IdeenQuartier", new DateOnly(2014, 9, 1)),
            ]),
        new("Erfahrungsaustauschkreis Fachkräfte Seenplatte", ActorKind.WorkingGroup, WfMse, new DateOnly(2018, 12, 20), false,
            [new Area(FederalState.MecklenburgVorpommern, "Mecklenburgische Seenplatte")],
            "Regelmäßiger Austausch mit spezifischen Themen und wechselndem Regionen- und Branchenfokus.", Seenplatte, null,
            [(WfMse, MemberRole.Coordinator, new DateOnly(2018, 12, 20)), (Leea, MemberRole.Member, new DateOnly(2019, 2, 1)),
             (Loewenpitch, MemberRole.Partner, new DateOnly(2019, 2, 1))],
            [new(new PersonalDetails("Martin", "French", "Referent Wirtschaftsförderung", "martin.french@wirtschaft-seenplatte.de", "0395 570874852"), WfMse,
                new DateOnly(2018, 12, 20))]),
    ];

    public static readonly IReadOnlyList<DemoAgreement> Agreements =
    [
        new([Msh, "Hochschule Merseburg"], "Kooperationsvertrag: Praktika, Abschlussarbeiten und Gründungen für die Unternehmen des Landkreises",
            new DateOnly(2017, 3, 1), new DateOnly(2017, 4, 1), new DateOnly(2020, 3, 31), [new DateOnly(2023, 3, 31), new DateOnly(2026, 3, 31)]),
        new([A38, Bbs], "Vertiefte Kooperation der heimischen Wirtschaft mit den Berufsbildenden Schulen im Rahmen der Aktion „Du bist wichtig!“",
            new DateOnly(2019, 9, 12), new DateOnly(2019, 9, 12), null, []),
    ];

    public static readonly IReadOnlyList<DemoSeries> Series =
    [
        new(Rueckkehrertage, ActivityKind.ReturnerDay, Recurrence.Yearly, [Msh], new DateOnly(2016, 1, 1), SachsenAnhaltSued),
        new(Dialogforen, ActivityKind.Forum, Recurrence.Irregular, [WfMse], new DateOnly(2019, 1, 15), Seenplatte),
    ];

    private static readonly Place Sangerhausen = new("Sangerhausen", "Mansfeld-Südharz", FederalState.SachsenAnhalt, "Kreisverwaltung");
    private static readonly Place Neubrandenburg = new("Neubrandenburg", "Mecklenburgische Seenplatte", FederalState.MecklenburgVorpommern, "Haus der Wirtschaft");

    private static Period Day(int year, int month, int day) => new(new DateOnly(year, month, day), new DateOnly(year, month, day));

    private static Dictionary<AttendeeGroup, int> Came(int returners, int employers) =>
        new() { [AttendeeGroup.ReturnersToWork] = returners, [AttendeeGroup.Employers] = employers };

    private static DemoActivity ReturnerDay(int year, int month, int day, int returners, int employers, int contacts, int placements) =>
        new(ActivityKind.ReturnerDay, $"Rückkehrertag {year}", "Fachkräfte in die Region (zurück) holen: Arbeitgeber treffen Rückkehrende",
            Day(year, month, day), Sangerhausen, [Msh], [A38], SachsenAnhaltSued, [TargetGroup.ReturnersToWork], Series: Rueckkehrertage,
            AnnouncedOn: new DateOnly(year, 11, 15), Channel: "Amtsblatt und Website des Landkreises",
            Held: new DemoHeld(Day(year, month, day), Came(returners, employers), [A38, Ihk, JobcenterMsh], contacts, placements, []),
            Report: new DemoReport(new DateOnly(year + 1, 1, 20), $"{contacts} Kontakte zwischen Rückkehrenden und Arbeitgebern, {placements} Einstellungen.",
                "Website des Landkreises Mansfeld-Südharz", ["Rückkehrertag im nächsten Dezember"]));

    private static PersonalDetails Invented(string given, string family, string? position = null) =>
        new(given, family, position, $"{Ascii(given)}.{Ascii(family)}@example.org");

    private static string Ascii(string name) =>
        new([.. name.ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD).Where(c => c is >= 'a' and <= 'z')]);

    public static readonly IReadOnlyList<DemoActivity> Activities =
    [
        new(ActivityKind.Campaign, "Du bist wichtig!", "Kampagne des Unternehmerverbandes: Perspektiven für junge Menschen in der Region",
            new Period(new DateOnly(2019, 1, 14), new DateOnly(2019, 12, 20)), new Place("Sangerhausen", "Mansfeld-Südharz", FederalState.SachsenAnhalt),
            [A38], [Bbs], SachsenAnhaltSued, [TargetGroup.YoungPeople], AnnouncedOn: new DateOnly(2019, 1, 10), Channel: "Pressekonferenz des Unternehmerverbandes",
            Held: new DemoHeld(new Period(new DateOnly(2019, 1, 14), new DateOnly(2019, 12, 20)),
                new Dictionary<AttendeeGroup, int> { [AttendeeGroup.YoungPeople] = 640, [AttendeeGroup.Employers] = 48 }, [A38, Bbs], 210, 35, []),
            Report: new DemoReport(new DateOnly(2020, 1, 31), "48 Betriebe stellten sich an den Berufsbildenden Schulen vor; 35 Ausbildungsverträge.",
                "Unternehmerverband A 38", ["Ausbau der Kampagne 2020"])),
        new(ActivityKind.Summit, "Bildungsgipfel Mansfeld-Südharz", "Vertiefte Kooperation der heimischen Wirtschaft mit den Berufsbildenden Schulen",
            Day(2019, 9, 12), Sangerhausen, [Msh], [A38], SachsenAnhaltSued, [TargetGroup.YoungPeople], "Landrat des Landkreises Mansfeld-Südharz", 120,
            AnnouncedOn: new DateOnly(2019, 8, 20), Channel: "Einladung des Landrates",
            Held: new DemoHeld(Day(2019, 9, 12),
                new Dictionary<AttendeeGroup, int> { [AttendeeGroup.Employers] = 38, [AttendeeGroup.Multipliers] = 44, [AttendeeGroup.YoungPeople] = 12 },
                [Msh, A38, Bbs, Ihk, JobcenterMsh], 60, 0,
                [
                    new ProgrammePoint(ProgrammeItemKind.Talk, 1, "Junge Menschen in der Region halten und fördern",
                        new PersonalDetails("André", "Schröder", "Landrat"), Msh),
                    new ProgrammePoint(ProgrammeItemKind.Talk, 2, "Die Aktion „Du bist wichtig!“ des Unternehmerverbandes", SpeakerOrganisation: A38),
                    new ProgrammePoint(ProgrammeItemKind.Panel, 3, "Wirtschaft und Berufsbildende Schulen: Was wir gemeinsam vorhaben"),
                ]),
            Report: new DemoReport(new DateOnly(2019, 9, 13), "Die heimische Wirtschaft und die Berufsbildenden Schulen vereinbaren eine vertiefte Kooperation.",
                "Pressemitteilung des Landkreises Mansfeld-Südharz", ["Kooperationsvereinbarung Unternehmerverband A 38 – Berufsbildende Schulen",
                    "Ausbau der Kampagne „Du bist wichtig!“"])),
        new(ActivityKind.JobFair, Zack, "Berufsorientierungsmesse mit Praktikumsbörse", Day(2019, 9, 21), new Place("Sangerhausen", "Mansfeld-Südharz",
                FederalState.SachsenAnhalt, "Mammuthalle"), [Msh], [Bbs], SachsenAnhaltSued, [TargetGroup.YoungPeople],
            AnnouncedOn: new DateOnly(2019, 8, 1), Channel: "Schulen des Landkreises",
            Held: new DemoHeld(Day(2019, 9, 21), new Dictionary<AttendeeGroup, int> { [AttendeeGroup.YoungPeople] = 820, [AttendeeGroup.Employers] = 64 },
                [A38, Ihk, Bbs], 310, 42, [])),
        ReturnerDay(2016, 12, 28, 85, 32, 60, 9),
        ReturnerDay(2017, 12, 28, 110, 38, 80, 12),
        ReturnerDay(2018, 12, 27, 124, 41, 95, 15),
        ReturnerDay(2019, 12, 27, 131, 45, 102, 17),
        new(ActivityKind.ReturnerDay, "Rückkehrertag 2020", "Fachkräfte in die Region (zurück) holen", Day(2020, 12, 28), Sangerhausen, [Msh], [A38],
            SachsenAnhaltSued, [TargetGroup.ReturnersToWork], Series: Rueckkehrertage, Cancelled: (new DateOnly(2020, 11, 2), "Keine Veranstaltungen mit vielen Gästen während der Pandemie.")),
        ReturnerDay(2021, 12, 28, 96, 40, 70, 11),
        new(ActivityKind.ReturnerDay, "Rückkehrertag 2026", "Fachkräfte in die Region (zurück) holen", Day(2026, 12, 28), Sangerhausen, [Msh], [A38],
            SachsenAnhaltSued, [TargetGroup.ReturnersToWork], Capacity: 5, Series: Rueckkehrertage, AnnouncedOn: new DateOnly(2026, 2, 1),
            Channel: "Website des Landkreises",
            Registrations:
            [
                new(Invented("Katrin", "Bauer"), new DateOnly(2026, 2, 10), CancelledOn: new DateOnly(2026, 2, 28)),
                new(Invented("Stefan", "Hoffmann"), new DateOnly(2026, 2, 11)),
                new(Invented("Julia", "Wagner"), new DateOnly(2026, 2, 12)),
                new(Invented("Tobias", "Krüger"), new DateOnly(2026, 2, 14), "Krüger Haustechnik"),
                new(Invented("Anja", "Schubert"), new DateOnly(2026, 2, 17)),
                new(Invented("Daniel", "Lehmann"), new DateOnly(2026, 2, 20)),
                new(Invented("Melanie", "Franke"), new DateOnly(2026, 2, 25)),
            ]),
        new(ActivityKind.Exchange, Erfahrungsaustausch, "Leben und Arbeiten im ländlichen Raum", Day(2018, 12, 18),
            new Place("Neustrelitz", "Mecklenburgische Seenplatte", FederalState.MecklenburgVorpommern), [Innovationsbuero, Loewenpitch], [WfMse], Seenplatte, [],
            AnnouncedOn: new DateOnly(2018, 11, 20), Channel: "Einladung an Multiplikatoren aus Netzwerken, Institutionen und Unternehmen",
            Held: new DemoHeld(Day(2018, 12, 18), new Dictionary<AttendeeGroup, int> { [AttendeeGroup.Multipliers] = 38, [AttendeeGroup.Employers] = 14 },
                [WfMse, Leea, "LÖWENPITCH", "Fachkräfteinnovationsbüro"], 40, 0,
                [
                    new ProgrammePoint(ProgrammeItemKind.Moderation, 1, "Moderation und Design Thinking",
                        new PersonalDetails("Tanja", "Lakeit"), "Fachkräfteinnovationsbüro des BMAS"),
                    new ProgrammePoint(ProgrammeItemKind.Talk, 2,
                        "DEN Fachkräftemangel gibt es nicht – oder doch?! – Impulse für eine moderne Fachkräftegewinnung und -sicherung in ländlichen Räumen",
                        new PersonalDetails("Martin", "French", "Referent Wirtschaftsförderung"), WfMse),
                    new ProgrammePoint(ProgrammeItemKind.Talk, 3,
                        "Unternehmen XY, was macht man da? Möglichkeiten einer Leistungsschau zur Berufsorientierung und Azubiakquise?",
                        new PersonalDetails("Cordula", "Neumann", "Geschäftsleiterin"), Leea),
                    new ProgrammePoint(ProgrammeItemKind.Talk, 4,
                        "LÖWENPITCH: Talent-Recruiting neu gedacht – Chancen und Herausforderungen für den ländlichen Raum innovative Ideen zu verstetigen",
                        new PersonalDetails("Robert", "Gardlowski", "Projektentwickler"), "LÖWENPITCH"),
                    new ProgrammePoint(ProgrammeItemKind.Workshop, 5, "Neue Ideen, um das regionale Fachkräftemarketing in MV / in der Region MSE weiter zu stärken"),
                    new ProgrammePoint(ProgrammeItemKind.Workshop, 5, "Effekte und Potenziale für KMU durch die Nutzung des LÖWENPITCH-Formats"),
                    new ProgrammePoint(ProgrammeItemKind.Workshop, 5, "Aktivierung der Leea-Leistungsschau als Berufsorientierungsinstrument"),
                ]),
            Report: new DemoReport(new DateOnly(2018, 12, 25),
                "Zukunftsvisionen für das regionale Fachkräftemarketing, das LÖWENPITCH-Format und die Leea-Leistungsschau, mit Design Thinking erarbeitet und dokumentiert.",
                "Fachkräfteinnovationsbüro und Wirtschaftsförderung Mecklenburgische Seenplatte",
                ["Regionale Dialogforen und weitere Erfahrungsaustauschkreise 2019, mit spezifischen Themen und wechselndem Regionen- und Branchenfokus"])),
        new(ActivityKind.Forum, "Dialogforum Fachkräfte Seenplatte: Gesundheit und Pflege", "Fachkräfte für Kliniken und Pflegedienste", Day(2019, 5, 15),
            Neubrandenburg, [WfMse], [], Seenplatte, [TargetGroup.ForeignSkilledWorkers], Series: Dialogforen,
            Held: new DemoHeld(Day(2019, 5, 15), new Dictionary<AttendeeGroup, int> { [AttendeeGroup.Multipliers] = 21, [AttendeeGroup.Employers] = 17 },
                [WfMse], 25, 0, [])),
        new(ActivityKind.Forum, "Dialogforum Fachkräfte Seenplatte: Tourismus", "Fachkräfte für Hotels und Gastronomie an der Müritz", Day(2019, 10, 9),
            Neubrandenburg, [WfMse], [Leea], Seenplatte, [TargetGroup.YoungPeople, TargetGroup.ReturnersToWork], Series: Dialogforen,
            Held: new DemoHeld(Day(2019, 10, 9), new Dictionary<AttendeeGroup, int> { [AttendeeGroup.Multipliers] = 18, [AttendeeGroup.Employers] = 26 },
                [WfMse, Leea], 31, 0, [])),
    ];

    private static readonly (string Given, string Family, string Organisation)[] CohortPeople =
    [
        ("Jana", "Richter", "Leipziger Verkehrsbetriebe"), ("Thomas", "Seidel", "Stadt Leipzig, Amt für Jugend"), ("Susanne", "Vogel", "Sparkasse Leipzig"),
        ("Michael", "Böhme", MetallbauLeipzig), ("Claudia", "Hartmann", PflegeLeipzig), ("Frank", "Lorenz", "Handwerkskammer zu Leipzig"),
        ("Katja", "Winkler", "Universitätsklinikum Leipzig"), ("Ronny", "Kühn", "Stadtwerke Halle"), ("Petra", "Günther", "IHK Halle-Dessau"),
        ("Uwe", "Schreiber", "Agentur für Arbeit Leipzig"), ("Nadine", "Fuchs", "Leipziger Wohnungsbau"), ("Marco", "Berger", "Porzellanmanufaktur Leipzig"),
        ("Heike", "Lange", "Landratsamt Nordsachsen"), ("Sven", "Graf", "Logistikzentrum Schkeuditz"), ("Ines", "Zimmermann", "Stadt Halle (Saale)"),
        ("Jens", "Haase", "Elektro Haase Leipzig"), ("Sabine", "Schulze", "Diakonie Leipzig"), ("Ralf", "Köhler", "Chemiepark Leuna"),
        ("Doreen", "Jahn", "Volkshochschule Leipzig"), ("Mario", "Kaiser", "Bäckerei Kaiser Markkleeberg"),
    ];

    public static readonly DemoCohort LeadershipProgramme = new("Mitarbeiter für Verantwortung", 2, Metropolregion,
        "Mit welchen Ansätzen gelingt es, die Potenziale, die Zuwanderung für die gesellschaftliche und wirtschaftliche Entwicklung in Leipzig und " +
        "Mitteldeutschland bietet, aufzuzeigen?",
        new Period(new DateOnly(2015, 10, 1), new DateOnly(2016, 4, 30)),
        [.. CohortPeople.Select(p => (Invented(p.Given, p.Family, "Führungskraft"), p.Organisation))],
        [
            (new DateOnly(2015, 10, 23), "Workshop 1: Akteure und Projekte der Zuwanderung kennenlernen", 0),
            (new DateOnly(2015, 11, 27), "Workshop 2: In fremde Lebenswirklichkeiten eintauchen", 1),
            (new DateOnly(2016, 1, 22), "Workshop 3: Potenziale erkennen", 2),
            (new DateOnly(2016, 2, 26), "Workshop 4: Parameter für ein nachhaltiges Konzept", 1),
            (new DateOnly(2016, 3, 18), "Workshop 5: Konzepte umsetzungsfähig machen", 0),
        ],
        (new DateOnly(2016, 4, 29), "Leipzig", 80),
        [
            new(ExpeditionJob, "Richtet sich an Handwerksbetriebe und setzt auf eine frühzeitige Berufsorientierung von Kindern und Jugendlichen mit " +
                               "Migrationshintergrund: ein viertägiges Orientierungsverfahren mit Berufsbildern des Handwerks, Bewerbungsgesprächen und Kurzpraktika.",
                [TargetGroup.YoungPeople, TargetGroup.PeopleWithMigrationBackground], [3, 4, 5, 9, 15], new DateOnly(2016, 4, 29),
                (ExpeditionJob, "Haus Steinstraße e.V.", new DateOnly(2016, 6, 1)), ExpeditionJob),
            new(IntegrationConcept, "Abbau von Vorurteilen und Verringerung von Hemmschwellen in Unternehmen bei der Integration von Flüchtlingen als " +
                                    "Arbeitskräfte, mit zwei praxistauglichen Bausteinen für die Unternehmen.",
                [TargetGroup.Refugees], [0, 2, 6, 10, 16], new DateOnly(2016, 4, 29), null, null),
        ]);

    public static readonly IReadOnlyList<DemoInstrument> Instruments =
    [
        new("Praktikumsbörse Mansfeld-Südharz", InstrumentKind.InternshipExchange, "Kommunales Bildungsbüro vermittelt Praktika in Betrieben des Landkreises.",
            [Msh], new DateOnly(2014, 9, 1), [DeliveryMode.ByProvider], [TargetGroup.YoungPeople], null,
            [new(A38, new DateOnly(2019, 9, 21), FederalState.SachsenAnhalt, "Mansfeld-Südharz", DeliveryMode.ByProvider, 150, Zack),
             new(Bbs, new DateOnly(2020, 2, 12), FederalState.SachsenAnhalt, "Mansfeld-Südharz", DeliveryMode.ByProvider, 90)], []),
        new("LÖWENPITCH", InstrumentKind.TalentPitch, "Unternehmen pitchen um Talente: Talent-Recruiting neu gedacht.", [Loewenpitch], new DateOnly(2017, 1, 1),
            [DeliveryMode.ByProvider], [TargetGroup.YoungPeople], null,
            [new(Leea, new DateOnly(2019, 3, 20), FederalState.MecklenburgVorpommern, "Mecklenburgische Seenplatte", DeliveryMode.ByProvider, 24),
             new(WfMse, new DateOnly(2019, 6, 12), FederalState.MecklenburgVorpommern, "Mecklenburgische Seenplatte", DeliveryMode.ByProvider, 31)], []),
        new("Leea-Leistungsschau", InstrumentKind.CareersFair, "Leistungsschau eines Unternehmens zur Berufsorientierung und Azubiakquise.", [Leea],
            new DateOnly(2018, 5, 1), [DeliveryMode.SelfRun], [TargetGroup.YoungPeople], null,
            [new(Leea, new DateOnly(2019, 5, 8), FederalState.MecklenburgVorpommern, "Mecklenburgische Seenplatte", DeliveryMode.SelfRun, 140)], []),
        new("Aktionstag Integration", InstrumentKind.ActionDay, "Ein Tag, an dem Belegschaft und geflüchtete Menschen einander begegnen; " +
                                                               "eigeninitiativ oder mit Unterstützung von Trainern im Unternehmen durchgeführt.",
            [Metropolregion], new DateOnly(2016, 4, 29), [DeliveryMode.SelfRun, DeliveryMode.WithTrainers], [TargetGroup.Refugees], IntegrationConcept,
            [new(MetallbauLeipzig, new DateOnly(2016, 9, 14), FederalState.Sachsen, "Leipzig", DeliveryMode.WithTrainers, 35),
             new(PflegeLeipzig, new DateOnly(2017, 2, 8), FederalState.Sachsen, "Leipzig", DeliveryMode.SelfRun, 20)], []),
        new("Basisworkshop Integration", InstrumentKind.BasicWorkshop, "Basisworkshop für Führungskräfte und Teams: Vorurteile abbauen, Hemmschwellen senken.",
            [Metropolregion], new DateOnly(2016, 4, 29), [DeliveryMode.SelfRun, DeliveryMode.WithTrainers], [TargetGroup.Refugees], IntegrationConcept,
            [new(MetallbauLeipzig, new DateOnly(2016, 11, 10), FederalState.Sachsen, "Leipzig", DeliveryMode.WithTrainers, 12)], []),
        new("Berufswahl-SIEGEL", InstrumentKind.CareerChoiceSeal, "Bundesweites Gütesiegel für Schulen mit vorbildlicher Berufsorientierung.", [Msh],
            new DateOnly(2012, 1, 1), [], [TargetGroup.YoungPeople], null, [],
            [
                new(SchoolSangerhausen, FederalState.SachsenAnhalt, "Mansfeld-Südharz", new DateOnly(2016, 6, 20), new DateOnly(2019, 6, 30),
                    [(new DateOnly(2019, 6, 18), new DateOnly(2022, 6, 30)), (new DateOnly(2022, 6, 15), new DateOnly(2025, 6, 30)),
                     (new DateOnly(2025, 6, 12), new DateOnly(2028, 6, 30))]),
                new(SchoolHettstedt, FederalState.SachsenAnhalt, "Mansfeld-Südharz", new DateOnly(2019, 6, 18), new DateOnly(2022, 6, 30), []),
            ]),
    ];

    public static readonly IReadOnlyList<DemoIdea> Ideas =
    [
        new(LeineWeser, "Wiedereinstieg in den Beruf – Rückkehrerinnen Hildesheim", "Coaching und Teilzeitqualifizierung für Menschen, die in den Beruf zurückkehren.",
            new DateOnly(2025, 9, 15), ["Landkreis als Träger", "Agentur für Arbeit"], [TargetGroup.ReturnersToWork],
            ("Landkreis Hildesheim", new DateOnly(2025, 10, 1)), ("Wiedereinstieg in den Beruf – Rückkehrerinnen Hildesheim", new DateOnly(2026, 2, 2))),
        new(LeineWeser, "Studienabbrecher ins Handwerk", "Beratung und verkürzte Ausbildung für Studienabbrecherinnen und -abbrecher.", new DateOnly(2025, 9, 15),
            ["Handwerkskammer", "Universität Hildesheim"], [TargetGroup.UniversityDropouts], ("Handwerkskammer Hildesheim-Südniedersachsen", new DateOnly(2025, 11, 3)),
            ("Studienabbrecher ins Handwerk", new DateOnly(2026, 2, 2))),
        new(LeineWeser, "IT-Fachkräfte für KMU im Weserbergland", "Ein Qualifizierungsverbund für die IT- und Ingenieurstellen kleiner und mittlerer Unternehmen.",
            new DateOnly(2026, 1, 12), ["IT-Unternehmen im Weserbergland", "Hochschule"], [TargetGroup.ForeignSkilledWorkers, TargetGroup.UniversityDropouts]),
        new(LeineWeser, "Imagekampagne Fachkräfteregion", "Plakat- und Onlinekampagne für die Region.", new DateOnly(2025, 3, 3), ["Werbeagentur"],
            [TargetGroup.YoungPeople], Dropped: (new DateOnly(2025, 12, 1), "Eine reine Werbemaßnahme ohne Teilnehmende ist nicht förderfähig.")),
    ];

    public static readonly IReadOnlyList<DemoRecommendation> Recommendations =
    [
        new(LeineWeser, "Landkreis Nienburg/Weser", "Kinderbetreuung für Schichtarbeitende",
            "Zwei Kindertagesstätten bis 22 Uhr öffnen, damit Fachkräfte im Schichtdienst eine Stelle annehmen können.", new DateOnly(2025, 11, 20),
            [(new DateOnly(2025, 12, 10), FollowUpStatus.Acknowledged, "Der Kreisausschuss hat die Empfehlung zur Kenntnis genommen."),
             (new DateOnly(2026, 2, 10), FollowUpStatus.InProgress, "Eine Kita in Nienburg erprobt ab Sommer längere Öffnungszeiten.")]),
        new(LeineWeser, "Landkreis Hildesheim", "Willkommenskultur für Zugewanderte",
            "Ein Willkommensbüro in der Kreisverwaltung einrichten, das zugewanderte Fachkräfte und ihre Familien begleitet.", new DateOnly(2024, 5, 15),
            [(new DateOnly(2024, 9, 1), FollowUpStatus.InProgress, "Stelle ausgeschrieben."),
             (new DateOnly(2025, 3, 1), FollowUpStatus.Implemented, "Das Willkommensbüro ist eröffnet.")]),
        new(SachsenAnhaltSued, Msh, "Virtuelles Welcome Center",
            "Eine Internetplattform mit Angeboten für ein modernes Leben und Arbeiten im Landkreis einrichten und unterhalten.", new DateOnly(2016, 9, 1),
            [(new DateOnly(2017, 5, 1), FollowUpStatus.Implemented, "Das virtuelle Welcome Center ist online.")]),
    ];
}
