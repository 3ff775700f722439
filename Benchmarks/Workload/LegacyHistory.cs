using Fachwerk.Domain.Alliances;
using Fachwerk.Domain.Applications;
using Fachwerk.Domain.Common;
using Fachwerk.Domain.Organisations;
using Fachwerk.Domain.Programmes;

namespace Fachwerk.Benchmarks.Workload;

/// <summary>One stream of the legacy history: its id, the write model it belongs to, and its events in order.</summary>
public sealed record HistoryStream(Guid Id, Type Aggregate, List<object> Events);

/// <summary>
/// The history of a funding authority as a legacy system would hand it over: organisations, recognised alliances with their
/// members, programmes, and funding applications at every stage of their lives, from drafts to closed cases with payments and
/// proofs of use. Every event comes from the domain's own decide functions on state folded by its Evolve functions, so the
/// history obeys the same rules as one recorded through the API (funding rates, four-eyes, proportional draw, budgets).
/// Deterministic for a seed.
/// </summary>
public sealed class LegacyHistory
{
    private const string Caseworker = "sabine.sachbearbeitung";
    private const string SecondCaseworker = "carsten.sachbearbeitung";
    private const string Approver = "zoe.zeichnung";
    private const string Reviewer = "bruno.buendnis";
    private const string Applicant = "anna.antrag";

    private static readonly DateTimeOffset Beginning = new(2022, 1, 10, 8, 0, 0, TimeSpan.Zero);
    private static readonly Period Esf = new(new DateOnly(2021, 1, 1), new DateOnly(2035, 12, 31));

    private readonly Random _random;
    private readonly List<HistoryStream> _registry = [];
    private readonly List<HistoryStream> _applications = [];
    private readonly List<(Alliance Alliance, Organisation Chamber, List<Organisation> Applicants)> _regions = [];
    private readonly List<(HistoryStream Stream, FundingProgramme State)> _programmes = [];

    private LegacyHistory(int seed) => _random = new Random(seed);

    /// <summary>Streams that others refer to (organisations, alliances, programmes), to be imported first.</summary>
    public IReadOnlyList<HistoryStream> Registry => _registry;

    public IReadOnlyList<HistoryStream> Applications => _applications;

    /// <summary>An application whose stream holds exactly <see cref="LongStreamEvents"/> events, for the as-of and timeline queries.</summary>
    public Guid LongStreamId { get; private set; }

    public const int LongStreamEvents = 200;

    public IReadOnlyList<Guid> AllianceIds => [.. _regions.Select(r => r.Alliance.Id)];

    public IReadOnlyList<Guid> ProgrammeIds => [.. _programmes.Select(p => p.Stream.Id)];

    public long EventCount => _registry.Sum(s => (long)s.Events.Count) + _applications.Sum(s => (long)s.Events.Count);

    public static LegacyHistory Generate(int applications, int programmes, int seed = 2026)
    {
        var history = new LegacyHistory(seed);
        history.GenerateRegions(regions: 10, applicantsPerRegion: 25);
        history.GenerateProgrammes(programmes);
        for (var i = 0; i < applications - 1; i++) history.GenerateApplication(i);
        history.GenerateLongApplication();
        foreach (var (stream, _) in history._programmes) history._registry.Add(stream);
        return history;
    }

