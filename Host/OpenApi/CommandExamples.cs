using Fachwerk.Application.Alliances;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Conversations;
using Fachwerk.Application.Experts;
using Fachwerk.Application.Organisations;
using Fachwerk.Application.People;
using Fachwerk.Application.Pilots;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.People;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;
using PilotFundingSource = Fachwerk.Domain.Pilots.FundingSource;
using ProgrammeFundingSource = Fachwerk.Domain.Programmes.FundingSource;

namespace Fachwerk.Host.OpenApi;

/// <summary>
/// One example body per command, shown in the API reference beside the command's schema. They are written as the
/// command records themselves, so they compile against the real types, and the OpenAPI document test checks each against
/// its validator and its schema (and sends the creating ones to a fresh store). The names are the articles' (Leine-Weser,
/// Haus Steinstraße e.V., the Magdeburg relocation pilot); the ids are placeholders for ids read from the API.
/// </summary>
public static class CommandExamples
{
    private static readonly Guid OrganisationId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e01");
    private static readonly Guid ProgrammeId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e02");
    private static readonly Guid AllianceId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e03");
    private static readonly Guid CompanyId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e04");
    private static readonly Guid ApplicationId = Guid.Parse("0197a3f0-6b1e-7c2d-9e4f-1a2b3c4d5e05");

    private static readonly ProjectPlan Plan = new(
        "Expedition Job",
        "Young people of the region discover skilled trades in two-week placements with local companies.",
        new Period(new DateOnly(2027, 1, 1), new DateOnly(2028, 12, 31)),
        TotalCosts: 120_000m, RequestedAmount: 90_000m, OwnContribution: 30_000m, ThirdPartyFunding: 0m,
        [TargetGroup.YoungPeople], PlannedParticipants: 60);

    private static readonly ParticipantPersonalData Person = new("Jana", "Ozola", new DateOnly(1994, 5, 17), "LV", "jana.ozola@example.org");

    private static readonly Fachwerk.Application.Audit.ChainHead[] EarlierHeads =
        [new(OrganisationId, 1, "5d1e3f0a9b7c4e2d8f6a1b3c5e7d9f0a2b4c6d8e0f1a3b5c7d9e1f3a5b7c9d1e")];

    private static readonly Fachwerk.Application.Audit.ChainDigest EarlierDigest = new(
        Fachwerk.Application.Audit.EventChainHash.Scheme, Fachwerk.Application.Audit.ChainDigest.Algorithm,
        new DateTimeOffset(2027, 3, 31, 16, 0, 0, TimeSpan.Zero), "petra.pruefung", true, 1, 1,
        Fachwerk.Application.Audit.EventChainHash.Digest(EarlierHeads), EarlierHeads, []);

    public static readonly IReadOnlyDictionary<Type, object> ByCommand = new Dictionary<Type, object>
    {
        // Notifications
        [typeof(Fachwerk.Application.Notifications.ChangeNotificationPreferences)] = new Fachwerk.Application.Notifications.ChangeNotificationPreferences(
            new Dictionary<Fachwerk.Application.Notifications.NotificationKind, Fachwerk.Application.Notifications.Delivery>
            {
                [Fachwerk.Application.Notifications.NotificationKind.DocumentsDueReminder] = Fachwerk.Application.Notifications.Delivery.Off,
                [Fachwerk.Application.Notifications.NotificationKind.NewSubmission] = Fachwerk.Application.Notifications.Delivery.Digest,
            }),
        // Organisations and alliances
        [typeof(RegisterOrganisation)] = new RegisterOrganisation("Haus Steinstraße e.V.", OrganisationKind.Association, "Hameln"),
        [typeof(FoundAlliance)] = new FoundAlliance("Fachkräftebündnis Leine-Weser", FederalState.Niedersachsen,
            ["Nienburg", "Schaumburg", "Hameln-Pyrmont", "Holzminden", "Hildesheim", "Region Hannover"],
            "Amt für regionale Landesentwicklung Leine-Weser", new DateOnly(2026, 2, 1)),
        [typeof(RecognizeAlliance)] = new RecognizeAlliance(1, "Niedersächsisches Ministerium für Wirtschaft, Arbeit, Verkehr und Digitalisierung",
            new DateOnly(2026, 3, 2), new Period(new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31))),
        [typeof(WithdrawAllianceRecognition)] = new WithdrawAllianceRecognition(4, new DateOnly(2027, 6, 30), "The alliance no longer meets the recognition criteria."),
        [typeof(AdmitMember)] = new AdmitMember(2, OrganisationId, new DateOnly(2026, 3, 15)),
        [typeof(RecordMemberLeaving)] = new RecordMemberLeaving(5, new DateOnly(2027, 1, 31), "The association merged with another member."),
        [typeof(FocusOnTargetGroups)] = new FocusOnTargetGroups(3, [TargetGroup.ReturnersToWork, TargetGroup.ForeignSkilledWorkers]),
        [typeof(DissolveAlliance)] = new DissolveAlliance(9, new DateOnly(2029, 12, 31), "The funding period ended and the members did not renew the alliance."),

