using Marten;

namespace Fachwerk.Application.Audit;

/// <summary>Audit: the hash chain over every stored event and the rule re-checks (docs/architecture.md, "Audit").</summary>
public sealed class AuditModule : FachwerkModule
{
    public override void ConfigureStore(StoreOptions opts) => AuditRegistration.ConfigureStore(opts);
}
