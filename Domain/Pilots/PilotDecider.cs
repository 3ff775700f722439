using Fachwerk.Domain.Common;

namespace Fachwerk.Domain.Pilots;

/// <summary>
/// Pure decisions for pilot projects: given the current state and an intent, the events to append, or a
/// <see cref="RuleViolation"/>. "Today" is the day of the stamp (UTC): business dates may lie in the past (history is
/// recorded later), never in the future.
/// </summary>
public static class PilotDecider
{
    /// <summary>Who records what the system itself notices (the scheduled evaluation).</summary>
    public const string SystemActor = "system:pilot-evaluation";

    /// <summary>Interns come for a limited period: at most this many months.</summary>
    public const int MaxInternshipMonths = 12;

    /// <summary>
    /// Launches the pilot. A pilot phase that has already ended (history recorded later) makes the evaluation due at
    /// once; otherwise the caller schedules <see cref="EvaluationDueAt"/>.
    /// </summary>
    public static IReadOnlyList<object> Launch(Guid pilotId, PilotCharter charter, Stamp stamp)
    {
        var (name, sponsor, pilotPhase, fundingSources, offeredServices) = charter;
        if (pilotPhase.To < pilotPhase.From)
            throw new RuleViolation("pilot.invalid-phase", "The pilot phase ends before it starts.");
        var sources = fundingSources.Select(s => s with { Name = s.Name.Trim() }).ToList();
        var duplicate = sources.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new RuleViolation("pilot.duplicate-funding-source", $"Funding source '{duplicate.Key}' is listed more than once.");
        var notEu = sources.FirstOrDefault(s => s.EuFundingPeriod is not null && !s.IsEuFunds());
        if (notEu is not null)
            throw new RuleViolation("pilot.eu-period-not-eu-funds", $"Only EU funds (ESF+, ERDF) have an EU funding period; '{notEu.Name}' is {notEu.Kind}.");
        var services = offeredServices.Distinct().Order().ToList();
        if (services.Count == 0)
            throw new RuleViolation("pilot.no-services", "A pilot offers at least one service.");

        var launched = new PilotLaunched(pilotId, name.Trim(), sponsor.Trim(), pilotPhase, sources, services, stamp.By, stamp.At);
        return [launched, .. MarkEvaluationDue(Pilot.Evolve(null, launched), stamp)];
    }

