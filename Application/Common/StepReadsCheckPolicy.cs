using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;

namespace Fachwerk.Application.Common;

/// <summary>
/// In a message handler that loads the read models of the streams it writes (<see cref="StepReads{TMessage}"/>), checks each
/// stream's read models once the stream is read: <c>PreloadedReadModels.KeepIfCurrent</c> right after the frame that reads it.
/// Wolverine adds a handler's stream reads only when it generates the code, after the chain policies ran, so this is a policy on
/// the generated method (ADR 0136).
/// </summary>
public sealed class StepReadsCheckPolicy : IMethodPreCompilationPolicy
{
    public void Apply(IGeneratedMethod method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var frames = method.Frames;
        if (frames.OfType<MethodCall>().FirstOrDefault(c => c.Method.Name == nameof(CommandTransaction.StepReadsOf)) is not { } reads) return;
        var streams = StepStreams.Of(reads.Method.GetGenericArguments()[0]).Select(s => s.ReadModels.Stream).ToHashSet();
        for (var i = frames.Count - 1; i >= 0; i--)
        {
            if (CommandTransactionPolicy.StreamOf(frames[i]) is not { } aggregate || !streams.Contains(aggregate)) continue;
            frames.Insert(i + 1, new MethodCall(typeof(PreloadedReadModels), CommandTransactionPolicy.KeepIfCurrent(typeof(PreloadedStreams), aggregate))
            {
                CommentText = "Preloaded read models only if current",
            });
        }
    }
}
