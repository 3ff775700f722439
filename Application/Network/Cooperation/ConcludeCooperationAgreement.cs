using System.Security.Claims;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Network.Cooperation;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Marten;

namespace Fachwerk.Application.Network.Cooperation;

/// <summary>
/// Records a cooperation agreement between organisations (a university and a district, companies and vocational schools), or
/// other parties of the network: its parties, subject, the day it was concluded, and its term (open-ended without an end).
/// </summary>
/// <param name="PartyIds">The organisations, alliances or network actors that agreed; at least two.</param>
/// <param name="Subject">What they agreed to do together.</param>
/// <param name="ConcludedOn">The day it was concluded.</param>
/// <param name="ValidFrom">The first day it applies.</param>
/// <param name="ValidUntil">The last day it applies; none for an open-ended agreement.</param>
public sealed record ConcludeCooperationAgreement(
    IReadOnlyList<Guid> PartyIds,
    string Subject,
    DateOnly ConcludedOn,
    DateOnly ValidFrom,
    DateOnly? ValidUntil = null,
    string? Reason = null) : ICommand;

public sealed class ConcludeCooperationAgreementValidator : AbstractValidator<ConcludeCooperationAgreement>
{
    public ConcludeCooperationAgreementValidator()
    {
        RuleFor(x => x.PartyIds).ShortList().Must(p => p.Count >= 2).WithMessage("A cooperation agreement has at least two parties.");
        RuleForEach(x => x.PartyIds).NotEmpty();
        RuleFor(x => x.Subject).NotEmpty().MaximumLength(CommonRules.ReasonLength);
        RuleFor(x => x.ConcludedOn).PlausibleDate();
        RuleFor(x => x.ValidFrom).PlausibleDate();
        RuleFor(x => x.ValidUntil!.Value).PlausibleDate().GreaterThanOrEqualTo(x => x.ValidFrom)
            .WithMessage("The agreement cannot end before it starts.").When(x => x.ValidUntil is not null);
        this.OptionalReasonRule();
    }
}

public static class ConcludeCooperationAgreementEndpoint
{
    /// <summary>Records a cooperation agreement between two or more parties; answers its id, version and address.</summary>
    [DeduplicatedWithResponse(DeduplicationScope.User | DeduplicationScope.Endpoint, Required = false)]
    [Authorize(Roles = NetworkRoles.Keepers)]
    [WolverinePost("/api/cooperation-agreements")]
    public static async Task<(StreamCreated, IStartStream)> Post(
        ConcludeCooperationAgreement command, IDocumentSession session, ClaimsPrincipal user, TimeProvider clock, CancellationToken cancellation)
    {
        var parties = await NetworkParties.ResolveAsync(session, command.PartyIds, cancellation);
        var id = Guid.CreateVersion7();
        var concluded = CooperationDecider.Conclude(id,
            new AgreementTerms(command.Subject, parties, command.ConcludedOn, command.ValidFrom, command.ValidUntil), user.Stamp(clock));
        return (new StreamCreated(id, 1, NetworkUrls.Agreement(id)), MartenOps.StartStream<CooperationAgreement>(id, concluded));
    }
}
