using Fachwerk.Domain.Common;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Application.Network;
using Fachwerk.Application.Network.Activities;
using Fachwerk.Application.Network.Actors;
using Fachwerk.Application.Network.Cohorts;
using Fachwerk.Application.Network.Concepts;
using Fachwerk.Application.Network.Cooperation;
using Fachwerk.Application.Network.Ideas;
using Fachwerk.Application.Network.Instruments;
using Fachwerk.Application.Network.Recommendations;
using Fachwerk.Application.Network.Series;

namespace Fachwerk.Host.Development.DemoWorld;

/// <summary>
/// The regional network of the demo world (<see cref="DemoWorldNetworkData"/>), sent as those who record it: the coordinator of
/// the southern Saxony-Anhalt alliance (clara.koordination) for that alliance's work, a caseworker for everything else.
/// </summary>
public sealed partial class DemoWorldSeeder
{
    private readonly Dictionary<string, Guid> _actors = [];
    private readonly Dictionary<string, Guid> _series = [];
    private readonly Dictionary<string, Guid> _activities = [];
    private readonly Dictionary<string, Guid> _concepts = [];

    private async Task SeedNetworkAsync(CancellationToken cancellation)
    {
        foreach (var organisation in DemoWorldNetworkData.Organisations)
            await EnsureOrganisationAsync(organisation, cancellation);
        foreach (var actor in DemoWorldNetworkData.Actors)
            await EnsureActorAsync(actor, cancellation);
        foreach (var agreement in DemoWorldNetworkData.Agreements)
            await EnsureAgreementAsync(agreement, cancellation);
        foreach (var series in DemoWorldNetworkData.Series)
            await EnsureSeriesAsync(series, cancellation);
        foreach (var activity in DemoWorldNetworkData.Activities)
            await EnsureActivityAsync(activity, cancellation);
        await EnsureCohortAsync(DemoWorldNetworkData.LeadershipProgramme, cancellation);
        foreach (var instrument in DemoWorldNetworkData.Instruments)
            await EnsureInstrumentAsync(instrument, cancellation);
        foreach (var idea in DemoWorldNetworkData.Ideas)
            await EnsureIdeaAsync(idea, cancellation);
        foreach (var recommendation in DemoWorldNetworkData.Recommendations)
            await EnsureRecommendationAsync(recommendation, cancellation);
    }

    /// <summary>Who records for an alliance: its coordinator for the southern Saxony-Anhalt alliance, else a caseworker.</summary>
    private Caller RecorderFor(string? alliance) =>
        alliance == DemoWorldNetworkData.SachsenAnhaltSued
            ? new Caller(DemoUsers.AllianceCoordinator, Alliance: _alliances[alliance])
            : Registrar;

    /// <summary>An organisation, alliance or network actor of the demo world, by name.</summary>
    private Guid Party(string name) =>
        _organisations.TryGetValue(name, out var organisation) ? organisation
        : _alliances.TryGetValue(name, out var alliance) ? alliance
        : _actors[name];

    private Guid? AllianceOf(string? name) => name is null ? null : _alliances[name];

    private async Task<IReadOnlyList<T>> ListAsync<T>(string url, CancellationToken cancellation) =>
        Expect(await _api.GetAsync<IReadOnlyList<T>>(url, As(Registrar), cancellation), HttpMethod.Get, url)!;

    private async Task EnsureActorAsync(DemoActor actor, CancellationToken cancellation)
    {
        var existing = await FindAsync<NetworkActorSummary>($"/api/network-actors?name={Uri.EscapeDataString(actor.Name)}", a => a.Name == actor.Name, cancellation);
        if (existing is not null)
        {
            _actors[actor.Name] = existing.Id;
            return;
        }

        var recorder = RecorderFor(actor.Alliance);
        var created = await SendAsync<StreamCreated>(recorder, HttpMethod.Post, "/api/network-actors", new EstablishNetworkActor(actor.Name, actor.Kind,
            actor.Office, actor.EstablishedOn, actor.Nationwide, actor.Areas, actor.Purpose, AllianceOf(actor.Alliance),
            actor.Programme is null ? null : _programmes[actor.Programme], "Demo world"), cancellation);
        _actors[actor.Name] = created.Id;
        var version = created.Version;
        foreach (var (party, role, joinedOn) in actor.Members)
            version = await ChangeAsync(recorder, $"{created.Url}/members", new AdmitActorMember(version, Party(party), role, joinedOn), cancellation);
        foreach (var contact in actor.Contacts)
            version = (await SendAsync<NetworkItemAdded>(recorder, HttpMethod.Post, $"{created.Url}/contact-persons",
                new NameContactPerson(version, contact.Person, contact.Since, contact.Organisation), cancellation)).Version;
    }