    private void GenerateRegions(int regions, int applicantsPerRegion)
    {
        for (var r = 0; r < regions; r++)
        {
            var at = Beginning.AddDays(-400 + r);
            var chamber = Register($"Handwerkskammer Region {r + 1}", OrganisationKind.ChamberOfCrafts, $"Kreisstadt {r + 1}", at);
            var applicants = Enumerable.Range(0, applicantsPerRegion)
                .Select(a => Register($"Bildungswerk {r + 1}-{a + 1} e.V.", a % 3 == 0 ? OrganisationKind.Company : OrganisationKind.Association,
                    $"Kreisstadt {r + 1}", at))
                .ToList();

            var id = Guid.CreateVersion7(at);
            var stream = new HistoryStream(id, typeof(Alliance), []);
            Alliance? alliance = null;
            void Record(object e)
            {
                stream.Events.Add(e);
                alliance = Alliance.Evolve(alliance, e);
            }

            Record(AllianceDecider.Found(id, new AllianceCharter($"Regionales Fachkräftebündnis {r + 1}", (FederalState)(r % 16), [$"Landkreis {r + 1}-Nord", $"Landkreis {r + 1}-Süd", $"Kreisfreie Stadt {r + 1}"], $"Geschäftsstelle {r + 1}", new DateOnly(2015, 1, 1)), new Stamp(Caseworker, at)));
            Record(AllianceDecider.Recognize(alliance!, "Landesministerium für Arbeit", new DateOnly(2021, 1, 1), Esf, new Stamp(Caseworker, at.AddHours(1))));
            foreach (var member in applicants.Prepend(chamber))
                Record(AllianceDecider.AdmitMember(alliance!, member, new DateOnly(2021, 2, 1), new Stamp(Caseworker, at.AddHours(2))));
            _registry.Add(stream);
            _regions.Add((alliance!, chamber, applicants));
        }
    }

    private Organisation Register(string name, OrganisationKind kind, string town, DateTimeOffset at)
    {
        var id = Guid.CreateVersion7(at);
        var registered = OrganisationDecider.Register(id, name, kind, town, new Stamp(Caseworker, at));
        _registry.Add(new HistoryStream(id, typeof(Organisation), [registered]));
        return Organisation.Evolve(null, registered);
    }

    private void GenerateProgrammes(int count)
    {
        for (var p = 0; p < count; p++)
        {
            var at = Beginning.AddDays(-30 + p);
            var id = Guid.CreateVersion7(at);
            var launched = ProgrammeDecider.Launch(id, new ProgrammeSetup($"Fachkräfteprogramm {p + 1}", [new FundingSource("ESF+", 0.6m), new FundingSource("Land", 0.4m)], Esf, 2_000_000_000m, new ProgrammeRules(0.8m, 250_000m, AllianceVoteRequired: p % 2 == 0, DocumentDeadlineDays: 14, DeMinimis: false, DecisionReminderDays: 60)), new Stamp(Caseworker, at));
            _programmes.Add((new HistoryStream(id, typeof(FundingProgramme), [launched]), FundingProgramme.Evolve(null, launched)));
        }
    }

