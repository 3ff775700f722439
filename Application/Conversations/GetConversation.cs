using System.Security.Claims;
using Fachwerk.Application.Applications;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Conversations;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;
using Wolverine.Http.Marten;

namespace Fachwerk.Application.Conversations;

public static class GetConversationEndpoint
{
    public static void Before(ApplicationDetails application, ClaimsPrincipal user) =>
        ConversationAccess.EnsureMayRead(user, application.Applicant.Id);

    /// <summary>
    /// Reads the conversation on an application: the messages between its applicant's people and the authority, and for the
    /// authority's staff the internal notes; with what the caller has not read yet and whether they may write.
    /// </summary>
    [Authorize(Roles = Roles.Applicant + "," + Roles.Staff)]
    [WolverineGet("/api/applications/{id}/conversation")]
    public static async Task<CaseConversation> Get([Document] ApplicationDetails application, ClaimsPrincipal user, IQuerySession session,
        CancellationToken cancellation)
    {
        var batch = session.CreateBatchQuery();
        var view = batch.Load<ConversationView>(Conversation.IdOf(application.Id));
        var mark = batch.Load<ConversationReadMark>(ConversationReadMark.IdOf(user.UserId(), application.Id));
        await batch.Execute(cancellation);
        return CaseConversation.For(user, application.Id, application.Applicant.Id, await view, await mark);
    }
}