    private async Task EnsureAgreementAsync(DemoAgreement agreement, CancellationToken cancellation)
    {
        var parties = agreement.Parties.Select(Party).ToList();
        var existing = await FindAsync<CooperationAgreementDetails>($"/api/cooperation-agreements?partyId={parties[0]}&pageSize=200",
            a => a.Subject == agreement.Subject, cancellation);
        if (existing is not null) return;

        var created = await SendAsync<StreamCreated>(Registrar, HttpMethod.Post, "/api/cooperation-agreements", new ConcludeCooperationAgreement(parties,
            agreement.Subject, agreement.ConcludedOn, agreement.ValidFrom, agreement.ValidUntil, "Demo world"), cancellation);
        var version = created.Version;
        foreach (var end in agreement.Extensions)
            version = await ChangeAsync(Registrar, $"{created.Url}/extension", new ExtendCooperationAgreement(version, end), cancellation);
    }

    private async Task EnsureSeriesAsync(DemoSeries series, CancellationToken cancellation)
    {
        var existing = (await ListAsync<ActivitySeriesSummary>("/api/activity-series", cancellation)).FirstOrDefault(s => s.Name == series.Name);
        _series[series.Name] = existing?.Id ?? (await SendAsync<StreamCreated>(RecorderFor(series.Alliance), HttpMethod.Post, "/api/activity-series",
            new StartActivitySeries(series.Name, series.Kind, series.Recurrence, [.. series.Organisers.Select(Party)], series.StartedOn,
                AllianceOf(series.Alliance), "Demo world"), cancellation)).Id;
    }

    private async Task EnsureActivityAsync(DemoActivity activity, CancellationToken cancellation)
    {
        var existing = await FindAsync<ActivitySummary>($"/api/activities?title={Uri.EscapeDataString(activity.Title)}", a => a.Title == activity.Title,
            cancellation);
        if (existing is not null)
        {
            _activities[activity.Title] = existing.Id;
            return;
        }

        var recorder = RecorderFor(activity.Alliance);
        var planned = await SendAsync<StreamCreated>(recorder, HttpMethod.Post, "/api/activities", new PlanActivity(activity.Kind, activity.Title,
            activity.Topic, activity.Dates, activity.Place, [.. activity.Organisers.Select(Party)], [.. activity.CoOrganisers.Select(Party)], activity.Patron,
            activity.TargetGroups, activity.Capacity, AllianceOf(activity.Alliance), activity.Series is null ? null : _series[activity.Series],
            Reason: "Demo world"), cancellation);
        _activities[activity.Title] = planned.Id;
        var url = planned.Url;
        var version = planned.Version;

        if (activity.AnnouncedOn is { } announcedOn)
            version = await ChangeAsync(recorder, $"{url}/announcement", new AnnounceActivity(version, announcedOn, activity.Channel), cancellation);
        // Registrations carry no reason: reasons are stored in plain text, personal data never are.
        var confirmed = 0;
        foreach (var registration in activity.Registrations ?? [])
        {
            var added = await SendAsync<NetworkItemAdded>(recorder, HttpMethod.Post, $"{url}/registrations",
                new RegisterForActivity(version, registration.RegisteredOn, registration.Person, registration.Organisation), cancellation);
            version = added.Version;
            if (registration.CancelledOn is { } cancelledOn)
                version = await ChangeAsync(recorder, $"{url}/registrations/{added.ItemId}/cancellation", new CancelRegistration(version, cancelledOn), cancellation);
        }

        if (activity.Registrations is { Count: > 0 } registrations)
            confirmed = Math.Min(activity.Capacity ?? int.MaxValue, registrations.Count(r => r.CancelledOn is null));
        if (activity.Cancelled is { } cancelled)
            await ChangeAsync(recorder, $"{url}/cancellation", new CancelActivity(version, cancelled.On, cancelled.Reason), cancellation);
        if (activity.Held is { } held)
        {
            var total = held.Attendance.Values.Sum();
            version = await ChangeAsync(recorder, $"{url}/holding", new RecordActivityHeld(version, held.Held, held.Attendance, Math.Max(0, total - confirmed),
                held.OrganisationsPresent, held.ContactsMade, held.Placements, held.Programme), cancellation);
        }

        if (activity.Report is { } report)
            await ChangeAsync(recorder, $"{url}/report", new ReportActivity(version, report.ReportedOn, report.Results, report.PublishedAt, report.FollowUps,
                report.Costs), cancellation);
    }