    /// <summary>One application's life, stopping at a random stage as real cases do.</summary>
    private void GenerateApplication(int number)
    {
        var region = _regions[number % _regions.Count];
        var programmeIndex = _random.Next(_programmes.Count);
        var applicant = region.Applicants[_random.Next(region.Applicants.Count)];
        var at = Beginning.AddMinutes(number * 13 % (60 * 24 * 900)).AddHours(_random.Next(0, 9));
        var requested = 5_000m * _random.Next(2, 30);
        var plan = Plan(number, requested, at);
        var life = new Life(this, programmeIndex, Guid.CreateVersion7(at), at);

        life.Record(ApplicationDecider.Draft(life.Id, applicant, _programmes[programmeIndex].State, region.Alliance,
            region.Alliance.Districts[number % region.Alliance.Districts.Length], plan, life.Stamp(Applicant, 0)));
        _applications.Add(life.Stream);

        if (Chance(0.15)) life.Record(ApplicationDecider.Amend(life.State, life.Programme, plan with { Description = plan.Description + " (überarbeitet)" }, life.Stamp(Applicant, 2)));
        if (!Chance(0.92)) return;
        life.Record(Submit(life, region.Alliance, life.Stamp(Applicant, 3)));
        if (Chance(0.3))
        {
            life.Record(ApplicationDecider.RequestDocuments(life.State, ["Finanzierungsplan (unterschrieben)", "Satzung des Trägers"], life.Stamp(Caseworker, 5)));
            if (Chance(0.1))
            {
                foreach (var e in ApplicationDecider.LapseIfDocumentsMissing(life.State, 1, life.Stamp("system:deadlines", 15))) life.Record(e);
                return;
            }

            life.Record(ApplicationDecider.SupplyDocuments(life.State, [$"dms://antrag-{number}/finanzierungsplan", $"dms://antrag-{number}/satzung"], life.Stamp(Applicant, 4)));
        }

        if (!Chance(0.9)) return;
        life.Record(ApplicationDecider.CompleteFormally(life.State, life.Stamp(Caseworker, 6)));
        if (life.State.Terms!.AllianceVoteRequired)
        {
            if (!Chance(0.95)) return;
            life.Record(ApplicationDecider.CastVote(life.State, region.Alliance, new Votum(region.Chamber.Id, Chance(0.9), "Passt zur regionalen Fachkräftestrategie", new Dictionary<string, int> { ["Bedarf"] = _random.Next(4, 11), ["Nachhaltigkeit"] = _random.Next(4, 11) }, true), life.Stream.Events.Count, life.Stamp(Reviewer, 10)));
        }

        if (!Chance(0.92)) return;
        var approve = Chance(0.85);
        Propose(life, approve, requested);
        if (Chance(0.08))
        {
            life.Record(ApplicationDecider.ReturnDecision(life.State, "Bitte Auflagen konkretisieren", life.Stamp(Approver, 3)));
            Propose(life, approve, requested);
        }

        if (!Chance(0.93)) return;
        foreach (var e in ApplicationDecider.ConfirmDecision(life.State, life.Stamp(Approver, 4))) life.Record(e);
        if (!approve) return;

        life.Commit();
        if (life.State.Status != ApplicationStatus.Approved) return;
        if (Chance(0.03))
        {
            life.Record(ApplicationDecider.Withdraw(life.State, "Projekt kann nicht starten", life.Stamp(Applicant, 20)));
            life.Release("withdrawn");
            return;
        }

        Fund(life, payments: _random.Next(0, 5), completeProofs: Chance(0.6));
    }

    private void Propose(Life life, bool approve, decimal requested) =>
        life.Record(approve
            ? ApplicationDecider.ProposeApproval(life.State, new ApprovalTerms(requested, ["Zwischenbericht zum 30. April"], null), life.Stream.Events.Count, life.Stamp(Caseworker, 7))
            : ApplicationDecider.ProposeRejection(life.State, "Kein regionaler Bedarf nachgewiesen", life.Stream.Events.Count, life.Stamp(Caseworker, 7)));

    /// <summary>Payments (requested, checked by one caseworker, released by another) and, if the project is over, its proofs of use.</summary>
    private static void Fund(Life life, int payments, bool completeProofs)
    {
        var approved = life.State.ApprovedAmount!.Value;
        var paid = 0m;
        if (payments > 0) ConfirmPayee(life);
        for (var p = 1; p <= payments; p++)
        {
            var amount = p == payments ? approved - paid : Math.Round(approved / payments, 2);
            var day = AuthorityCalendar.DayOf(life.Stamp(Applicant, 25).At);
            life.Record(FundingDecider.RequestPayment(life.State, new PaymentRequest(amount, day.AddDays(10), life.State.Plan.OwnContribution + life.State.Plan.ThirdPartyFunding), life.Stamp(Applicant, 0)));
            var number = life.State.Funding!.PaymentRequests.Count;
            life.Record(FundingDecider.CheckPaymentRequest(life.State, number, life.Stamp(Caseworker, 2)));
            foreach (var e in FundingDecider.ReleasePayment(life.State, number, day.AddDays(8), 10_000m, life.Stamp(SecondCaseworker, 1))) life.Record(e);
            paid += amount;
        }

        if (!completeProofs || life.State.IsClosed) return;
        foreach (var proof in life.State.Funding!.Proofs.ToList())
        {
            var receiptDate = AuthorityCalendar.DayOf(life.Stamp(Applicant, 30).At);
            // The final proof comes after the project's end (ADR 0062); interim proofs while it runs.
            var submitted = proof.Kind == ProofKind.Final ? life.StampAfterTheProject(Applicant) : life.Stamp(Applicant, 1);
            life.Record(FundingDecider.SubmitProof(life.State, proof.Proof, new ProofOfUseReport("Alle Module durchgeführt.", new Dictionary<string, decimal> { ["Personal"] = 30_000m, ["Sachkosten"] = 10_000m }, life.State.Plan.OwnContribution, 0m, [new Receipt($"dms://beleg-{life.Id:N}-{proof.Proof}", receiptDate, 1_250m, "Sachkosten")]), submitted));
            foreach (var e in FundingDecider.CompleteFirstCheck(life.State, proof.Proof, [], life.Stamp(Caseworker, 40))) life.Record(e);
            if (life.State.IsClosed) break;
        }

        if (!life.State.IsClosed)
        {
            life.Record(FundingDecider.Close(life.State, life.Stamp(Caseworker, 5)));
            life.Release("closed");
        }
    }

