using Fachwerk.Application.Applications;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Host.Development.DemoWorld;

/// <summary>A demo programme; with an authority and eligibility it is bound to alliances, with a call it takes submissions in its window.</summary>
public sealed record DemoProgramme(
    string Name, IReadOnlyList<FundingSource> Sources, Period FundingPeriod, decimal TotalBudget, ProgrammeRules Rules,
    IReadOnlyList<(string Alliance, decimal Amount)> PlanningBudgets,
    FundingAuthority? Authority = null, AllianceEligibility? Eligibility = null, DemoCall? OpenCall = null,
    IReadOnlyList<ReviewCriterion>? ReviewCriteria = null)
{
    /// <summary>The extra fields its application form asks for (ADR 0122); none: the plan only.</summary>
    public IReadOnlyList<FormField>? Form { get; init; }

    /// <summary>Which natural persons may apply and how many years after the case their data are kept (ADR 0123); none: organisations only.</summary>
    public (IReadOnlyList<PersonApplicantKind> Kinds, int RetentionYears)? PersonApplicants { get; init; }

    /// <summary>Whether its review criteria let caseworkers assign external experts (ADR 0093).</summary>
    public bool AllowsExternalExperts { get; init; }
}

/// <summary>
/// A natural person's application (ADR 0123), approved, with the grant's obligation: the person drafts and submits it as the
/// demo user <paramref name="User"/>, who acts for their neutral applicant record from drafting on.
/// </summary>
public sealed record DemoPersonApplication(
    DemoUser User, string Programme, string Alliance, string District, PersonApplicantKind Kind, ProjectPlan Plan,
    ApplicantPersonalData PersonalData, ImposeObligation Obligation);

/// <summary>A reviewer's scores on the programme's criteria (in the criteria's order) and comment, given before the alliance votes.</summary>
public sealed record DemoReview(DemoUser Reviewer, IReadOnlyList<int> Scores, string Comment);

/// <summary>A call open on the day the demo world is seeded: from some days before to some days after, within the funding period.</summary>
public sealed record DemoCall(string Name, decimal? Budget, int OpenedDaysAgo, int OpenForDays);

/// <summary>How far the demo world takes an application through its lifecycle.</summary>
public enum DemoStage
{
    Draft,
    Submitted,
    DocumentsRequested,
    FormallyComplete,
    Voted,
    DecisionProposed,
    Approved,
    Rejected,
    Withdrawn,
}

/// <summary>
/// What happened after the approval: payments released, a payment request waiting for its check, the final proof of use with
/// its first check (and a finding), a reclaim of part of the grant; the payee account the applicant gave and a caseworker confirmed
/// (every grant with payments has one: money is released only into a confirmed account, ADR 0084).
/// </summary>
public sealed record DemoFunding(
    IReadOnlyList<decimal> Payments,
    decimal? PendingRequest = null,
    bool FinalProof = false,
    string? Finding = null,
    decimal? Reclaim = null,
    string? PayeeIban = null,
    DemoAmendment? Amendment = null,
    string PayeeBic = "BYLADEM1001");

/// <summary>A change notice (Änderungsbescheid) to the approval, proposed and confirmed before the payments (ADR 0121).</summary>
public sealed record DemoAmendment(decimal Amount, CostPlan CostPlan, IReadOnlyList<string> Conditions, string Reason);

public sealed record DemoApplication(
    string Title,
    string Description,
    string Applicant,
    string Programme,
    string Alliance,
    string District,
    Period Duration,
    decimal TotalCosts,
    decimal Requested,
    decimal OwnContribution,
    IReadOnlyList<TargetGroup> TargetGroups,
    int PlannedParticipants,
    DemoStage Stage,
    string? VoteOnBehalfOf = null,
    decimal? ApprovedAmount = null,
    string? Reason = null,
    DemoFunding? Funding = null,
    IReadOnlyList<DemoReview>? Reviews = null)
{
    /// <summary>Values of the programme's extra fields, by key (ADR 0122).</summary>
    public IReadOnlyDictionary<string, string?>? Extra { get; init; }

    /// <summary>An external expert the caseworker assigned to review it once it was formally complete, who has not scored yet (ADR 0093).</summary>
    public DemoUser? ExternalExpert { get; init; }
}

