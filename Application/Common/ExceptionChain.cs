namespace Fachwerk.Application.Common;

/// <summary>Finds an exception of a kind inside another: Marten and Wolverine wrap Npgsql's, sometimes in an aggregate.</summary>
public static class ExceptionChain
{
    /// <summary>The first <typeparamref name="T"/> in <paramref name="exception"/> or its inner exceptions that <paramref name="matches"/>, or null.</summary>
    public static T? Find<T>(Exception? exception, Func<T, bool> matches) where T : Exception
    {
        ArgumentNullException.ThrowIfNull(matches);
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is T found && matches(found)) return found;
            if (e is AggregateException aggregate)
                return aggregate.InnerExceptions.Select(inner => Find(inner, matches)).FirstOrDefault(found => found is not null);
        }

        return null;
    }
}