    /// <summary>The applicant's account, confirmed by a caseworker: payments are released only into a confirmed account (ADR 0084).</summary>
    private static void ConfirmPayee(Life life)
    {
        life.Record(PayeeDecider.Propose(life.State, PayeeAccount.Of("DE89 3704 0044 0532 0130 00", null, "Zuwendungsempfänger"), null,
            CaseSide.Applicant, life.Stamp(Applicant, 1)));
        life.Record(PayeeDecider.Confirm(life.State, life.Stamp(Caseworker, 1)));
    }

    /// <summary>An approved application with a long life of small payments: exactly <see cref="LongStreamEvents"/> events.</summary>
    private void GenerateLongApplication()
    {
        var region = _regions[0];
        var at = Beginning.AddDays(5);
        var programmeIndex = 1 % _programmes.Count;
        var life = new Life(this, programmeIndex, Guid.CreateVersion7(at), at);
        var plan = Plan(0, 200_000m, at) with { Duration = new Period(new DateOnly(2022, 3, 1), new DateOnly(2034, 12, 31)) };
        life.Record(ApplicationDecider.Draft(life.Id, region.Applicants[0], life.Programme, region.Alliance, region.Alliance.Districts[0], plan, life.Stamp(Applicant, 0)));
        life.Record(Submit(life, region.Alliance, life.Stamp(Applicant, 1)));
        life.Record(ApplicationDecider.CompleteFormally(life.State, life.Stamp(Caseworker, 2)));
        if (life.State.Terms!.AllianceVoteRequired)
            life.Record(ApplicationDecider.CastVote(life.State, region.Alliance, new Votum(region.Chamber.Id, true, "Leuchtturmprojekt", new Dictionary<string, int>(), true), life.Stream.Events.Count, life.Stamp(Reviewer, 1)));
        life.Record(ApplicationDecider.ProposeApproval(life.State, new ApprovalTerms(200_000m, []), life.Stream.Events.Count, life.Stamp(Caseworker, 2)));
        foreach (var e in ApplicationDecider.ConfirmDecision(life.State, life.Stamp(Approver, 1))) life.Record(e);
        life.Commit();
        ConfirmPayee(life);
        while (life.Stream.Events.Count + 3 <= LongStreamEvents)
        {
            var day = AuthorityCalendar.DayOf(life.Stamp(Applicant, 20).At);
            life.Record(FundingDecider.RequestPayment(life.State, new PaymentRequest(1_000m, day.AddDays(10), plan.OwnContribution), life.Stamp(Applicant, 0)));
            var number = life.State.Funding!.PaymentRequests.Count;
            life.Record(FundingDecider.CheckPaymentRequest(life.State, number, life.Stamp(Caseworker, 2)));
            // Released by a second caseworker: one person alone pays out at most 10,000 EUR per application (ADR 0060).
            foreach (var e in FundingDecider.ReleasePayment(life.State, number, day.AddDays(8), 10_000m, life.Stamp(SecondCaseworker, 1))) life.Record(e);
        }

        var firstProof = life.State.Funding!.Proofs[0].Proof;
        if (life.Stream.Events.Count < LongStreamEvents)
            life.Record(FundingDecider.SubmitProof(life.State, firstProof, new ProofOfUseReport("Zwischenstand", new Dictionary<string, decimal>(), 0m, 0m, []), life.Stamp(Applicant, 1)));
        if (life.Stream.Events.Count < LongStreamEvents)
            foreach (var e in FundingDecider.CompleteFirstCheck(life.State, firstProof, [], life.Stamp(Caseworker, 1))) life.Record(e);
        if (life.Stream.Events.Count != LongStreamEvents)
            throw new InvalidOperationException($"The long application has {life.Stream.Events.Count} events, not {LongStreamEvents}.");
        LongStreamId = life.Id;
        _applications.Add(life.Stream);
    }

