using System.Reflection;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using JasperFx.Events;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Http.CodeGen;
using Wolverine.Marten;

namespace Fachwerk.Application.Common;

/// <summary>
/// Checks a change command's expected version against the stream it writes, after the stream was loaded and after the
/// endpoint's access checks (its <c>Before</c> steps): a caller who may not act on a record learns nothing about its version
/// (403 first), and a stale command answers 409 naming the current version. Marten checks the version again when the events
/// are appended, so a writer that slips in between still loses with 409.
/// </summary>
public sealed class ExpectedVersionPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            if (!chain.HasRequestType || !chain.RequestType!.IsAssignableTo(typeof(IChangeCommand))) continue;

            var written = chain.Method.Method.GetParameters().Where(p => p.GetCustomAttribute<WriteAggregateAttribute>() is not null).ToList();
            if (written.Count != 1)
                throw new InvalidOperationException(
                    $"{chain.Method.HandlerType.Name}.{chain.Method.Method.Name}: a change command writes exactly one stream with [WriteAggregate].");

            var aggregate = CommandTransactionPolicy.AggregateOf(written[0].ParameterType);

            var method = typeof(ExpectedVersion).GetMethod(nameof(ExpectedVersion.Check))!.MakeGenericMethod(aggregate, chain.RequestType);
            var check = new MethodCall(typeof(ExpectedVersion), method) { CommentText = "The command's expected version against the stream's" };
            chain.Middleware.AddRange([check, new MaybeEndWithResultFrame(check.ReturnVariable!)]);
        }
    }
}

public static class ExpectedVersion
{
    private const string WrittenStreamKey = "fachwerk:written-stream";

    public static IResult Check<TAggregate, TCommand>(IEventStream<TAggregate> stream, TCommand command, HttpContext http)
        where TAggregate : class where TCommand : IChangeCommand
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(http);
        // A writer that slips in before the append makes Marten refuse it, and Npgsql may redact the stream id from that error.
        http.Items[WrittenStreamKey] = new WrittenStream(stream.Id, typeof(TAggregate).Name, command.ExpectedVersion);
        // A stream not started yet (a person's first binding) is at version 0.
        return (stream.CurrentVersion ?? 0) == command.ExpectedVersion
            ? WolverineContinue.Result()
            : Results.Problem(Problems.StaleVersion(Problems.NameOf(typeof(TAggregate).Name), stream.CurrentVersion ?? 0));
    }

    /// <summary>The stream the request's command writes, once it was loaded.</summary>
    public static WrittenStream? Of(HttpContext http) => http?.Items.TryGetValue(WrittenStreamKey, out var written) == true ? written as WrittenStream : null;
}

/// <summary>The stream a command writes, the name of its write model (<c>Alliance</c>) and the version the command expected.</summary>
public sealed record WrittenStream(Guid Id, string Aggregate, long ExpectedVersion);
