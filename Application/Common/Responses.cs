using Marten;
using Wolverine.Http;

namespace Fachwerk.Application.Common;

/// <summary>201 Created with a Location header; the body names the new stream and its version.</summary>
/// <param name="Id">The id of the new record.</param>
/// <param name="Version">Its first version: send it as <c>expectedVersion</c> with the next command on it.</param>
/// <param name="Url">Where to read it (also in the <c>Location</c> header).</param>
public sealed record StreamCreated(Guid Id, long Version, string Url) : CreationResponse(Url);

/// <summary>One page of a list read model.</summary>
/// <param name="Items">The entries of this page.</param>
/// <param name="PageNumber">The number of this page, from 1.</param>
/// <param name="PageSize">How many entries a page holds at most.</param>
/// <param name="TotalItems">How many entries match, on all pages.</param>
/// <param name="PageCount">How many pages there are.</param>
public sealed record Page<T>(IReadOnlyList<T> Items, long PageNumber, long PageSize, long TotalItems, long PageCount);

/// <summary>Paging parameters shared by list queries (1-based page number).</summary>
public interface IPagedQuery
{
    /// <summary>The page to answer, 1 to 100,000.</summary>
    int Page { get; }

    /// <summary>Entries per page, 1 to 200 (default 25).</summary>
    int PageSize { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    /// <summary>
    /// The last page a list answers: 100,000 pages of up to 200 entries reach 20 million entries, and the offset of the last one
    /// still fits the database's 32-bit offset (a larger page number answered 500).
    /// </summary>
    public const int MaxPage = 100_000;

    /// <summary>
    /// One page of <paramref name="filtered"/> in the order (and shape) <paramref name="orderAndShape"/> gives it, with the total.
    /// Two queries on purpose: Marten's <c>ToPagedListAsync</c> counts with <c>count(*) over()</c>, which makes PostgreSQL read
    /// every matching document before it can cut the page; a plain count reads an index, and the page reads only its rows.
    /// </summary>
    public static async Task<Page<TItem>> PageAsync<TDoc, TItem>(
        this IQueryable<TDoc> filtered, Func<IQueryable<TDoc>, IQueryable<TItem>> orderAndShape, int page, int pageSize, CancellationToken cancellation)
        where TDoc : notnull where TItem : notnull
    {
        ArgumentNullException.ThrowIfNull(orderAndShape);
        var total = await filtered.LongCountAsync(cancellation);
        var items = await orderAndShape(filtered).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellation);
        return new Page<TItem>(items, page, pageSize, total, (total + pageSize - 1) / pageSize);
    }
}
