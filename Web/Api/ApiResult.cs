namespace Fachwerk.Web.Api;

/// <summary>What the API answered: the body (<see cref="Value"/>) or the problem, with the status and a created resource's address.</summary>
public sealed class ApiResult<T>
{
    private ApiResult(int status, T? value, ApiProblem? problem, Uri? location)
    {
        Status = status;
        Value = value;
        Problem = problem;
        Location = location;
    }

    public int Status { get; }

    /// <summary>The body of a successful answer (default for one without a body).</summary>
    public T? Value { get; }

    /// <summary>The problem of a refused or failed request; null on success.</summary>
    public ApiProblem? Problem { get; }

    /// <summary>The <c>Location</c> of a created resource.</summary>
    public Uri? Location { get; }

    public bool IsSuccess => Problem is null;

    /// <summary>The body, or an <see cref="ApiProblemException"/> for callers that expect success (scripts, tests).</summary>
    public T Result => IsSuccess ? Value! : throw new ApiProblemException(Problem!);

    public static ApiResult<T> Success(int status, T? value, Uri? location) => new(status, value, null, location);

    public static ApiResult<T> Failure(ApiProblem problem) => new(problem.Status, default, problem, null);
}

/// <summary>The API refused a request that the caller expected to succeed.</summary>
public sealed class ApiProblemException(ApiProblem problem)
    : Exception($"The API answered {problem.Status} {problem.Code ?? problem.Title}: {problem.Detail}")
{
    public ApiProblem Problem { get; } = problem;
}
