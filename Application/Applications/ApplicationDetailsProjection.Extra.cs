using Fachwerk.Domain.Applications;
using JasperFx.Events;

namespace Fachwerk.Application.Applications;

/// <summary>The values of the application's extra fields (ADR 0122); the draft's are set in <c>Create</c>.</summary>
public sealed partial class ApplicationDetailsProjection
{
    public static ApplicationDetails Apply(IEvent<ApplicationExtraDataSet> e, ApplicationDetails a) =>
        Touched(e, a) with { Extra = new ApplicationExtra(e.Data.FormVersion, e.Data.Values) };
}
