using Fachwerk.Application.Common;
using Fachwerk.Application.Pilots;

namespace Fachwerk.Host.Development.DemoWorld;

/// <summary>The pilot part of the demo world, sent as the project lead (paul.projekt).</summary>
public sealed partial class DemoWorldSeeder
{
    private static readonly DemoUser ProjectLead = DemoUsers.ProjectLead;

    /// <summary>Launches the demo pilots that do not exist yet (by name) and records their history.</summary>
    private async Task SeedPilotsAsync(CancellationToken cancellation)
    {
        foreach (var pilot in new[] { DemoWorldPilotData.Relocation })
        {
            var existing = await FindAsync<PilotSummary>(
                $"/api/pilots?name={Uri.EscapeDataString(pilot.Name)}", p => p.Name == pilot.Name, cancellation, ProjectLead);
            if (existing is null)
                await LaunchPilotAsync(pilot, cancellation);
        }
    }

    private async Task LaunchPilotAsync(DemoPilot pilot, CancellationToken cancellation)
    {
        // A phase that has already ended makes the evaluation due with the launch: the answer names the version after both.
        var launched = await SendAsync<StreamCreated>(ProjectLead, HttpMethod.Post, "/api/pilots",
            new LaunchPilot(pilot.Name, pilot.Sponsor, pilot.PilotPhase, pilot.FundingSources, pilot.OfferedServices, "Demo world"), cancellation);
        var url = launched.Url;
        var version = launched.Version;

        var lead = new Caller(ProjectLead, Pilot: launched.Id);

        async Task<T> Send<T>(HttpMethod method, string path, object command) where T : class
        {
            var answer = await SendAsync<T>(lead, method, url + path, command, cancellation);
            version = answer switch
            {
                CommandAccepted accepted => accepted.Version,
                PilotItemAdded added => added.Version,
                _ => version,
            };
            return answer;
        }

        foreach (var partner in pilot.Partners)
            await Send<PilotItemAdded>(HttpMethod.Post, "/partners", new AddPilotPartner(version, partner.Name, partner.Country, partner.Role, partner.JoinedOn));

        var companies = new Dictionary<string, Guid>();
        foreach (var company in pilot.Companies)
        {
            companies[company.Name] = (await Send<PilotItemAdded>(HttpMethod.Post, "/companies", new EnrolCompany(version, company.Name,
                company.Town, company.SkilledWorkersNeeded, company.Occupations, company.EnrolledOn))).ItemId;
        }

        foreach (var (heldOn, trainedCompanies) in pilot.InterculturalTrainings)
            await Send<PilotItemAdded>(HttpMethod.Post, "/intercultural-trainings",
                new HoldInterculturalTraining(version, [.. trainedCompanies.Select(c => companies[c])], heldOn));

        foreach (var spending in pilot.Spending ?? [])
            await Send<PilotItemAdded>(HttpMethod.Post, "/spending", new RecordPilotSpending(version, spending.Source, spending.Category, spending.Amount,
                spending.SpentOn, spending.Note));

        // Participant commands carry no reason: reasons are stored in plain text, personal data never are.
        foreach (var person in pilot.Participants)
        {
            var participant = (await Send<PilotItemAdded>(HttpMethod.Post, "/participants", new EnrolParticipant(version, person.Kind,
                person.EnrolledOn, person.InternshipEndsOn, new ParticipantPersonalData(person.GivenName, person.FamilyName,
                    person.BirthDate, person.Nationality, person.Email)))).ItemId;
            foreach (var (service, deliveredOn) in person.Services)
                await Send<CommandAccepted>(HttpMethod.Post, $"/participants/{participant}/services", new DeliverService(version, service, deliveredOn));
            if (person.Referral is { } referral)
            {
                await Send<CommandAccepted>(HttpMethod.Post, $"/participants/{participant}/referrals",
                    new ReferParticipant(version, companies[referral.Company], referral.ReferredOn));
                if (person.PlacedOn is { } placedOn)
                    await Send<CommandAccepted>(HttpMethod.Post, $"/participants/{participant}/placement",
                        new PlaceParticipant(version, companies[referral.Company], placedOn));
            }
        }
    }
}