        // Programmes
        [typeof(LaunchProgramme)] = new LaunchProgramme("Fachkräftesicherung Niedersachsen 2026-2029",
            [new ProgrammeFundingSource("ESF+", 0.8m, FundingSourceKind.EuropeanSocialFund, new Period(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31))), new ProgrammeFundingSource("Land Niedersachsen", 0.2m, FundingSourceKind.StateGovernment)],
            new Period(new DateOnly(2026, 1, 1), new DateOnly(2029, 12, 31)), 26_000_000m,
            new ProgrammeRules(MaxFundingRate: 0.75m, MaxAmountPerApplication: 250_000m, AllianceVoteRequired: true,
                DocumentDeadlineDays: 14, DeMinimis: false, DecisionReminderDays: 60)),
        [typeof(TopUpProgramme)] = new TopUpProgramme(3, 2_000_000m, "Unspent funds of the previous period were carried over."),
        [typeof(CutProgramme)] = new CutProgramme(4, 500_000m, "The state budget for 2027 was reduced."),
        [typeof(SetPlanningBudget)] = new SetPlanningBudget(5, 3_250_000m),
        [typeof(SetPersonApplicants)] = new SetPersonApplicants(7, [PersonApplicantKind.MedicalStudent, PersonApplicantKind.Doctor], 10),
        [typeof(SetReviewCriteria)] = new SetReviewCriteria(6,
        [
            new ReviewCriterion("Bedarf in der Region", 40, "Fehlt ein solches Angebot in der Region, und wer braucht es?"),
            new ReviewCriterion("Wirkung", 30, "Wie viele Fachkräfte gewinnt oder hält das Vorhaben, und wie nachhaltig?"),
            new ReviewCriterion("Kosten", 30, "Stehen die Kosten in einem angemessenen Verhältnis zur Wirkung?"),
        ], AllowsExternalExperts: true),
        [typeof(PublishApplicationForm)] = new PublishApplicationForm(7,
        [
            new FormField("betriebe", FormFieldKind.Number, true, new LocalText("Anzahl Ausbildungsbetriebe", "Number of training companies"),
                new LocalText("Betriebe mit unterschriebener Kooperationsvereinbarung", "Companies with a signed cooperation agreement"), Min: 1, Max: 50),
            new FormField("branche", FormFieldKind.Choice, true, new LocalText("Branche", "Sector"), Choices:
            [
                new FieldChoice("handwerk", new LocalText("Handwerk", "Crafts")), new FieldChoice("pflege", new LocalText("Pflege", "Care")),
            ]),
            new FormField("kooperation", FormFieldKind.YesNo, false, new LocalText("Kooperation mit einer Berufsschule", "Cooperation with a vocational school")),
        ]),
        [typeof(SetProgrammeEligibility)] = new SetProgrammeEligibility(2,
            new FundingAuthority("Niedersächsisches Ministerium für Wirtschaft, Verkehr, Bauen und Digitalisierung", AuthorityLevel.State,
                FederalState.Niedersachsen),
            new AllianceEligibility(EligibleAlliances.RecognizedInState, FederalState.Niedersachsen)),
        [typeof(OpenCall)] = new OpenCall(3, "2. Förderaufruf 2026", new Period(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 31)), 4_000_000m,
            LateSubmissions: LateSubmissions.AcceptedAsLate),
        [typeof(ExtendCall)] = new ExtendCall(4, new DateOnly(2026, 11, 15), "Many applicants asked for more time after the autumn holidays."),
        [typeof(CloseCall)] = new CloseCall(5, "The call's budget is fully requested."),
        [typeof(DrawInDepthSample)] = new DrawInDepthSample(new Period(new DateOnly(2027, 1, 1), new DateOnly(2027, 12, 31))),
        // audit-ui: a digest sent back for comparison, as GET /api/audit/chains/digest wrote it.
        [typeof(Fachwerk.Application.Audit.ChainDigest)] = EarlierDigest,

        // Applications up to the decision
        [typeof(DraftApplication)] = new DraftApplication(OrganisationId, ProgrammeId, AllianceId, "Hameln-Pyrmont", Plan),
        [typeof(DraftPersonApplication)] = new DraftPersonApplication(ProgrammeId, AllianceId, "Mansfeld-Südharz", PersonApplicantKind.MedicalStudent,
            new ProjectPlan("Stipendium Medizinstudium", "Stipend for the clinical semesters against practising in the district for five years.",
                new Period(new DateOnly(2027, 4, 1), new DateOnly(2030, 3, 31)), TotalCosts: 21_600m, RequestedAmount: 21_600m, OwnContribution: 0m,
                ThirdPartyFunding: 0m, [TargetGroup.YoungPeople], PlannedParticipants: 1),
            new ApplicantPersonalData("Lena", "Hartmann", new DateOnly(2001, 8, 14), "Bahnhofstraße 12", "06526", "Sangerhausen",
                "lena.hartmann@example.org")),
        [typeof(EraseApplicantPersonData)] = new EraseApplicantPersonData(31, ErasureGround.ConsentWithdrawn, new DateOnly(2041, 2, 3), "DSGVO-2041-004"),
        [typeof(PlaceCaseLegalHold)] = new PlaceCaseLegalHold(30, new DateOnly(2040, 12, 31), "Audit of the district's court of auditors"),
        [typeof(LiftCaseLegalHold)] = new LiftCaseLegalHold(31, "The court of auditors closed its audit."),
        [typeof(AmendApplication)] = new AmendApplication(1, Plan with { PlannedParticipants = 80 }),
        [typeof(SetExtraData)] = new SetExtraData(2, new Dictionary<string, string?> { ["betriebe"] = "12", ["branche"] = "handwerk", ["kooperation"] = "true" }),
        [typeof(SubmitApplication)] = new SubmitApplication(2),
        [typeof(WithdrawApplication)] = new WithdrawApplication(4, "The project partner withdrew; the project cannot start."),
        [typeof(RequestDocuments)] = new RequestDocuments(3, ["Statutes of the association", "Financing plan signed by the board"]),
        [typeof(SupplyDocuments)] = new SupplyDocuments(4, ["dms://haus-steinstrasse/2027/statutes.pdf", "dms://haus-steinstrasse/2027/financing-plan.pdf"]),
        [typeof(CompleteFormally)] = new CompleteFormally(5),
        [typeof(WriteMessage)] = new WriteMessage(2, ApplicationId,
            "Guten Tag Frau Antrag,\nbitte erläutern Sie die Position \"Honorare\" im Finanzierungsplan.\nMit freundlichen Grüßen"),
        [typeof(WriteInternalNote)] = new WriteInternalNote(3, ApplicationId, "Honorarsätze liegen über der Richtlinie; mit Referat 32 abstimmen."),
        [typeof(MarkConversationRead)] = new MarkConversationRead(2, 1),
        [typeof(CastAllianceVote)] = new CastAllianceVote(6, OrganisationId, true,
            "The project addresses the region's shortage in skilled trades and involves twelve local companies.",
            new Dictionary<string, int> { ["regional relevance"] = 9, ["sustainability"] = 7 }, DeclaresNoConflictOfInterest: true),
        [typeof(AssignReviewer)] = new AssignReviewer(5, "bruno.buendnis", "Bruno Bündnisbüro (Leine-Weser)"),
        [typeof(RegisterExpert)] = new RegisterExpert("erika.expertin", "Prof. Dr. Erika Expertin", "Hochschule Hannover",
            ["Arbeitsmarktpolitik", "Evaluation von Förderprogrammen"], "erika.expertin@hs-hannover.example"),
        [typeof(ChangeExpertEntry)] = new ChangeExpertEntry(1, "Prof. Dr. Erika Expertin", "Hochschule Hannover",
            ["Arbeitsmarktpolitik", "Evaluation von Förderprogrammen", "Fachkräftesicherung"], "erika.expertin@hs-hannover.example"),
        [typeof(WithdrawExpert)] = new WithdrawExpert(2, "Rahmenvertrag mit der Hochschule ausgelaufen"),
        [typeof(SubmitReview)] = new SubmitReview(6,
            new Dictionary<string, int> { ["Bedarf in der Region"] = 8, ["Wirkung"] = 6, ["Kosten"] = 7 },
            "Der Bedarf ist belegt; die Kosten je Teilnehmerin liegen im üblichen Rahmen.", DeclaresNoConflictOfInterest: true),
        [typeof(DeclareReviewConflict)] = new DeclareReviewConflict(6, "Meine Schwester leitet das Projekt beim Antragsteller."),
        [typeof(ProposeDecision)] = new ProposeDecision(7, DecisionKind.Approve, 90_000m, ["Interim report after the first year"],
            RetainedFinalInstalment: 9_000m),
        [typeof(ConfirmDecision)] = new ConfirmDecision(8),
        [typeof(ReturnDecision)] = new ReturnDecision(8, "The own contribution is not covered by the financing plan."),
        [typeof(ProposeAmendment)] = new ProposeAmendment(14, "Zwölf statt acht Teilnehmende; Antrag vom 3. März.", new DateOnly(2027, 4, 1),
            Amount: 108_000m, ProjectEnd: new DateOnly(2027, 11, 30), CostPlan: new CostPlan(135_000m, 27_000m, 0m)),
        [typeof(ConfirmAmendment)] = new ConfirmAmendment(15),
        [typeof(ReturnAmendment)] = new ReturnAmendment(15, "The effective date lies before the applicant's request."),

        // Who works on a case
        [typeof(AssignCase)] = new AssignCase(3, "carsten.sachbearbeitung", "Carsten knows the applicant from an earlier project."),
        [typeof(ReleaseCase)] = new ReleaseCase(4, "Back to the queue while Carsten is on leave."),

        // The account the grant is paid into
        [typeof(ProposePayeeAccount)] = new ProposePayeeAccount(9, "DE89 3704 0044 0532 0130 00", "COBADEFFXXX", "Haus Steinstraße e. V.",
            "The association moved its account."),
        [typeof(ConfirmPayeeAccount)] = new ConfirmPayeeAccount(10),

        // After approval
        [typeof(RequestPayment)] = new RequestPayment(11, 30_000m, new DateOnly(2027, 4, 1), OwnAndThirdPartySpent: 10_000m),
        [typeof(CheckPaymentRequest)] = new CheckPaymentRequest(12),
        [typeof(RefusePaymentRequest)] = new RefusePaymentRequest(12, "The requested amount is not needed within the next two months."),
        [typeof(ReleasePayment)] = new ReleasePayment(13, new DateOnly(2027, 4, 15)),
        [typeof(ReduceApprovedAmount)] = new ReduceApprovedAmount(14, 80_000m, "Fewer participants than planned: the eligible costs fall."),
        [typeof(SubmitProofOfUse)] = new SubmitProofOfUse(15, "Fourteen placements in nine companies; four participants started an apprenticeship.",
            new Dictionary<string, decimal> { ["staff"] = 38_000m, ["materials"] = 4_500m }, 14_000m, 0m,
            [new Receipt("R-2027-0142", new DateOnly(2027, 9, 30), 4_500m, "materials")]),
        [typeof(ExtendProofOfUseDeadline)] = new ExtendProofOfUseDeadline(16, new DateOnly(2028, 6, 30), "The auditor's certificate is delayed."),
        [typeof(CompleteProofCheck)] = new CompleteProofCheck(17, [new Finding("Receipt R-2027-0142 is dated after the project period.", 4_500m)]),
        [typeof(DemandReclaim)] = new DemandReclaim(18, 4_500m, "Costs outside the project period are not eligible.", new DateOnly(2028, 9, 30)),
        [typeof(ImposeObligation)] = new ImposeObligation(21, ObligationKind.PractiseInDistrict, "Ärztliche Tätigkeit im Landkreis Mansfeld-Südharz für fünf Jahre",
            new DateOnly(2030, 10, 1), 60, "Bestätigung der Kassenärztlichen Vereinigung Sachsen-Anhalt", [new DateOnly(2031, 10, 31), new DateOnly(2032, 10, 31)]),
        [typeof(RecordObligationEvidence)] = new RecordObligationEvidence(22, new DateOnly(2031, 10, 31), "Bestätigung der KV Sachsen-Anhalt vom 2031-10-20"),
        [typeof(RecordObligationBreach)] = new RecordObligationBreach(23, 27, new DateOnly(2033, 3, 31)),
        [typeof(RecordRepayment)] = new RecordRepayment(19, 4_500m, new DateOnly(2028, 9, 12)),
        [typeof(CloseCase)] = new CloseCase(20, "The final proof of use was checked; 5,000 EUR of the grant were not called."),

        // People's bindings
        [typeof(GrantBinding)] = new GrantBinding(0, "anna.antrag", BindingKind.Organisation, OrganisationId,
            "Managing director of Haus Steinstraße e.V. since 1 April 2026 (letter of the board, file 2026-114)."),
        [typeof(RevokeBinding)] = new RevokeBinding(3, "anna.antrag", BindingKind.Organisation, OrganisationId,
            "Left Haus Steinstraße e.V. on 30 June 2026."),

        // Pilots
        [typeof(LaunchPilot)] = new LaunchPilot("Relocation Service Magdeburg", "Landeshauptstadt Magdeburg, Fachbereich Wirtschaft",
            new Period(new DateOnly(2026, 4, 1), new DateOnly(2027, 12, 31)),
            [new PilotFundingSource("ESF+", FundingSourceKind.EuropeanSocialFund, 400_000m, new Period(new DateOnly(2021, 1, 1), new DateOnly(2027, 12, 31)),
                [PilotCostCategory.Staff, PilotCostCategory.ExternalServices, PilotCostCategory.Travel]),
             new PilotFundingSource("Ministerium für Arbeit, Soziales, Gesundheit und Gleichstellung", FundingSourceKind.StateGovernment, null)],
            [PilotService.HousingSearch, PilotService.VisitsToAuthorities, PilotService.LanguageCourse]),
        [typeof(AddPilotPartner)] = new AddPilotPartner(1, "Daugavpils city council", "LV", "recruiting partner abroad", new DateOnly(2026, 4, 15)),
        [typeof(OfferPilotServices)] = new OfferPilotServices(2, [PilotService.HousingSearch, PilotService.Childcare, PilotService.School]),
        [typeof(EnrolCompany)] = new EnrolCompany(3, "Elektro Schulze GmbH", "Magdeburg", 4, ["electrician", "mechatronics technician"], new DateOnly(2026, 5, 4)),
        [typeof(EnrolParticipant)] = new EnrolParticipant(4, ParticipantKind.SkilledWorker, new DateOnly(2026, 5, 11), null, Person),
        [typeof(CorrectParticipantData)] = new CorrectParticipantData(5, Person with { Phone = "+49 391 555 0142" }),
        [typeof(ReferParticipant)] = new ReferParticipant(6, CompanyId, new DateOnly(2026, 5, 20)),
        [typeof(PlaceParticipant)] = new PlaceParticipant(7, CompanyId, new DateOnly(2026, 6, 1)),
        [typeof(DeliverService)] = new DeliverService(8, PilotService.HousingSearch, new DateOnly(2026, 5, 25)),
        [typeof(EraseParticipantData)] = new EraseParticipantData(9, ErasureGround.ConsentWithdrawn, new DateOnly(2027, 2, 3), "DSGVO-2027-017"),
        [typeof(HoldInterculturalTraining)] = new HoldInterculturalTraining(10, [CompanyId], new DateOnly(2026, 9, 17)),
        [typeof(RecordPilotSpending)] = new RecordPilotSpending(10, "ESF+", PilotCostCategory.ExternalServices, 1_840.50m, new DateOnly(2026, 9, 30),
            "German course B1, September, invoice 2026-117"),
        [typeof(CorrectPilotSpending)] = new CorrectPilotSpending(11, "ESF+", PilotCostCategory.ExternalServices, 1_480.50m, new DateOnly(2026, 9, 30),
            "Typing error: the invoice says 1,480.50 EUR.", "German course B1, September, invoice 2026-117"),
        [typeof(CancelPilotSpending)] = new CancelPilotSpending(12, "Recorded twice: the same invoice 2026-117 is booked on 2026-09-30."),
        [typeof(ExtendPilotPhase)] = new ExtendPilotPhase(11, new DateOnly(2028, 6, 30), "Enrolments started three months late."),
        [typeof(DecideContinuation)] = new DecideContinuation(12, ContinuationDecision.Continue,
            ["Demand was stable over the last six months.", "The city council approved the budget."], new DateOnly(2027, 12, 1),
            ContinuedUntil: new DateOnly(2029, 12, 31)),
        [typeof(PlaceLegalHold)] = new PlaceLegalHold(13, new DateOnly(2033, 12, 31), "ESF+ retention of records, Art. 82 of Regulation (EU) 2021/1060"),
        [typeof(LiftLegalHold)] = new LiftLegalHold(14, "The retention period ended."),
    }.Concat(NetworkCommandExamples.ByCommand).ToDictionary();
}
