namespace Fachwerk.Application.Common;

/// <summary>The read models a message handler loaded for the streams it writes (<see cref="StepReads{TMessage}"/>), one set per stream.</summary>
public sealed class PreloadedStreams(IReadOnlyList<PreloadedReadModels> streams)
{
    public static readonly PreloadedStreams None = new([]);

    internal IReadOnlyList<PreloadedReadModels> Streams { get; } = streams;
}