    private async Task EnsureCohortAsync(DemoCohort cohort, CancellationToken cancellation)
    {
        var existing = (await ListAsync<CohortSummary>("/api/cohorts", cancellation)).FirstOrDefault(c => c.Programme == cohort.Programme && c.Run == cohort.Run);
        if (existing is not null)
        {
            foreach (var concept in (await ListAsync<ConceptSummary>("/api/concepts", cancellation)))
                _concepts[concept.Title] = concept.Id;
            return;
        }

        var opened = await SendAsync<StreamCreated>(Registrar, HttpMethod.Post, "/api/cohorts", new OpenCohort(cohort.Programme, cohort.Run,
            Party(cohort.Organiser), cohort.Question, cohort.Period, "Demo world"), cancellation);
        var version = opened.Version;
        var participants = new List<Guid>();
        foreach (var (person, organisation) in cohort.Participants)
        {
            var added = await SendAsync<NetworkItemAdded>(Registrar, HttpMethod.Post, $"{opened.Url}/participants",
                new EnrolCohortParticipant(version, organisation, cohort.Period.From, person), cancellation);
            (version, participants) = (added.Version, [.. participants, added.ItemId]);
        }

        foreach (var (heldOn, title, absent) in cohort.Sessions)
            version = (await SendAsync<NetworkItemAdded>(Registrar, HttpMethod.Post, $"{opened.Url}/sessions",
                new HoldCohortSession(version, heldOn, title, participants[..^absent]), cancellation)).Version;
        await ChangeAsync(Registrar, $"{opened.Url}/final-presentation", new PresentCohortResults(version, cohort.Final.HeldOn, cohort.Final.Place,
            cohort.Final.Guests), cancellation);

        var today = AuthorityCalendar.DayOf((clock ?? TimeProvider.System).GetUtcNow());
        foreach (var concept in cohort.Concepts)
        {
            var developed = await SendAsync<StreamCreated>(Registrar, HttpMethod.Post, "/api/concepts", new DevelopConcept(opened.Id, concept.Title,
                concept.Summary, [.. concept.Developers.Select(i => participants[i])], concept.DevelopedOn, concept.TargetGroups, "Demo world"), cancellation);
            _concepts[concept.Title] = developed.Id;
            if (concept.Project is not { } project) continue;
            var conceptVersion = await ChangeAsync(Registrar, $"{developed.Url}/project",
                new AdoptConceptAsProject(developed.Version, project.Title, Party(project.Lead), project.AdoptedOn), cancellation);
            if (concept.Application is { } title)
                await ChangeAsync(Registrar, $"{developed.Url}/funding-application",
                    new LinkConceptToApplication(conceptVersion, await ApplicationIdAsync(title, cancellation), today), cancellation);
        }
    }

    private async Task<Guid> ApplicationIdAsync(string title, CancellationToken cancellation) =>
        (await FindAsync<ApplicationSummary>($"/api/applications?title={Uri.EscapeDataString(title)}", a => a.Title == title, cancellation))?.Id
        ?? throw new InvalidOperationException($"Demo world: no application '{title}'.");

