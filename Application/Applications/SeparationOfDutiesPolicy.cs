using System.Reflection;
using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Applications;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Applications;

/// <summary>
/// Separation of duties where it needs the bindings: every operation on a funding application that is not the applicant's
/// own (asking for documents, completeness, the vote, proposals and their confirmation or return, payments, checks, reclaims,
/// closure) refuses a caller who acts for the applicant organisation, whatever role lets them call it. Added to every such
/// endpoint, including new ones, after its own access check and before the version check (ADR 0060). The user ids the
/// case recorded are checked by the domain (<see cref="SeparationOfDuties"/>).
/// </summary>
public sealed class SeparationOfDutiesPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(DecidesOnAnApplication))
        {
            var check = new MethodCall(typeof(SeparationOfDutiesPolicy), typeof(SeparationOfDutiesPolicy).GetMethod(nameof(Check))!)
            {
                CommentText = "Separation of duties: nobody who acts for the applicant decides on its case",
            };
            chain.Middleware.Add(check);
        }
    }

    public static void Check(FundingApplication application, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(user);
        user.EnsureNotActingForApplicant(application.ApplicantId);
    }

    /// <summary>Writes a funding application, and the applicant's role does not permit it (the funding authority's or the alliance's act).</summary>
    public static bool DecidesOnAnApplication(HttpChain chain)
    {
        var writesApplication = chain.Method.Method.GetParameters()
            .Any(p => p.ParameterType == typeof(FundingApplication) && p.GetCustomAttribute<WriteAggregateAttribute>() is not null);
        var roles = chain.Method.Method.GetCustomAttributes<AuthorizeAttribute>()
            .SelectMany(a => (a.Roles ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
        return writesApplication && !roles.Contains(Roles.Applicant);
    }
}
