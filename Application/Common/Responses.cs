using Wolverine.Http;

namespace Fachwerk.Application.Common;

/// <summary>201 Created with a Location header; the body names the new stream and its version.</summary>
public sealed record StreamCreated(Guid Id, long Version, string Url) : CreationResponse(Url);

/// <summary>One page of a list read model.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long PageNumber, long PageSize, long TotalItems, long PageCount);

/// <summary>Paging parameters shared by list queries (1-based page number).</summary>
public interface IPagedQuery
{
    int Page { get; }
    int PageSize { get; }
}

public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 200;

    public static Page<T> ToPage<T>(this Marten.Pagination.IPagedList<T> list) =>
        new([.. list], list.PageNumber, list.PageSize, list.TotalItemCount, list.PageCount);
}
