using Fachwerk.Application.Audit;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;
using FluentValidation;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>One step in an application's history: when, what (in German and English), who, and why.</summary>
/// <param name="Version">The application's version after this step.</param>
/// <param name="At">When it happened.</param>
/// <param name="EventType">What happened, as the event's type name.</param>
/// <param name="Label">What happened, in German and English.</param>
/// <param name="By">Who acted: the person the event names, else the user the command was authenticated as.</param>
/// <param name="Reason">Why, as the command said.</param>
/// <param name="Command">The command that recorded it; none for steps the service took itself (deadlines, the budget workflow).</param>
public sealed record HistoryEntry(long Version, DateTimeOffset At, string EventType, Label Label, string? By, string? Reason, string? Command)
{
    public static HistoryEntry From(IEvent e)
    {
        var fact = e.Data as IRecordedFact;
        return new HistoryEntry(e.Version, fact?.RecordedAt ?? e.Timestamp, e.EventTypeName, EventLabels.Of(e.Data, e.EventType), fact?.RecordedBy ?? e.UserName,
            Header(e, CommandMetadata.ReasonHeader), Header(e, CommandMetadata.CommandHeader));
    }

    private static string? Header(IEvent e, string name) =>
        e.Headers is not null && e.Headers.TryGetValue(name, out var value) && value is not null ? value.ToString() : null;
}

/// <summary>Which page of an application's history to read (newest first).</summary>
/// <param name="Page">The page to answer, from 1.</param>
/// <param name="PageSize">Steps per page, 1 to 200 (default 25).</param>
public sealed record ApplicationHistoryQuery(int Page = 1, int PageSize = Paging.DefaultPageSize) : IPagedQuery;

public sealed class ApplicationHistoryQueryValidator : AbstractValidator<ApplicationHistoryQuery>
{
    public ApplicationHistoryQueryValidator() => this.PagingRules();
}

public static class GetApplicationHistoryEndpoint
{
    /// <summary>
    /// Reads an application's history for the funding authority's staff: who did what, when and why, newest first, one page at a
    /// time. Applicants and alliance reviewers do not read it (it holds the authority's internal reasons, e.g. why a proposal was
    /// returned); auditors read every field of every event in the audit timeline.
    /// </summary>
    [Authorize(Roles = Roles.Staff)]
    [WolverineGet("/api/applications/{id}/history")]
    public static async Task<Page<HistoryEntry>> Get(
        Guid id, [FromQuery] ApplicationHistoryQuery query, [Document("id")] ApplicationDetails application, IQuerySession session,
        CancellationToken cancellation)
    {
        // An application's stream holds tens of events, a few hundred at most: read it whole and cut the page here.
        var events = await session.Events.FetchStreamAsync(application.Id, token: cancellation);
        var total = events.Count;
        var items = events.OrderByDescending(e => e.Version).Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .Select(HistoryEntry.From).ToList();
        return new Page<HistoryEntry>(items, query.Page, query.PageSize, total, (total + query.PageSize - 1) / query.PageSize);
    }
}
