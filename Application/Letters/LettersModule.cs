using Wolverine;

namespace Fachwerk.Application.Letters;

/// <summary>The letters' queue (ADR 0104): durable like every local queue, apart from the budget's so a letter never holds up a commitment.</summary>
public sealed class LettersModule : FachwerkModule
{
    public const string Queue = "letters";

    public override void ConfigureMessaging(WolverineOptions opts)
    {
        ArgumentNullException.ThrowIfNull(opts);
        opts.PublishMessage<IssueDecisionLetter>().ToLocalQueue(Queue);
        opts.PublishMessage<IssueChangeNotice>().ToLocalQueue(Queue);
    }
}
