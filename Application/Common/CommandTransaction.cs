using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Marten;
using Microsoft.AspNetCore.Http;
using Wolverine.Configuration;
using Wolverine.Http;
using Wolverine.Marten;
using Wolverine.Runtime.Handlers;

namespace Fachwerk.Application.Common;

/// <summary>
/// Opens a command's database transaction before it reads anything, once its body passed validation: the stream and the
/// documents it decides from are read in the transaction that appends its events, not each in an autocommit of its own
/// (issue 25, ADR 0132). Read committed, as before; nothing is locked by the reads. A command that is refused after the
/// reads ends with its transaction rolled back when the session is disposed. The same for the message handlers that write a
/// stream (the budget workflow's steps, the timers, the letters).
/// </summary>
public sealed class CommandTransactionPolicy : IHttpPolicy, IHandlerPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (!chain.HasRequestType || !chain.RequestType!.IsAssignableTo(typeof(ICommand))) continue;

            // Right after the body's validation (its call and the frame that ends with its answer), so a refused body never
            // takes a connection.
            var validation = chain.Middleware.FindIndex(f => f is MethodCall call && call.HandlerType == typeof(CommandValidation));
            var begin = new MethodCall(typeof(CommandTransaction), nameof(CommandTransaction.BeginAsync))
            {
                CommentText = "Read and write in one transaction",
            };
            chain.Middleware.Insert(validation < 0 ? 0 : validation + 2, begin);
        }
    }

    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        ArgumentNullException.ThrowIfNull(chains);
        foreach (var chain in chains.Where(WritesAStream))
        {
            chain.Middleware.Insert(0, new MethodCall(typeof(CommandTransaction), nameof(CommandTransaction.BeginStepAsync))
            {
                CommentText = "Read and write in one transaction",
            });
        }
    }

    private static bool WritesAStream(HandlerChain chain) =>
        chain.Handlers.Any(h => h.Method.GetParameters().Any(p => p.IsDefined(typeof(WriteAggregateAttribute), inherit: true)));
}

public static class CommandTransaction
{
    public static async Task BeginAsync(IDocumentSession session, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(http);
        await session.BeginTransactionAsync(http.RequestAborted).ConfigureAwait(false);
    }

    public static async Task BeginStepAsync(IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.BeginTransactionAsync(cancellation).ConfigureAwait(false);
    }
}
