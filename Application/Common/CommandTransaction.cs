using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Fachwerk.Application.Notifications;
using Fachwerk.Application.People;
using Marten;
using Microsoft.AspNetCore.Builder;
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
/// stream (the budget workflow's steps, the timers, the letters). A command endpoint also reads the caller's bindings in that
/// transaction (ADR 0134).
/// </summary>
public sealed class CommandTransactionPolicy : IHttpPolicy, IHandlerPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (!IsCommand(chain)) continue;

            // Right after the body's validation (its call and the frame that ends with its answer), so a refused body never
            // takes a connection.
            var validation = chain.Middleware.FindIndex(f => f is MethodCall call && call.HandlerType == typeof(CommandValidation));
            var at = validation < 0 ? 0 : validation + 2;
            // The caller and the read models as a query plan (CommandReads), which Wolverine sends in the batch that reads the
            // endpoint's streams and aggregates, or on its own where it reads none; what the caller acts for goes into the principal
            // right after that batch, before anything decides.
            chain.Middleware.Insert(at, new MethodCall(typeof(CommandTransaction), nameof(CommandTransaction.BeginWithReadsAsync))
            {
                CommentText = "Read and write in one transaction; the caller and the read models read with what the endpoint loads",
            });
            chain.Middleware.Insert(at + 1, new MethodCall(typeof(CommandTransaction), nameof(CommandTransaction.Resolve))
            {
                CommentText = "What the caller acts for, as their person says",
            });
            if (ReadModelsOf(chain) is not { } readModels) continue;
            chain.Metadata.WithMetadata(readModels);
            // Once the stream is read, before anything decides: read models a concurrent command left behind are read again.
            var keep = KeepIfCurrent(typeof(HttpContext), readModels.Aggregate);
            // Right after the frame that reads the stream, before the endpoint's own Load steps read anything.
            var stream = chain.Middleware.FindIndex(f => StreamOf(f) is not null);
            var keepFrame = new MethodCall(typeof(PreloadedReadModels), keep) { CommentText = "Preloaded read models only if current" };
            if (stream < 0) chain.Middleware.Add(keepFrame);
            else chain.Middleware.Insert(stream + 1, keepFrame);
        }
    }

    /// <summary>
    /// The read models of the stream the endpoint writes, when the route names that stream and its module declares some
    /// (ADR 0135): loaded in the round trip that reads the caller's bindings.
    /// </summary>
    private static StreamReadModelsOfEndpoint? ReadModelsOf(HttpChain chain)
    {
        var routeArguments = chain.RoutePattern?.Parameters.Select(p => p.Name).ToHashSet() ?? [];
        return chain.Method.Method.GetParameters()
            .Select(p => (Aggregate: AggregateOf(p.ParameterType), Argument: (p.GetCustomAttributes(typeof(WriteAggregateAttribute), inherit: true)
                .FirstOrDefault() as WriteAggregateAttribute)?.RouteOrParameterName))
            .Where(p => p.Argument is not null && routeArguments.Contains(p.Argument))
            .Select(p => StreamReadModels.For(p.Aggregate) is { } models ? new StreamReadModelsOfEndpoint(p.Argument!, p.Aggregate, models) : null)
            .FirstOrDefault(r => r is not null);
    }

    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        ArgumentNullException.ThrowIfNull(chains);
        foreach (var chain in chains.Where(c => c.Handlers.Any(WritesAStream)))
        {
            chain.Middleware.Insert(0, new MethodCall(typeof(CommandTransaction), nameof(CommandTransaction.BeginStepAsync))
            {
                CommentText = "Read and write in one transaction",
            });
            if (StepStreams.Of(chain.MessageType).Count == 0) continue;
            // The read models of the streams it writes, as a query plan that Wolverine sends with the streams' reads (ADR 0136);
            // StepReadsCheckPolicy keeps each only if it is at its stream's version.
            var reads = typeof(CommandTransaction).GetMethod(nameof(CommandTransaction.StepReadsOf))!.MakeGenericMethod(chain.MessageType);
            chain.Middleware.Insert(1, new MethodCall(typeof(CommandTransaction), reads) { CommentText = "The read models of the streams it writes" });
        }
    }

    /// <summary>The <see cref="PreloadedReadModels"/>' check for <paramref name="aggregate"/>'s stream, of an endpoint or of a handler.</summary>
    internal static System.Reflection.MethodInfo KeepIfCurrent(Type preloadedFrom, Type aggregate) =>
        typeof(PreloadedReadModels).GetMethods()
            .Single(m => m.Name == nameof(PreloadedReadModels.KeepIfCurrent) && m.GetParameters()[2].ParameterType == preloadedFrom)
            .MakeGenericMethod(aggregate);

    /// <summary>The write model of the event stream a frame reads, if it reads one.</summary>
    internal static Type? StreamOf(Frame frame) =>
        frame.Creates.Select(v => v.VariableType)
            .FirstOrDefault(t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(JasperFx.Events.IEventStream<>))?.GetGenericArguments()[0];

    /// <summary>An endpoint whose body is a command: it begins its transaction after the validation, and reads the caller's bindings in it.</summary>
    public static bool IsCommand(HttpChain chain) => chain?.HasRequestType == true && chain.RequestType!.IsAssignableTo(typeof(ICommand));

    /// <summary>Whether the request goes to a command endpoint, which reads the caller's bindings in its transaction (ADR 0134).</summary>
    public static bool ReadsBindingsInItsTransaction(HttpContext context) =>
        context?.GetEndpoint()?.Metadata.GetMetadata<HttpChain>() is { } chain && IsCommand(chain);

    /// <summary>The write model of a <c>[WriteAggregate]</c> parameter, which is it or its event stream.</summary>
    internal static Type AggregateOf(Type parameter) =>
        parameter.IsGenericType && parameter.GetGenericTypeDefinition() == typeof(JasperFx.Events.IEventStream<>) ? parameter.GetGenericArguments()[0] : parameter;

    private static bool WritesAStream(MethodCall handler) => handler.Method.GetParameters().Any(p => p.IsDefined(typeof(WriteAggregateAttribute), inherit: true));
}

public static class CommandTransaction
{
    /// <summary>
    /// Begins the transaction of a command endpoint, and answers what it reads before anything decides (the caller, the stream's
    /// read models) as a query plan: Wolverine runs it in the batch that reads the streams and aggregates the endpoint loads, or in
    /// a batch of its own where it loads none (ADR 0136).
    /// </summary>
    public static async Task<CommandReads> BeginWithReadsAsync(IDocumentSession session, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(http);
        await session.BeginTransactionAsync(http.RequestAborted).ConfigureAwait(false);
        return new CommandReads(session, http);
    }

    /// <summary>Puts what the caller acts for, as their person read in the transaction says, into the request's principal.</summary>
    public static void Resolve(CommandCaller caller, HttpContext http, UserProfiles profiles, IDocumentSession session)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(profiles);
        if (!caller.ReadInTheTransaction) return;
        RecordedBindings.Resolve(http, caller.Person);
        // The profile kept up to date with the bindings, in the command's transaction: never on a second connection (ADR 0138).
        profiles.RememberIn(session, http.User);
    }

    /// <summary>The read models of the streams a message handler writes, as a query plan (ADR 0136).</summary>
    public static StepReads<TMessage> StepReadsOf<TMessage>(IDocumentSession session, TMessage message) => new(session, message);

    public static async Task BeginStepAsync(IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(session);
        await session.BeginTransactionAsync(cancellation).ConfigureAwait(false);
    }
}
