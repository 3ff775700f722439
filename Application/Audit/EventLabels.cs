using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Conversations;
using Fachwerk.Domain.Experts;
using Fachwerk.Domain.Network.Activities;
using Fachwerk.Domain.Network.Actors;
using Fachwerk.Domain.Network.Cohorts;
using Fachwerk.Domain.Network.Concepts;
using Fachwerk.Domain.Network.Cooperation;
using Fachwerk.Domain.Network.Ideas;
using Fachwerk.Domain.Network.Instruments;
using Fachwerk.Domain.Network.Recommendations;
using Fachwerk.Domain.Network.Series;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.People;
using Fachwerk.Domain.Pilots;
using Fachwerk.Domain.Programmes;
using Fachwerk.Domain.Sampling;

namespace Fachwerk.Application.Audit;

/// <summary>A readable name in German (the users' language) and English.</summary>
/// <param name="De">In German, the users' language.</param>
/// <param name="En">In English.</param>
public sealed record Label(string De, string En);

/// <summary>
/// What every event type is called on auditors' screens and in case files. A test fails when an event type has no label:
/// add one here with every new event.
/// </summary>
public static class EventLabels
{
    private static readonly Dictionary<Type, Label> Labels = new()
    {
        // Organisations
        [typeof(OrganisationRegistered)] = new("Organisation registriert", "Organisation registered"),
        [typeof(DeMinimisAidGranted)] = new("De-minimis-Beihilfe gewährt", "De-minimis aid granted"),
        [typeof(DeMinimisAidAdjusted)] = new("De-minimis-Beihilfe angepasst", "De-minimis aid adjusted"),

        // People's bindings
        [typeof(BindingGranted)] = new("Zuordnung erteilt", "Binding granted"),
        [typeof(BindingRevoked)] = new("Zuordnung entzogen", "Binding revoked"),

        // The directory of external experts
        [typeof(ExpertRegistered)] = new("Gutachter/in ins Verzeichnis aufgenommen", "Expert entered in the directory"),
        [typeof(ExpertEntryChanged)] = new("Verzeichniseintrag geändert", "Expert's entry changed"),
        [typeof(ExpertWithdrawn)] = new("Gutachter/in aus dem Verzeichnis zurückgezogen", "Expert withdrawn from the directory"),

        // Alliances
        [typeof(AllianceFounded)] = new("Bündnis gegründet", "Alliance founded"),
        [typeof(AllianceRecognized)] = new("Bündnis anerkannt", "Alliance recognized"),
        [typeof(AllianceRecognitionWithdrawn)] = new("Anerkennung des Bündnisses zurückgenommen", "Alliance recognition withdrawn"),
        [typeof(MemberJoined)] = new("Mitglied aufgenommen", "Member joined"),
        [typeof(MemberLeft)] = new("Mitglied ausgeschieden", "Member left"),
        [typeof(AllianceTargetGroupsFocused)] = new("Zielgruppen festgelegt", "Target groups focused"),
        [typeof(AllianceDissolved)] = new("Bündnis aufgelöst", "Alliance dissolved"),

        // Funding programmes
        [typeof(FundingProgrammeLaunched)] = new("Förderprogramm aufgelegt", "Funding programme launched"),
        [typeof(FundingProgrammeToppedUp)] = new("Programmbudget aufgestockt", "Programme budget topped up"),
        [typeof(FundingProgrammeCut)] = new("Programmbudget gekürzt", "Programme budget cut"),
        [typeof(AlliancePlanningBudgetSet)] = new("Planungsbudget für Bündnis festgelegt", "Alliance planning budget set"),
        [typeof(FundsCommitted)] = new("Mittel gebunden", "Funds committed"),
        [typeof(FundsReleased)] = new("Mittel freigegeben", "Funds released"),
        [typeof(CommitmentAdjusted)] = new("Finanzierung der Mittelbindung angepasst", "Commitment's financing adjusted"),
        [typeof(ProgrammeEligibilitySet)] = new("Zuständigkeit und zugelassene Bündnisse festgelegt", "Funding authority and eligible alliances set"),
        [typeof(CallOpened)] = new("Förderaufruf eröffnet", "Call for applications opened"),
        [typeof(CallExtended)] = new("Einreichungsfrist des Förderaufrufs verlängert", "Call's submission window extended"),
        [typeof(CallClosed)] = new("Förderaufruf vorzeitig geschlossen", "Call for applications closed early"),
        [typeof(ReviewCriteriaSet)] = new("Bewertungskriterien festgelegt", "Review criteria set"),
        [typeof(ApplicationFormPublished)] = new("Antragsformular veröffentlicht", "Application form published"),
        [typeof(ProgrammePersonApplicantsSet)] = new("Antragsberechtigung natürlicher Personen festgelegt", "Natural persons as applicants set"),

        // Funding applications
        [typeof(ApplicationDrafted)] = new("Förderantrag angelegt", "Application drafted"),
        [typeof(ApplicationAmended)] = new("Förderantrag geändert", "Application amended"),
        [typeof(ApplicationExtraDataSet)] = new("Zusatzangaben zum Antrag gesetzt", "Application's extra data set"),
        [typeof(ApplicantPersonNamed)] = new("Natürliche Person als Antragsteller erfasst", "Natural person named as applicant"),
        [typeof(ApplicantPersonDataErased)] = new("Personendaten des Antragstellers gelöscht", "Applicant's personal data erased"),
        [typeof(CaseLegalHoldPlaced)] = new("Aufbewahrungssperre für den Fall gesetzt", "Legal hold placed on the case"),
        [typeof(CaseLegalHoldLifted)] = new("Aufbewahrungssperre für den Fall aufgehoben", "Legal hold on the case lifted"),
        [typeof(ObligationImposed)] = new("Auflage zur Zuwendung festgelegt", "Obligation imposed on the grant"),
        [typeof(ObligationEvidenceRecorded)] = new("Nachweis zur Auflage erfasst", "Evidence of an obligation recorded"),
        [typeof(ObligationEvidenceOverdue)] = new("Nachweis zur Auflage überfällig", "Evidence of an obligation overdue"),
        [typeof(ObligationBreached)] = new("Verstoß gegen Auflage festgestellt", "Obligation breached"),
        [typeof(ObligationAmended)] = new("Auflage durch Änderungsbescheid geändert", "Obligation changed by an amendment"),
        [typeof(ObligationLifted)] = new("Auflage durch Änderungsbescheid aufgehoben", "Obligation lifted by an amendment"),
        [typeof(ApplicationSubmitted)] = new("Förderantrag eingereicht", "Application submitted"),
        [typeof(DocumentsRequested)] = new("Unterlagen nachgefordert", "Documents requested"),
        [typeof(DocumentsSupplied)] = new("Unterlagen nachgereicht", "Documents supplied"),
        [typeof(DocumentAttached)] = new("Dokument hochgeladen", "Document attached"),
        [typeof(MessageWritten)] = new("Nachricht geschrieben", "Message written"),
        [typeof(InternalNoteWritten)] = new("Interne Notiz geschrieben", "Internal note written"),
        [typeof(ApplicationLapsed)] = new("Antrag wegen fehlender Unterlagen erledigt", "Application lapsed (documents missing)"),
        [typeof(ApplicationFormallyCompleted)] = new("Antrag formal vollständig", "Application formally complete"),
        [typeof(AllianceVoteCast)] = new("Votum des Bündnisses abgegeben", "Alliance vote cast"),
        [typeof(DecisionProposed)] = new("Entscheidung vorgeschlagen", "Decision proposed"),
        [typeof(DecisionReturned)] = new("Entscheidungsvorschlag zurückgegeben", "Decision proposal returned"),
        [typeof(DecisionConfirmed)] = new("Entscheidung mitgezeichnet (Vier-Augen-Prinzip)", "Decision confirmed (four-eyes)"),
        [typeof(ApplicationRejected)] = new("Antrag abgelehnt", "Application rejected"),
        [typeof(ApplicationApproved)] = new("Antrag bewilligt", "Application approved"),
        [typeof(ApprovalBlocked)] = new("Bewilligung blockiert (Mittel fehlen)", "Approval blocked (funds short)"),
        [typeof(ApprovedAmountReduced)] = new("Bewilligte Summe herabgesetzt", "Approved amount reduced"),
        [typeof(AmendmentProposed)] = new("Änderungsbescheid vorgeschlagen", "Amendment proposed"),
        [typeof(AmendmentConfirmed)] = new("Änderungsbescheid mitgezeichnet", "Amendment confirmed"),
        [typeof(AmendmentReturned)] = new("Änderungsbescheid zurückgegeben", "Amendment returned"),
        [typeof(AmendmentBlocked)] = new("Änderungsbescheid mangels Mittel blockiert", "Amendment blocked"),
        [typeof(DecisionAmended)] = new("Bescheid geändert (neue Fassung)", "Decision amended (new version)"),
        [typeof(ApplicationWithdrawn)] = new("Antrag zurückgezogen", "Application withdrawn"),
        [typeof(DecisionReminderRaised)] = new("Erinnerung: Entscheidung überfällig", "Reminder: decision overdue"),
        [typeof(CaseAssigned)] = new("Fall zugewiesen", "Case assigned"),
        [typeof(CaseReleased)] = new("Fall an die Warteschlange zurückgegeben", "Case released to the queue"),
        [typeof(PayeeAccountProposed)] = new("Zahlungsempfänger-Konto vorgeschlagen", "Payee account proposed"),
        [typeof(PayeeAccountConfirmed)] = new("Zahlungsempfänger-Konto bestätigt", "Payee account confirmed"),
        [typeof(ReviewerAssigned)] = new("Begutachtung zugewiesen", "Reviewer assigned"),
        [typeof(ReviewerConflictDeclared)] = new("Interessenkonflikt bei der Begutachtung erklärt", "Reviewer declared a conflict of interest"),
        [typeof(ApplicationReviewed)] = new("Gutachten abgegeben", "Application reviewed"),

        // After approval: payments, proofs of use, checks, reclaims, closure
        [typeof(PaymentRequested)] = new("Mittelabruf gestellt", "Payment requested"),
        [typeof(PaymentRequestChecked)] = new("Mittelabruf geprüft", "Payment request checked"),
        [typeof(PaymentRequestRefused)] = new("Mittelabruf abgelehnt", "Payment request refused"),
        [typeof(PaymentReleased)] = new("Auszahlung angewiesen", "Payment released"),
        [typeof(ProofOfUseSubmitted)] = new("Verwendungsnachweis eingereicht", "Proof of use submitted"),
        [typeof(ProofOfUseOverdue)] = new("Verwendungsnachweis überfällig", "Proof of use overdue"),
        [typeof(ProofOfUseDeadlineExtended)] = new("Frist für Verwendungsnachweis verlängert", "Proof of use deadline extended"),
        [typeof(ProofOfUseFirstCheckCompleted)] = new("Verwendungsnachweis geprüft (Erstprüfung)", "Proof of use checked (first check)"),
        [typeof(ProofOfUseSelectedForInDepthCheck)] = new("Für vertiefte Prüfung ausgewählt", "Selected for in-depth check"),
        [typeof(ProofOfUseInDepthCheckCompleted)] = new("Vertiefte Prüfung abgeschlossen", "In-depth check completed"),
        [typeof(ReclaimDemanded)] = new("Rückforderung festgesetzt", "Reclaim demanded"),
        [typeof(RepaymentReceived)] = new("Rückzahlung eingegangen", "Repayment received"),
        [typeof(ApplicationClosed)] = new("Förderfall abgeschlossen", "Case closed"),

        // In-depth check samples
        [typeof(InDepthSampleDrawn)] = new("Stichprobe für vertiefte Prüfungen gezogen", "In-depth check sample drawn"),

        // Pilot projects
        [typeof(PilotLaunched)] = new("Pilotprojekt gestartet", "Pilot project launched"),
        [typeof(PilotPartnerJoined)] = new("Partner beigetreten", "Partner joined"),
        [typeof(PilotServicesOffered)] = new("Leistungsangebot festgelegt", "Services offered"),
        [typeof(PilotPhaseExtended)] = new("Pilotphase verlängert", "Pilot phase extended"),
        [typeof(PilotCompanyEnrolled)] = new("Unternehmen aufgenommen", "Company enrolled"),
        [typeof(PilotParticipantEnrolled)] = new("Teilnehmende Person aufgenommen", "Participant enrolled"),
        [typeof(PilotParticipantDataCorrected)] = new("Personendaten berichtigt", "Personal data corrected"),
        [typeof(PilotParticipantDocumentAttached)] = new("Dokument der teilnehmenden Person verschlüsselt abgelegt", "Participant's document stored (sealed)"),
        [typeof(PilotParticipantReferred)] = new("An Unternehmen vermittelt", "Participant referred"),
        [typeof(PilotParticipantPlaced)] = new("In Beschäftigung vermittelt", "Participant placed"),
        [typeof(PilotServiceDelivered)] = new("Leistung erbracht", "Service delivered"),
        [typeof(PilotInterculturalTrainingHeld)] = new("Interkulturelles Training durchgeführt", "Intercultural training held"),
        [typeof(PilotSpendingRecorded)] = new("Ausgabe verbucht", "Spending recorded"),
        [typeof(PilotSpendingCorrected)] = new("Ausgabe korrigiert", "Spending corrected"),
        [typeof(PilotSpendingCancelled)] = new("Ausgabe storniert", "Spending cancelled"),
        [typeof(PilotEvaluationDue)] = new("Auswertung der Pilotphase fällig", "Pilot evaluation due"),
        [typeof(PilotContinuationDecided)] = new("Über Fortführung entschieden", "Continuation decided"),
        [typeof(PilotLegalHoldPlaced)] = new("Aufbewahrungspflicht angeordnet", "Legal hold placed"),
        [typeof(PilotLegalHoldLifted)] = new("Aufbewahrungspflicht aufgehoben", "Legal hold lifted"),
        [typeof(PilotParticipantDataErased)] = new("Personendaten gelöscht", "Personal data erased"),

        // The regional network: actors and cooperation agreements
        [typeof(NetworkActorEstablished)] = new("Netzwerkakteur gegründet", "Network actor established"),
        [typeof(ActorMemberJoined)] = new("Mitglied des Netzwerkakteurs aufgenommen", "Network actor's member joined"),
        [typeof(ActorMemberLeft)] = new("Mitglied des Netzwerkakteurs ausgeschieden", "Network actor's member left"),
        [typeof(ContactPersonNamed)] = new("Ansprechperson benannt", "Contact person named"),
        [typeof(ContactPersonDataErased)] = new("Personendaten der Ansprechperson gelöscht", "Contact person's personal data erased"),
        [typeof(CooperationAgreementConcluded)] = new("Kooperationsvereinbarung geschlossen", "Cooperation agreement concluded"),
        [typeof(CooperationAgreementExtended)] = new("Kooperationsvereinbarung verlängert", "Cooperation agreement extended"),
        [typeof(CooperationAgreementTerminated)] = new("Kooperationsvereinbarung beendet", "Cooperation agreement terminated"),

        // The regional network: activities and their series
        [typeof(ActivitySeriesStarted)] = new("Veranstaltungsreihe begonnen", "Activity series started"),
        [typeof(ActivityPlanned)] = new("Aktivität geplant", "Activity planned"),
        [typeof(ActivityReplanned)] = new("Aktivität umgeplant", "Activity replanned"),
        [typeof(ActivityAnnounced)] = new("Aktivität angekündigt", "Activity announced"),
        [typeof(ActivityFundingLinked)] = new("Förderantrag zugeordnet", "Funding application linked"),
        [typeof(RegistrationReceived)] = new("Anmeldung eingegangen", "Registration received"),
        [typeof(RegistrationCancelled)] = new("Anmeldung storniert", "Registration cancelled"),
        [typeof(RegistrationMovedUp)] = new("Von der Warteliste nachgerückt", "Moved up from the waiting list"),
        [typeof(RegistrantDataErased)] = new("Personendaten der angemeldeten Person gelöscht", "Registrant's personal data erased"),
        [typeof(ActivityHeld)] = new("Aktivität durchgeführt", "Activity held"),
        [typeof(SpeakerRecorded)] = new("Referent/in erfasst", "Speaker recorded"),
        [typeof(SpeakerDataErased)] = new("Personendaten der Referentin/des Referenten gelöscht", "Speaker's personal data erased"),
        [typeof(ActivityReported)] = new("Ergebnisse berichtet", "Results reported"),
        [typeof(ActivityCancelled)] = new("Aktivität abgesagt", "Activity cancelled"),

        // The regional network: instruments
        [typeof(InstrumentIntroduced)] = new("Instrument eingeführt", "Instrument introduced"),
        [typeof(InstrumentUsed)] = new("Instrument eingesetzt", "Instrument used"),
        [typeof(CareerChoiceSealAwarded)] = new("Berufswahl-Siegel verliehen", "Career-choice seal awarded"),
        [typeof(CareerChoiceSealRenewed)] = new("Berufswahl-Siegel verteidigt", "Career-choice seal renewed"),

        // The regional network: programmes of people and concepts
        [typeof(CohortOpened)] = new("Programmdurchlauf begonnen", "Cohort opened"),
        [typeof(CohortParticipantEnrolled)] = new("Teilnehmende Person in den Programmdurchlauf aufgenommen", "Cohort participant enrolled"),
        [typeof(CohortParticipantDataErased)] = new("Personendaten der teilnehmenden Person im Programmdurchlauf gelöscht", "Cohort participant's personal data erased"),
        [typeof(CohortSessionHeld)] = new("Workshop durchgeführt", "Session held"),
        [typeof(CohortFinalPresentationHeld)] = new("Abschlusspräsentation gehalten", "Final presentation held"),
        [typeof(ConceptDeveloped)] = new("Konzept entwickelt", "Concept developed"),
        [typeof(ConceptAdoptedAsProject)] = new("Konzept wird Projekt", "Concept adopted as project"),
        [typeof(ConceptLinkedToApplication)] = new("Förderantrag zum Konzept zugeordnet", "Concept linked to its funding application"),

        // The regional network: an alliance's project ideas and recommendations
        [typeof(ProjectIdeaRecorded)] = new("Projektidee erfasst", "Project idea recorded"),
        [typeof(ProjectIdeaPartnerCommitted)] = new("Partner für Projektidee gewonnen", "Partner committed to project idea"),
        [typeof(ProjectIdeaRealised)] = new("Projektidee durch Förderantrag umgesetzt", "Project idea realised by an application"),
        [typeof(ProjectIdeaDropped)] = new("Projektidee aufgegeben", "Project idea dropped"),
        [typeof(RecommendationIssued)] = new("Empfehlung an Kommune gegeben", "Recommendation issued"),
        [typeof(RecommendationFollowedUp)] = new("Umsetzung der Empfehlung erfasst", "Recommendation followed up"),
    };

    /// <summary>The event types that have a label.</summary>
    public static IReadOnlyCollection<Type> Known => Labels.Keys;

    public static bool Has(Type eventType) => Labels.ContainsKey(eventType);

    /// <summary>An external expert's assignment, told apart from an alliance reviewer's where a case's steps are listed.</summary>
    public static readonly Label ExternalReviewerAssigned = new("Begutachtung zugewiesen (extern)", "Reviewer assigned (external)");

    /// <summary>
    /// The label of one event: its type's, or a more precise one where the event itself says more than its type (an external
    /// expert's assignment). Lists of kinds (a timeline's filter) keep the type's label.
    /// </summary>
    public static Label Of(object? data, Type? eventType) => data switch
    {
        ReviewerAssigned { External: true } => ExternalReviewerAssigned,
        _ => For(eventType),
    };

    /// <summary>The label of an event type; an unlabelled type (a gap the tests report) shows its technical name in both languages.</summary>
    public static Label For(Type? eventType) =>
        eventType is not null && Labels.TryGetValue(eventType, out var label) ? label : new Label(eventType?.Name ?? "?", eventType?.Name ?? "?");
}