    /// <summary>When the scheduled evaluation is to look at the pilot: the start of the day after the phase (UTC).</summary>
    public static DateTimeOffset EvaluationDueAt(Period pilotPhase) =>
        new(pilotPhase.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public static PilotPartnerJoined AddPartner(
        Pilot pilot, Guid partnerId, string name, string country, string role, DateOnly joinedOn, Stamp stamp)
    {
        EnsureNotEnded(pilot);
        EnsureNotInFuture(joinedOn, stamp);
        var existing = pilot.Partners.Values.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
            throw new RuleViolation("pilot.partner-already-listed", $"'{existing.Name}' has been a partner of '{pilot.Name}' since {existing.JoinedOn:yyyy-MM-dd}.");

        return new PilotPartnerJoined(pilot.Id, partnerId, name.Trim(), country.Trim().ToUpperInvariant(), role.Trim(), joinedOn, stamp.By, stamp.At);
    }

    /// <summary>Sets the services offered; an unchanged offer records nothing.</summary>
    public static IReadOnlyList<object> OfferServices(Pilot pilot, IEnumerable<PilotService> services, Stamp stamp)
    {
        EnsureNotEnded(pilot);
        var offer = services.Distinct().Order().ToList();
        if (offer.Count == 0)
            throw new RuleViolation("pilot.no-services", "A pilot offers at least one service.");
        if (offer.SequenceEqual(pilot.OfferedServices.Order()))
            return [];

        return [new PilotServicesOffered(pilot.Id, offer, stamp.By, stamp.At)];
    }

    /// <summary>
    /// Moves the end of a running pilot phase later. The evaluation scheduled for the old end will find the phase still
    /// running and do nothing; the caller schedules one for the new end (or, if that is past too, it is due at once).
    /// </summary>
    public static IReadOnlyList<object> ExtendPhase(Pilot pilot, DateOnly newEnd, string reason, Stamp stamp)
    {
        if (pilot.Status != PilotStatus.Running)
            throw new RuleViolation("pilot.phase-closed",
                $"The pilot phase of '{pilot.Name}' ended on {pilot.Phase.To:yyyy-MM-dd} and its evaluation is {Describe(pilot.Status)}; " +
                "it can no longer be extended: decide the continuation instead.");
        if (newEnd <= pilot.Phase.To)
            throw new RuleViolation("pilot.extension-not-later",
                $"The pilot phase ends on {pilot.Phase.To:yyyy-MM-dd}; an extension must end later.");

        var extended = new PilotPhaseExtended(pilot.Id, pilot.Phase.To, newEnd, reason.Trim(), stamp.By, stamp.At);
        return [extended, .. MarkEvaluationDue(Pilot.Evolve(pilot, extended), stamp)];
    }

    public static PilotCompanyEnrolled EnrolCompany(Pilot pilot, Guid companyId, CompanyEnrolment enrolment, Stamp stamp)
    {
        var (name, town, skilledWorkersNeeded, occupations, enrolledOn) = enrolment;
        EnsureActiveOn(pilot, enrolledOn, stamp);
        var existing = pilot.Companies.Values.FirstOrDefault(c => string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (existing is not null)
            throw new RuleViolation("pilot.company-already-enrolled", $"'{existing.Name}' enrolled on {existing.EnrolledOn:yyyy-MM-dd}.");
        if (skilledWorkersNeeded < 0)
            throw new RuleViolation("pilot.negative-need", "The need for skilled workers cannot be negative.");

        return new PilotCompanyEnrolled(pilot.Id, companyId, name.Trim(), town.Trim(), skilledWorkersNeeded,
            [.. occupations.Select(o => o.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)], enrolledOn, stamp.By, stamp.At);
    }

    /// <summary>Enrols a person; their personal data are already sealed with the participant's own key.</summary>
    public static PilotParticipantEnrolled EnrolParticipant(Pilot pilot, Guid participantId, ParticipantEnrolment enrolment, Stamp stamp)
    {
        var (kind, enrolledOn, internshipEndsOn, personalData) = enrolment;
        EnsureActiveOn(pilot, enrolledOn, stamp);
        EnsureSealedFor(participantId, personalData);
        if (pilot.Participants.ContainsKey(participantId))
            throw new RuleViolation("pilot.participant-already-enrolled", $"Participant {participantId} is already enrolled.");
        switch (kind)
        {
            case ParticipantKind.Intern when internshipEndsOn is null:
                throw new RuleViolation("pilot.internship-end-missing", "Interns come for a limited period: the end of the internship is required.");
            case ParticipantKind.Intern when internshipEndsOn <= enrolledOn || internshipEndsOn > enrolledOn.AddMonths(MaxInternshipMonths):
                throw new RuleViolation("pilot.internship-too-long",
                    $"An internship ends after the enrolment and lasts at most {MaxInternshipMonths} months.");
            case ParticipantKind.SkilledWorker when internshipEndsOn is not null:
                throw new RuleViolation("pilot.not-an-intern", "Only interns have an end of internship.");
        }

        return new PilotParticipantEnrolled(pilot.Id, participantId, kind, enrolledOn, internshipEndsOn, personalData, stamp.By, stamp.At);
    }

    /// <summary>
    /// Corrects a participant's personal data (GDPR Art. 16); allowed after the pilot ended, not after erasure.
    /// <paramref name="personalData"/> is null when the participant's key no longer exists.
    /// </summary>
    public static PilotParticipantDataCorrected CorrectParticipantData(
        Pilot pilot, Guid participantId, SealedPersonalData? personalData, Stamp stamp)
    {
        var participant = ParticipantToChange(pilot, participantId);
        if (personalData is null)
            throw new RuleViolation("pilot.participant-erased", $"The key of participant {participant.Id} no longer exists; nothing can be sealed for them.");
        EnsureSealedFor(participant.Id, personalData);
        return new PilotParticipantDataCorrected(pilot.Id, participant.Id, personalData, stamp.By, stamp.At);
    }

    /// <summary>
    /// The participant a document may be stored for: enrolled (else 404) and not erased (else 409), checked before the upload is read
    /// and again when it is attached.
    /// </summary>
    public static void EnsureMayAttachDocument(Pilot pilot, Guid participantId) => ParticipantToChange(pilot, participantId);

    /// <summary>Records a participant's document, its file name sealed for them (null: their key is gone, so nothing can be sealed).</summary>
    public static PilotParticipantDocumentAttached AttachParticipantDocument(
        Pilot pilot, Guid participantId, Guid documentId, SealedPersonalData? fileName, string mediaType, long size, string sha256,
        ParticipantDocumentKind kind, Stamp stamp)
    {
        var participant = ParticipantToChange(pilot, participantId);
        if (fileName is null)
            throw new RuleViolation("pilot.participant-erased", $"The key of participant {participant.Id} no longer exists; nothing can be sealed for them.");
        EnsureSealedFor(participant.Id, fileName);
        return new PilotParticipantDocumentAttached(pilot.Id, participant.Id, documentId, fileName, mediaType, size, sha256, kind, stamp.By, stamp.At);
    }

    public static PilotParticipantReferred Refer(Pilot pilot, Guid participantId, Guid companyId, DateOnly referredOn, Stamp stamp)
    {
        EnsureActiveOn(pilot, referredOn, stamp);
        var participant = ParticipantToChange(pilot, participantId);
        var company = Company(pilot, companyId);
        if (participant.PlacedWith is not null)
            throw new RuleViolation("pilot.participant-already-placed", $"Participant {participant.Id} was placed on {participant.PlacedOn:yyyy-MM-dd}.");
        if (participant.Referrals.TryGetValue(company.Id, out var earlier))
            throw new RuleViolation("pilot.already-referred", $"Participant {participant.Id} was referred to '{company.Name}' on {earlier:yyyy-MM-dd}.");
        EnsureNotBefore(referredOn, participant.EnrolledOn, "pilot.before-enrolment", "the participant's enrolment");
        EnsureNotBefore(referredOn, company.EnrolledOn, "pilot.before-enrolment", $"the enrolment of '{company.Name}'");
        EnsureWithinInternship(participant, referredOn);

        return new PilotParticipantReferred(pilot.Id, participant.Id, company.Id, company.Name, referredOn, stamp.By, stamp.At);
    }

    /// <summary>Places a participant with a company they were referred to.</summary>
    public static PilotParticipantPlaced Place(Pilot pilot, Guid participantId, Guid companyId, DateOnly placedOn, Stamp stamp)
    {
        EnsureActiveOn(pilot, placedOn, stamp);
        var participant = ParticipantToChange(pilot, participantId);
        var company = Company(pilot, companyId);
        if (participant.PlacedWith is not null)
            throw new RuleViolation("pilot.participant-already-placed", $"Participant {participant.Id} was placed on {participant.PlacedOn:yyyy-MM-dd}.");
        if (!participant.Referrals.TryGetValue(company.Id, out var referredOn))
            throw new RuleViolation("pilot.not-referred", $"Participant {participant.Id} was not referred to '{company.Name}'; refer first.");
        EnsureNotBefore(placedOn, referredOn, "pilot.before-referral", "the referral");
        EnsureWithinInternship(participant, placedOn);

        return new PilotParticipantPlaced(pilot.Id, participant.Id, company.Id, company.Name, placedOn, stamp.By, stamp.At);
    }

    public static PilotServiceDelivered DeliverService(Pilot pilot, Guid participantId, PilotService service, DateOnly deliveredOn, Stamp stamp)
    {
        EnsureActiveOn(pilot, deliveredOn, stamp);
        var participant = ParticipantToChange(pilot, participantId);
        if (service == PilotService.InterculturalTraining)
            throw new RuleViolation("pilot.training-is-for-companies", "Intercultural trainings are held for companies, not delivered to participants.");
        EnsureOffered(pilot, service);
        EnsureNotBefore(deliveredOn, participant.EnrolledOn, "pilot.before-enrolment", "the participant's enrolment");
        EnsureWithinInternship(participant, deliveredOn);

        return new PilotServiceDelivered(pilot.Id, participant.Id, service, deliveredOn, stamp.By, stamp.At);
    }

    public static PilotInterculturalTrainingHeld HoldInterculturalTraining(
        Pilot pilot, Guid trainingId, IEnumerable<Guid> companyIds, DateOnly heldOn, Stamp stamp)
    {
        EnsureActiveOn(pilot, heldOn, stamp);
        EnsureOffered(pilot, PilotService.InterculturalTraining);
        var companies = companyIds.Distinct().Select(id => Company(pilot, id)).ToList();
        if (companies.Count == 0)
            throw new RuleViolation("pilot.training-without-companies", "An intercultural training is held for at least one enrolled company.");
        foreach (var company in companies)
            EnsureNotBefore(heldOn, company.EnrolledOn, "pilot.before-enrolment", $"the enrolment of '{company.Name}'");

        return new PilotInterculturalTrainingHeld(pilot.Id, trainingId, [.. companies.Select(c => c.Id)], heldOn, stamp.By, stamp.At);
    }

    /// <summary>
    /// Records money spent against one of the pilot's funding sources, by that source's rules (ADR 0124): on a day of the phase
    /// (or continuation), not in the future; within what is left of the source's amount (when the amount is known); for EU money
    /// within its EU funding period; and only for a cost category the source pays. A refusal names the rule and what is left.
    /// </summary>
    public static PilotSpendingRecorded RecordSpending(Pilot pilot, Guid spendingId, PilotSpending spending, Stamp stamp)
    {
        if (pilot.Spendings.ContainsKey(spendingId))
            throw new RuleViolation("pilot.spending-already-recorded", $"Spending {spendingId} is already recorded.");
        var (source, category, amount, spentOn, note) = WithinTheRules(pilot, pilot.Spent, spending, stamp);
        return new PilotSpendingRecorded(pilot.Id, spendingId, source, category, amount, spentOn, note, stamp.By, stamp.At);
    }

    /// <summary>
    /// Corrects a recorded spending (ADR 0127): its amount, day, source, category or note, with the reason. The corrected spending
    /// keeps to the same rules as a new one, counted as if the spending it replaces had not been recorded (a correction within
    /// the same source may use what the spending itself took). A cancelled spending is not corrected; a correction that changes
    /// nothing is refused.
    /// </summary>
    public static PilotSpendingCorrected CorrectSpending(Pilot pilot, Guid spendingId, PilotSpending corrected, string reason, Stamp stamp)
    {
        EnsureNotEnded(pilot);
        var recorded = SpendingToChange(pilot, spendingId);
        var why = RequiredReason(reason, "pilot.correction-without-reason", "A correction says why the spending was wrong.");
        var before = recorded.Spending;
        var spentWithout = pilot.Spent.SetItem(before.Source, pilot.Spent.GetValueOrDefault(before.Source) - before.Amount);
        var after = WithinTheRules(pilot, spentWithout, corrected, stamp);
        if (after == before)
            throw new RuleViolation("pilot.spending-unchanged", $"The correction of spending {spendingId} changes nothing: amount, day, source, category and note are as recorded.");

        return new PilotSpendingCorrected(pilot.Id, spendingId, after.Source, after.Category, after.Amount, after.SpentOn, after.Note, why, stamp.By, stamp.At);
    }

    /// <summary>Cancels a recorded spending, with the reason (ADR 0127): it then counts against no source. Not twice, not after the pilot ended.</summary>
    public static PilotSpendingCancelled CancelSpending(Pilot pilot, Guid spendingId, string reason, Stamp stamp)
    {
        EnsureNotEnded(pilot);
        var recorded = SpendingToChange(pilot, spendingId);
        var why = RequiredReason(reason, "pilot.cancellation-without-reason", "A cancellation says why the spending is cancelled.");
        return new PilotSpendingCancelled(pilot.Id, recorded.Id, why, stamp.By, stamp.At);
    }

    /// <summary>
    /// The spending as it is recorded (source under its own name, note trimmed), if it keeps to the rules of ADR 0124 given what is
    /// already spent against each source (<paramref name="spent"/>); else the refusal.
    /// </summary>
    private static PilotSpending WithinTheRules(Pilot pilot, IReadOnlyDictionary<string, decimal> spent, PilotSpending spending, Stamp stamp)
    {
        var (sourceName, category, amount, spentOn, note) = spending;
        EnsureActiveOn(pilot, spentOn, stamp);
        var source = pilot.FundingSources.FirstOrDefault(s => string.Equals(s.Name, sourceName.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new RuleViolation("pilot.unknown-funding-source",
                $"'{sourceName.Trim()}' is not a funding source of '{pilot.Name}' ({string.Join(", ", pilot.FundingSources.Select(s => s.Name))}).");
        if (amount <= 0)
            throw new RuleViolation("pilot.spending-not-positive", "A spending is more than 0 EUR.");
        if (!source.FinancesOn(spentOn))
            throw new RuleViolation("pilot.outside-eu-funding-period",
                $"'{source.Name}' pays only what is spent within its EU funding period ({source.EuFundingPeriod!.Value.From:yyyy-MM-dd} to " +
                $"{source.EuFundingPeriod.Value.To:yyyy-MM-dd}); {spentOn:yyyy-MM-dd} lies outside it.");
        if (!source.Pays(category))
            throw new RuleViolation("pilot.category-not-funded",
                $"'{source.Name}' does not pay {category}; it pays {string.Join(", ", source.CostCategories!)}.");
        var already = spent.GetValueOrDefault(source.Name);
        if (source.Amount is { } budget && already + amount > budget)
            throw new RuleViolation("pilot.source-exhausted", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"'{source.Name}' contributes {budget:0.00} EUR, of which {already:0.00} EUR are spent; {budget - already:0.00} EUR are left, not {amount:0.00} EUR."));

        return new PilotSpending(source.Name, category, amount, spentOn, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    /// <summary>A spending that may still change: recorded in this pilot (else 404) and not cancelled (else 409).</summary>
    private static RecordedSpending SpendingToChange(Pilot pilot, Guid spendingId)
    {
        if (!pilot.Spendings.TryGetValue(spendingId, out var recorded))
            throw new UnknownEntity("pilot.unknown-spending", $"Spending {spendingId} is not recorded in '{pilot.Name}'.");
        if (recorded.Cancelled)
            throw new RuleViolation("pilot.spending-cancelled", $"Spending {spendingId} was cancelled; a cancelled spending is not corrected or cancelled again.");
        return recorded;
    }

    private static string RequiredReason(string? reason, string code, string message) =>
        string.IsNullOrWhiteSpace(reason) ? throw new RuleViolation(code, message) : reason.Trim();

    /// <summary>
    /// What the scheduled evaluation decides: the evaluation becomes due once the day after the phase has begun,
    /// exactly once. It checks the state rather than trusting the timer, so a stale timer (the phase was extended,
    /// the evaluation is already due or decided) records nothing.
    /// </summary>
    public static IReadOnlyList<object> MarkEvaluationDue(Pilot pilot, Stamp stamp)
    {
        if (pilot.Status != PilotStatus.Running || Today(stamp) <= pilot.Phase.To)
            return [];

        return [new PilotEvaluationDue(pilot.Id, pilot.Phase.To, stamp.By, stamp.At)];
    }

    /// <summary>Decides the continuation once the evaluation is due; records the demand indicator as it stands.</summary>
    public static PilotContinuationDecided DecideContinuation(Pilot pilot, Continuation continuation, Stamp stamp, StableDemandRule? rule = null)
    {
        var (decision, reasons, decidedOn, continuedUntil) = continuation;
        if (pilot.Status != PilotStatus.EvaluationDue)
            throw new RuleViolation(pilot.Status == PilotStatus.Running ? "pilot.evaluation-not-due" : "pilot.continuation-decided",
                pilot.Status == PilotStatus.Running
                    ? $"The pilot phase of '{pilot.Name}' ends on {pilot.Phase.To:yyyy-MM-dd}; the continuation is decided once the evaluation is due."
                    : $"The continuation of '{pilot.Name}' has already been decided ({Describe(pilot.Status)}).");
        var given = reasons.Select(r => r.Trim()).Where(r => r.Length > 0).ToList();
        if (given.Count == 0)
            throw new RuleViolation("pilot.continuation-without-reasons", "A continuation decision states its reasons.");
        EnsureNotInFuture(decidedOn, stamp);
        if (decidedOn <= pilot.Phase.To)
            throw new RuleViolation("pilot.decided-during-phase", $"The pilot phase ends on {pilot.Phase.To:yyyy-MM-dd}; decide after that day.");
        switch (decision)
        {
            case ContinuationDecision.Continue when continuedUntil is null || continuedUntil <= pilot.Phase.To:
                throw new RuleViolation("pilot.continuation-period-missing",
                    $"Continuing needs the day the continuation ends, after the pilot phase ({pilot.Phase.To:yyyy-MM-dd}).");
            case ContinuationDecision.End when continuedUntil is not null:
                throw new RuleViolation("pilot.end-with-continuation-period", "Ending the pilot takes no continuation period.");
        }

        var assessment = (rule ?? StableDemandRule.Default).Assess(pilot.Phase, decidedOn, pilot.Demand.Values);
        return new PilotContinuationDecided(pilot.Id, decision, given, decidedOn, continuedUntil, assessment, stamp.By, stamp.At);
    }

    /// <summary>Places (or replaces) the legal hold: until that day no participant's personal data are erased.</summary>
    public static PilotLegalHoldPlaced PlaceLegalHold(Pilot pilot, DateOnly heldUntil, string legalBasis, Stamp stamp)
    {
        if (heldUntil < Today(stamp))
            throw new RuleViolation("pilot.legal-hold-in-the-past", $"A legal hold until {heldUntil:yyyy-MM-dd} would already have expired.");

        return new PilotLegalHoldPlaced(pilot.Id, heldUntil, legalBasis.Trim(), stamp.By, stamp.At);
    }

    public static PilotLegalHoldLifted LiftLegalHold(Pilot pilot, string reason, Stamp stamp)
    {
        if (pilot.LegalHold is null)
            throw new RuleViolation("pilot.no-legal-hold", $"No legal hold is placed on '{pilot.Name}'.");

        return new PilotLegalHoldLifted(pilot.Id, reason.Trim(), stamp.By, stamp.At);
    }

    /// <summary>
    /// Erases a participant's personal data (GDPR Art. 17). The caller destroys the participant's key in the same
    /// transaction. Refused while a legal hold stands (Art. 17(3)(b): records kept for a legal obligation).
    /// </summary>
    public static PilotParticipantDataErased EraseParticipantData(
        Pilot pilot, Guid participantId, ErasureGround legalBasis, DateOnly requestedOn, string? requestReference, Stamp stamp)
    {
        var participant = Participant(pilot, participantId);
        if (participant.PersonalDataErased)
            throw new RuleViolation("pilot.participant-erased", $"The personal data of participant {participant.Id} have already been erased.");
        EnsureNotInFuture(requestedOn, stamp);
        if (pilot.LegalHold is { } hold && Today(stamp) <= hold.HeldUntil)
            throw new RuleViolation("pilot.legal-hold",
                $"The records of '{pilot.Name}' are under a legal hold until {hold.HeldUntil:yyyy-MM-dd} ({hold.LegalBasis}), " +
                $"placed by {hold.PlacedBy} on {hold.PlacedAt:yyyy-MM-dd}. Personal data needed for funding audits are kept " +
                $"(GDPR Art. 17(3)(b)); erasure is possible from {hold.HeldUntil.AddDays(1):yyyy-MM-dd} or once the hold is lifted.");

        return new PilotParticipantDataErased(pilot.Id, participant.Id, legalBasis, requestedOn,
            string.IsNullOrWhiteSpace(requestReference) ? null : requestReference.Trim(), stamp.By, stamp.At);
    }

    private static DateOnly Today(Stamp stamp) => AuthorityCalendar.DayOf(stamp.At);

    private static PilotParticipant Participant(Pilot pilot, Guid participantId) =>
        pilot.Participants.TryGetValue(participantId, out var participant)
            ? participant
            : throw new UnknownEntity("pilot.unknown-participant", $"Participant {participantId} is not enrolled in '{pilot.Name}'.");

    /// <summary>A participant whose record may still change: personal data not erased.</summary>
    private static PilotParticipant ParticipantToChange(Pilot pilot, Guid participantId)
    {
        var participant = Participant(pilot, participantId);
        if (participant.PersonalDataErased)
            throw new RuleViolation("pilot.participant-erased",
                $"The personal data of participant {participant.Id} have been erased; the record only keeps its history.");
        return participant;
    }

    private static PilotCompany Company(Pilot pilot, Guid companyId) =>
        pilot.Companies.TryGetValue(companyId, out var company)
            ? company
            : throw new UnknownEntity("pilot.unknown-company", $"Company {companyId} is not enrolled in '{pilot.Name}'.");

    private static void EnsureSealedFor(Guid participantId, SealedPersonalData personalData)
    {
        if (personalData.SubjectId != participantId)
            throw new RuleViolation("pilot.personal-data-of-another-person", "The personal data are sealed for another person.");
    }

    private static void EnsureOffered(Pilot pilot, PilotService service)
    {
        if (!pilot.OfferedServices.Contains(service))
            throw new RuleViolation("pilot.service-not-offered", $"'{pilot.Name}' does not offer {service}.");
    }

    private static void EnsureNotEnded(Pilot pilot)
    {
        if (pilot.Status == PilotStatus.Ended)
            throw new RuleViolation("pilot.ended", $"'{pilot.Name}' has ended; its activities no longer change.");
    }

    /// <summary>An activity on <paramref name="day"/>: the pilot has not ended and the day lies in its phase (or continuation), not in the future.</summary>
    private static void EnsureActiveOn(Pilot pilot, DateOnly day, Stamp stamp)
    {
        EnsureNotEnded(pilot);
        EnsureNotInFuture(day, stamp);
        if (day < pilot.Phase.From)
            throw new RuleViolation("pilot.before-phase", $"The pilot phase of '{pilot.Name}' starts on {pilot.Phase.From:yyyy-MM-dd}.");
        if (day > pilot.ActiveUntil)
            throw new RuleViolation("pilot.after-phase", pilot.ContinuedUntil is null
                ? $"The pilot phase of '{pilot.Name}' ended on {pilot.Phase.To:yyyy-MM-dd}; later activities need a continuation."
                : $"The continuation of '{pilot.Name}' ends on {pilot.ContinuedUntil:yyyy-MM-dd}.");
    }

    private static void EnsureNotInFuture(DateOnly day, Stamp stamp)
    {
        if (day > Today(stamp))
            throw new RuleViolation("pilot.date-in-future", $"{day:yyyy-MM-dd} lies in the future; record what has happened.");
    }

    private static void EnsureNotBefore(DateOnly day, DateOnly earliest, string code, string what)
    {
        if (day < earliest)
            throw new RuleViolation(code, $"{day:yyyy-MM-dd} lies before {what} ({earliest:yyyy-MM-dd}).");
    }

    private static void EnsureWithinInternship(PilotParticipant participant, DateOnly day)
    {
        if (participant.InternshipEndsOn is { } end && day > end)
            throw new RuleViolation("pilot.internship-over", $"The internship of participant {participant.Id} ended on {end:yyyy-MM-dd}.");
    }

    private static string Describe(PilotStatus status) => status switch
    {
        PilotStatus.EvaluationDue => "due",
        PilotStatus.Continued => "decided: continued",
        PilotStatus.Ended => "decided: ended",
        _ => "pending",
    };
}
