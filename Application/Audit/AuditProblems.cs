using Fachwerk.Application.Common;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Application.Audit;

/// <summary>The problem details the audit endpoints answer with, in the service's format (docs/architecture.md, "Errors").</summary>
public static class AuditProblems
{
    public static IResult StreamNotFound(Guid streamId) =>
        NotFound($"There is no stream with id {streamId}.");

    public static IResult ApplicationNotFound(Guid applicationId) =>
        NotFound($"There is no funding application with id {applicationId}.");

    public static IResult NotFound(string detail) => Results.Problem(Problems.NotFound(detail));

    public static IResult Problem(int status, string code, string title, string detail) => Results.Problem(Problems.Create(status, code, title, detail));
}