    private async Task EnsureInstrumentAsync(DemoInstrument instrument, CancellationToken cancellation)
    {
        var existing = await FindAsync<InstrumentSummary>($"/api/instruments?name={Uri.EscapeDataString(instrument.Name)}", i => i.Name == instrument.Name,
            cancellation);
        if (existing is not null) return;

        var introduced = await SendAsync<StreamCreated>(Registrar, HttpMethod.Post, "/api/instruments", new IntroduceInstrument(instrument.Name, instrument.Kind,
            instrument.Description, [.. instrument.Providers.Select(Party)], instrument.IntroducedOn, instrument.Modes, instrument.TargetGroups,
            instrument.OriginConcept is null ? null : _concepts[instrument.OriginConcept], "Demo world"), cancellation);
        var version = introduced.Version;
        foreach (var use in instrument.Uses)
            version = (await SendAsync<NetworkItemAdded>(Registrar, HttpMethod.Post, $"{introduced.Url}/uses", new RecordInstrumentUse(version, Party(use.UsedBy),
                use.UsedOn, use.State, use.District, use.Mode, use.Participants, use.Activity is null ? null : _activities[use.Activity]), cancellation)).Version;
        foreach (var seal in instrument.Seals)
        {
            var school = Party(seal.School);
            version = await ChangeAsync(Registrar, $"{introduced.Url}/seals", new AwardCareerChoiceSeal(version, school, seal.State, seal.District,
                seal.AwardedOn, seal.ValidUntil), cancellation);
            foreach (var (renewedOn, validUntil) in seal.Renewals)
                version = await ChangeAsync(Registrar, $"{introduced.Url}/seals/{school}/renewal", new RenewCareerChoiceSeal(version, renewedOn, validUntil),
                    cancellation);
        }
    }

    private async Task EnsureIdeaAsync(DemoIdea idea, CancellationToken cancellation)
    {
        var alliance = _alliances[idea.Alliance];
        var existing = await FindAsync<ProjectIdeaDetails>($"/api/project-ideas?allianceId={alliance}&pageSize=200", i => i.Title == idea.Title, cancellation);
        if (existing is not null) return;

        var recorder = RecorderFor(idea.Alliance);
        var recorded = await SendAsync<StreamCreated>(recorder, HttpMethod.Post, "/api/project-ideas", new RecordProjectIdea(alliance, idea.Title, idea.Idea,
            idea.RecordedOn, idea.PartnersSought, idea.TargetGroups, "Demo world"), cancellation);
        var version = recorded.Version;
        if (idea.Partner is { } partner)
            version = await ChangeAsync(recorder, $"{recorded.Url}/partners", new CommitIdeaPartner(version, Party(partner.Partner), partner.On), cancellation);
        if (idea.RealisedBy is { } realised)
            await ChangeAsync(recorder, $"{recorded.Url}/realisation",
                new RealiseProjectIdea(version, await ApplicationIdAsync(realised.Application, cancellation), realised.On), cancellation);
        if (idea.Dropped is { } dropped)
            await ChangeAsync(recorder, $"{recorded.Url}/abandonment", new DropProjectIdea(version, dropped.On, dropped.Reason), cancellation);
    }

    private async Task EnsureRecommendationAsync(DemoRecommendation recommendation, CancellationToken cancellation)
    {
        var (alliance, municipality) = (_alliances[recommendation.Alliance], Party(recommendation.Municipality));
        var existing = await FindAsync<RecommendationDetails>($"/api/recommendations?allianceId={alliance}&municipalityId={municipality}&pageSize=200",
            r => r.Subject == recommendation.Subject, cancellation);
        if (existing is not null) return;

        var recorder = RecorderFor(recommendation.Alliance);
        var issued = await SendAsync<StreamCreated>(recorder, HttpMethod.Post, "/api/recommendations", new IssueRecommendation(alliance, municipality,
            recommendation.Subject, recommendation.Text, recommendation.IssuedOn, "Demo world"), cancellation);
        var version = issued.Version;
        foreach (var (on, status, note) in recommendation.FollowUps)
            version = await ChangeAsync(recorder, $"{issued.Url}/follow-ups", new FollowUpRecommendation(version, on, status, note), cancellation);
    }
}