    private static ProjectPlan Plan(int number, decimal requested, DateTimeOffset drafted)
    {
        var start = AuthorityCalendar.DayOf(drafted).AddMonths(4);
        return new ProjectPlan($"Fachkräfte für die Region {number}", "Qualifizierung und Vermittlung von Fachkräften im Handwerk",
            new Period(start, start.AddMonths(18)), requested / 0.8m, requested, requested / 4, 0m, [TargetGroup.YoungPeople, TargetGroup.Refugees], 30);
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    /// <summary>The legacy programmes run no calls, so the submission's calendar day only matters for the funding period.</summary>
    private static ApplicationSubmitted Submit(Life life, Alliance alliance, Stamp stamp) =>
        ApplicationDecider.Submit(life.State, life.Programme, alliance, AuthorityCalendar.DayOf(stamp.At), stamp);

    /// <summary>One application being lived through: its stream, its state, and the clock moving on by days.</summary>
    private sealed class Life(LegacyHistory history, int programmeIndex, Guid id, DateTimeOffset start)
    {
        private DateTimeOffset _now = start;
        private Commitment? _commitment;

        public Guid Id => id;
        public HistoryStream Stream { get; } = new(id, typeof(FundingApplication), []);
        public FundingApplication State { get; private set; } = null!;
        public FundingProgramme Programme => history._programmes[programmeIndex].State;

        public Stamp Stamp(string by, int days)
        {
            _now = _now.AddDays(days).AddMinutes(history._random.Next(5, 300));
            return new Stamp(by, _now);
        }

        /// <summary>A stamp on the day after the project's last day at the earliest (a day later than the last one otherwise).</summary>
        public Stamp StampAfterTheProject(string by)
        {
            var dayAfter = new DateTimeOffset(State.Plan.Duration.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return Stamp(by, _now < dayAfter ? (int)Math.Ceiling((dayAfter - _now).TotalDays) : 1);
        }

        public void Record(object e)
        {
            Stream.Events.Add(e);
            State = FundingApplication.Evolve(Stream.Events.Count == 1 ? null : State, e);
        }

        /// <summary>The budget workflow's commitment, in the programme's stream and the application's.</summary>
        public void Commit()
        {
            var applicant = Organisation.Evolve(null, new OrganisationRegistered(State.ApplicantId, "Antragsteller", OrganisationKind.Association, "Ort",
                Caseworker, _now));
            Apply(BudgetCommitment.Commit(Programme, _commitment, State, applicant, State.Proposal!.Number, Stamp(BudgetCommitment.Actor, 0).At));
        }

        public void Release(string reason)
        {
            var applicant = Organisation.Evolve(null, new OrganisationRegistered(State.ApplicantId, "Antragsteller", OrganisationKind.Association, "Ort",
                Caseworker, _now));
            Apply(BudgetCommitment.Release(Programme, _commitment, State, applicant, reason, Stamp(BudgetCommitment.Actor, 0).At));
        }

        private void Apply(CommitmentStep step)
        {
            var (stream, programme) = history._programmes[programmeIndex];
            foreach (var e in step.ProgrammeEvents)
            {
                stream.Events.Add(e);
                programme = FundingProgramme.Evolve(programme, e);
                _commitment = Commitment.Evolve(_commitment, e);
            }

            history._programmes[programmeIndex] = (stream, programme);
            foreach (var e in step.ApplicationEvents) Record(e);
        }
    }
}
