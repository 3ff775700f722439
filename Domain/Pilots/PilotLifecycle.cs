namespace Fachwerk.Domain.Pilots;

/// <summary>
/// The status machine of a pilot project: which status each event leads to. The write model and the pilot's read model
/// follow this one function.
/// </summary>
public static class PilotLifecycle
{
    public static PilotStatus StatusAfter(PilotStatus status, object @event) => @event switch
    {
        PilotLaunched => PilotStatus.Running,
        PilotEvaluationDue => PilotStatus.EvaluationDue,
        PilotContinuationDecided { Decision: ContinuationDecision.Continue } => PilotStatus.Continued,
        PilotContinuationDecided => PilotStatus.Ended,
        _ => status,
    };
}
