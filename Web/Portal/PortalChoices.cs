using Fachwerk.Application.Alliances;
using Fachwerk.Application.Common;
using Fachwerk.Application.Programmes;
using Fachwerk.Domain.Alliances;
using Fachwerk.Web.Api;

namespace Fachwerk.Web.Portal;

/// <summary>What an applicant can apply to, read through the API as the user: the programmes open today and the alliances' regions.</summary>
public static class PortalChoices
{
    /// <summary>The programmes whose funding period includes <paramref name="today"/> (the API refuses a submission outside it).</summary>
    public static async Task<IReadOnlyList<ProgrammeDetails>?> OpenProgrammesAsync(FachwerkApiClient api, DateOnly today, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(api);
        var programmes = await api.GetAsync<Page<ProgrammeDetails>>($"/api/programmes?pageSize={Paging.MaxPageSize}", cancellation: cancellation);
        return programmes.Value is { } page ? [.. page.Items.Where(p => p.FundingPeriod.Contains(today)).OrderBy(p => p.Name, StringComparer.CurrentCulture)] : null;
    }

    /// <summary>Of <paramref name="programmes"/>, those that fund natural persons who apply themselves (ADR 0123).</summary>
    public static IReadOnlyList<ProgrammeDetails> ForPersons(IReadOnlyList<ProgrammeDetails> programmes) =>
        [.. programmes.Where(p => p.PersonApplicants.Any)];

    /// <summary>The regions of the alliances that take applications (every alliance not dissolved), each with its districts.</summary>
    public static async Task<IReadOnlyList<PortalRegion>> RegionsAsync(FachwerkApiClient api, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(api);
        var alliances = await api.GetAsync<Page<AllianceSummary>>($"/api/alliances?pageSize={Paging.MaxPageSize}", cancellation: cancellation);
        var open = (alliances.Value?.Items ?? []).Where(a => a.Status != AllianceStatus.Dissolved).OrderBy(a => a.Name, StringComparer.CurrentCulture);
        var regions = new List<PortalRegion>();
        foreach (var alliance in open)
        {
            if ((await api.GetAsync<AllianceDetails>($"/api/alliances/{alliance.Id}", cancellation: cancellation)).Value is { } details)
                regions.Add(new PortalRegion(details.Id, details.Name, details.Districts));
        }

        return regions;
    }
}