/// <summary>
/// The funding side of the demo world: the 26 M EUR of EU funds for Lower Saxony's eight alliances, the district labour-market
/// circle of Mansfeld-Südharz (20 M EUR, 20 % carried by the district), the district's guideline for recruiting doctors, and
/// Saxony's skilled-labour guideline for its regional alliances, with applications in every stage of the workflow, among them
/// "Expedition Job" by Haus Steinstraße e.V. in Leipzig (the concept of the Metropolregion's leadership programme).
/// </summary>
public static class DemoFundingData
{
    private static readonly Period EsfPlus = new(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31));
    private static readonly Period SchoolYear = new(new DateOnly(2026, 9, 1), new DateOnly(2027, 7, 31));
    private static readonly Period Year2027 = new(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31));

    public const string LowerSaxony = "ESF+ Regionale Fachkräftebündnisse Niedersachsen";
    public const string LabourMarketCircle = "Regionaler Arbeitsmarktkreis Mansfeld-Südharz";
    public const string Doctors = "Förderrichtlinie zur Anwerbung von Ärzten und Medizinstudenten (Landkreis Mansfeld-Südharz)";
    public const string Saxony = "ESF Plus Fachkräfterichtlinie Sachsen – Regionale Fachkräfteallianzen";

    private const string LeineWeser = "Regionales Fachkräftebündnis Leine-Weser";
    private const string SachsenAnhaltSued = "Fachkräfteallianz Sachsen-Anhalt Süd";
    private const string Leipzig = "Fachkräfteallianz Leipzig";

    /// <summary>What the Lower Saxony alliances' reviewers score an application on (0 to 10 each; weights in per cent).</summary>
    private static readonly IReadOnlyList<ReviewCriterion> ReviewCriteria =
    [
        new("Regionaler Bedarf", 40, "Belegen Arbeitsmarktdaten der Region den Bedarf an Fachkräften, den das Vorhaben deckt?"),
        new("Wirkung", 35, "Wie viele Menschen kommen in Ausbildung oder Arbeit, und wie verlässlich ist das geplant?"),
        new("Wirtschaftlichkeit", 25, "Stehen Kosten und Ergebnis in einem angemessenen Verhältnis?"),
    ];

    public static readonly IReadOnlyList<DemoProgramme> Programmes =
    [
        new(LowerSaxony, [new FundingSource("ESF+", 1m, FundingSourceKind.EuropeanSocialFund, EsfPlus)], EsfPlus, 26_000_000m,
            new ProgrammeRules(MaxFundingRate: 0.8m, MaxAmountPerApplication: 500_000m, AllianceVoteRequired: true, DocumentDeadlineDays: 14,
                DeMinimis: false, DecisionReminderDays: 42),
            [(LeineWeser, 3_250_000m)],
            // 26 M EUR of EU funds for the eight alliances Lower Saxony's ministry recognized (the articles in shared/seeds).
            new FundingAuthority("Niedersächsisches Ministerium für Wirtschaft, Verkehr, Bauen und Digitalisierung", AuthorityLevel.State,
                FederalState.Niedersachsen),
            new AllianceEligibility(EligibleAlliances.RecognizedInState, FederalState.Niedersachsen),
            new DemoCall("Förderaufruf Fachkräftebündnisse", 6_500_000m, OpenedDaysAgo: 30, OpenForDays: 180),
            ReviewCriteria)
        {
            // The caseworkers may bring in external experts besides the Leine-Weser reviewers.
            AllowsExternalExperts = true,
            // Optional fields only: the demo's applications of this programme are submitted without them.
            Form =
            [
                new FormField("ausbildungsbetriebe", FormFieldKind.Number, false, new LocalText("Beteiligte Ausbildungsbetriebe", "Training companies taking part"),
                    new LocalText("Betriebe, die eine Kooperationsvereinbarung unterschrieben haben.", "Companies that signed a cooperation agreement."), Min: 0, Max: 500),
                new FormField("branche", FormFieldKind.Choice, false, new LocalText("Schwerpunktbranche", "Main sector"), Choices:
                [
                    new FieldChoice("handwerk", new LocalText("Handwerk", "Crafts")), new FieldChoice("pflege", new LocalText("Pflege und Gesundheit", "Care and health")),
                    new FieldChoice("industrie", new LocalText("Industrie und Technik", "Industry and engineering")),
                ]),
                new FormField("sachkosten", FormFieldKind.Money, false, new LocalText("Davon Sachkosten", "Of which material costs"), Min: 0),
                new FormField("auftakt", FormFieldKind.Date, false, new LocalText("Auftaktveranstaltung am", "Kick-off event on")),
                new FormField("berufsschule", FormFieldKind.YesNo, false, new LocalText("Kooperation mit einer Berufsschule", "Cooperation with a vocational school")),
                new FormField("nachhaltigkeit", FormFieldKind.Text, false, new LocalText("Wie geht es nach der Förderung weiter?", "What happens after the funding?"),
                    MaxLength: 1000),
            ],
        },
        // The district's budget of 20 M EUR: 80 % the state's money (with ESF+ in it), 20 % the district's own share.
        new(LabourMarketCircle, [new FundingSource("Land Sachsen-Anhalt / ESF+", 0.8m, FundingSourceKind.StateGovernment),
                new FundingSource("Landkreis Mansfeld-Südharz", 0.2m, FundingSourceKind.District)],
            EsfPlus, 20_000_000m,
            new ProgrammeRules(MaxFundingRate: 0.9m, MaxAmountPerApplication: 1_000_000m, AllianceVoteRequired: false, DocumentDeadlineDays: 14,
                DeMinimis: false, DecisionReminderDays: 28),
            []),
        new(Doctors, [new FundingSource("Landkreis Mansfeld-Südharz", 1m, FundingSourceKind.District)], EsfPlus, 1_500_000m,
            new ProgrammeRules(MaxFundingRate: 1m, MaxAmountPerApplication: 50_000m, AllianceVoteRequired: false, DocumentDeadlineDays: 14,
                DeMinimis: true, DecisionReminderDays: 28),
            [])
        {
            // The guideline funds medical students and doctors (shared/seeds); their data are kept ten years after the case.
            PersonApplicants = ([PersonApplicantKind.MedicalStudent, PersonApplicantKind.Doctor], 10),
        },
        new(Saxony, [new FundingSource("ESF+", 0.6m, FundingSourceKind.EuropeanSocialFund, EsfPlus), new FundingSource("Freistaat Sachsen", 0.4m, FundingSourceKind.StateGovernment)], EsfPlus, 5_000_000m,
            new ProgrammeRules(MaxFundingRate: 0.8m, MaxAmountPerApplication: 150_000m, AllianceVoteRequired: false, DocumentDeadlineDays: 14,
                DeMinimis: false, DecisionReminderDays: 28),
            [(Leipzig, 750_000m)]),
    ];

    /// <summary>A medical student's stipend under the doctor-recruitment guideline, bound to practise in the district for five years.</summary>
    public static readonly IReadOnlyList<DemoPersonApplication> PersonApplications =
    [
        new(DemoUsers.MedicalStudent, Doctors, SachsenAnhaltSued, "Mansfeld-Südharz", PersonApplicantKind.MedicalStudent,
            new ProjectPlan("Stipendium Medizinstudium – Landarztquote Mansfeld-Südharz",
                "Stipendium von 600 EUR im Monat für zwei klinische Semester; danach Weiterbildung und Niederlassung im Landkreis.",
                new Period(new DateOnly(2026, 10, 1), new DateOnly(2027, 9, 30)), 7_200m, 7_200m, 0m, 0m, [], 1),
            new ApplicantPersonalData("Mia", "Medizin", new DateOnly(2003, 5, 17), "Markt 1", "06526", "Sangerhausen", "mia.medizin@demo.fachwerk.invalid"),
            new ImposeObligation(0, ObligationKind.PractiseInDistrict,
                "Hausärztliche Tätigkeit im Landkreis Mansfeld-Südharz für fünf Jahre nach der Facharztanerkennung",
                new DateOnly(2035, 1, 1), 60, "Bestätigung der Kassenärztlichen Vereinigung Sachsen-Anhalt über die Tätigkeit im Landkreis",
                [new DateOnly(2036, 1, 31), new DateOnly(2037, 1, 31), new DateOnly(2038, 1, 31), new DateOnly(2039, 1, 31), new DateOnly(2040, 1, 31)])),
    ];

    public static readonly IReadOnlyList<DemoApplication> Applications =
    [
        new("Expedition Job", "Viertägiges Orientierungsverfahren im Handwerk für Jugendliche mit Migrationshintergrund: Berufsbilder, " +
                              "Bewerbungsgespräche, Kurzpraktika.",
            "Haus Steinstraße e.V.", Saxony, Leipzig, "Leipzig", SchoolYear, 62_500m, 50_000m, 12_500m,
            [TargetGroup.YoungPeople, TargetGroup.PeopleWithMigrationBackground], 48, DemoStage.Approved, ApprovedAmount: 48_000m,
            Funding: new DemoFunding([12_000m], PayeeIban: "DE02 1203 0000 0000 2020 51",
                Amendment: new DemoAmendment(50_000m, new CostPlan(62_500m, 12_500m, 0m),
                    ["Zwischennachweis zum 30. April des Folgejahres", "Verwendungsnachweis binnen sechs Monaten nach Projektende",
                        "Teilnahmelisten je Modul führen"],
                    "Ein fünftes Modul (Kurzpraktika im Kfz-Handwerk) auf Antrag des Trägers; die beantragte Summe wird voll bewilligt."))),
        new("Wiedereinstieg in den Beruf – Rückkehrerinnen Hildesheim", "Coaching und Teilzeitqualifizierung für Berufsrückkehrende.",
            "Landkreis Hildesheim", LowerSaxony, LeineWeser, "Hildesheim", Year2027, 150_000m, 120_000m, 30_000m,
            [TargetGroup.ReturnersToWork], 60, DemoStage.Approved, "Agentur für Arbeit Hildesheim", 110_000m,
            Funding: new DemoFunding([], PendingRequest: 20_000m),
            // The grant scored by three reviewers before the alliance voted.
            Reviews:
            [
                new(DemoUsers.AllianceReviewer, [8, 7, 6], "Der Bedarf an Rückkehrerinnen in der Pflege ist in Hildesheim gut belegt."),
                new(DemoUsers.LabourAgencyReviewer, [9, 6, 7], "Passt zu unseren Zahlen der Berufsrückkehrenden; Teilzeitmodelle fehlen bisher."),
                new(DemoUsers.ChamberReviewer, [6, 6, 5], "Kosten je Teilnehmerin eher hoch; die Betriebe sollten früher eingebunden werden."),
            ]),
        new("Sprachkurse für Pflegekräfte aus Vietnam", "Berufsbezogene Deutschkurse B2 für angeworbene Pflegefachkräfte.",
            "Jobcenter Hildesheim", LowerSaxony, LeineWeser, "Hildesheim", new Period(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)),
            100_000m, 80_000m, 20_000m, [TargetGroup.ForeignSkilledWorkers], 24, DemoStage.Approved, "Agentur für Arbeit Hildesheim", 80_000m,
            Funding: new DemoFunding([40_000m, 40_000m], FinalProof: true, Finding: "Bewirtungskosten von 4.500 EUR sind nicht förderfähig.", Reclaim: 4_500m,
                PayeeIban: "DE95 2595 0130 0001 2345 67", PayeeBic: "NOLADE21HIK")),
        new("Ausbildungslotsen Schaumburg", "Lotsen begleiten Auszubildende und Betriebe durch das erste Ausbildungsjahr.",
            "Handwerkskammer Hildesheim-Südniedersachsen", LowerSaxony, LeineWeser, "Schaumburg", new Period(new DateOnly(2025, 2, 1), new DateOnly(2026, 1, 31)),
            37_500m, 30_000m, 7_500m, [TargetGroup.YoungPeople], 30, DemoStage.Approved, "Agentur für Arbeit Hildesheim", 30_000m,
            Funding: new DemoFunding([30_000m], FinalProof: true, PayeeIban: "DE49 2595 0130 0009 8765 43", PayeeBic: "NOLADE21HIK")),
        new("Studienabbrecher ins Handwerk", "Beratung und verkürzte Ausbildung für Studienabbrecherinnen und -abbrecher.",
            "Handwerkskammer Hildesheim-Südniedersachsen", LowerSaxony, LeineWeser, "Hildesheim", Year2027, 200_000m, 160_000m, 40_000m,
            [TargetGroup.UniversityDropouts, TargetGroup.YoungPeople], 35, DemoStage.DecisionProposed, "Agentur für Arbeit Hildesheim", 150_000m),
        new("IT-Fachkräfte für KMU im Weserbergland", "Qualifizierungsverbund für IT- und Ingenieurstellen kleiner und mittlerer Unternehmen.",
            "Industrie- und Handelskammer Hannover", LowerSaxony, LeineWeser, "Hameln-Pyrmont", Year2027, 300_000m, 240_000m, 60_000m,
            [TargetGroup.ForeignSkilledWorkers, TargetGroup.UniversityDropouts], 25, DemoStage.FormallyComplete)
        {
            // Waiting for the alliance's vote, with an external expert assigned to review it (the demo user Erika Expertin).
            ExternalExpert = DemoUsers.ExternalExpert,
        },
        new("Willkommenslotsen für Geflüchtete", "Lotsinnen begleiten Geflüchtete in Ausbildung und Arbeit.",
            "Jobcenter Hildesheim", LowerSaxony, LeineWeser, "Region Hannover", Year2027, 90_000m, 72_000m, 18_000m,
            [TargetGroup.Refugees], 80, DemoStage.DocumentsRequested),
        new("Azubi-Speed-Dating Nienburg", "Betriebe und Schulabgänger treffen sich an einem Nachmittag.",
            "Landkreis Nienburg/Weser", LowerSaxony, LeineWeser, "Nienburg", SchoolYear, 25_000m, 20_000m, 5_000m,
            [TargetGroup.YoungPeople], 200, DemoStage.Submitted),
        new("Pflege-Karrieretag Region Hannover", "Karrieretag für Pflegeberufe mit Arbeitgebern der Region.",
            "Unternehmerverbände Niedersachsen e.V.", LowerSaxony, LeineWeser, "Region Hannover", SchoolYear, 40_000m, 30_000m, 10_000m,
            [TargetGroup.YoungPeople, TargetGroup.ReturnersToWork], 300, DemoStage.Draft)
        {
            Extra = new Dictionary<string, string?>
            {
                ["ausbildungsbetriebe"] = "14", ["branche"] = "pflege", ["sachkosten"] = "6500.00", ["berufsschule"] = "true",
            },
        },
        new("Imagekampagne Fachkräfteregion", "Plakat- und Onlinekampagne ohne Zielgruppenbezug.",
            "Unternehmerverbände Niedersachsen e.V.", LowerSaxony, LeineWeser, "Schaumburg", Year2027, 80_000m, 64_000m, 16_000m,
            [TargetGroup.YoungPeople], 0, DemoStage.Rejected, "Agentur für Arbeit Hildesheim",
            Reason: "Reine Werbemaßnahme ohne Teilnehmende; nach der Förderrichtlinie nicht förderfähig."),
        new("Rückkehrertag 2027", "Jährlicher Rückkehrertag für Menschen, die in die Region zurückkehren wollen.",
            "Landkreis Mansfeld-Südharz", LabourMarketCircle, SachsenAnhaltSued, "Mansfeld-Südharz", Year2027, 30_000m, 27_000m, 3_000m,
            [TargetGroup.ReturnersToWork], 150, DemoStage.Withdrawn, Reason: "Wird aus Eigenmitteln des Landkreises finanziert."),
        new("Niederlassungsförderung Hausarztpraxis Sangerhausen", "Zuschuss zur Übernahme einer Hausarztpraxis im ländlichen Raum.",
            "Hausarztpraxis Dr. Kühn", Doctors, SachsenAnhaltSued, "Mansfeld-Südharz", Year2027, 50_000m, 50_000m, 0m,
            [TargetGroup.ForeignSkilledWorkers], 1, DemoStage.Approved, ApprovedAmount: 50_000m),
    ];
}
