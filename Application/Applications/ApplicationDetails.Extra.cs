using Fachwerk.Domain.Applications;

namespace Fachwerk.Application.Applications;

public sealed partial record ApplicationDetails
{
    /// <summary>
    /// The version of its programme's application form it keeps and the values of its extra fields (ADR 0122); none when the programme
    /// asked for none. The form itself: <c>GET /api/programmes/{id}/application-form?version=</c>.
    /// </summary>
    public ApplicationExtra? Extra { get; init; }
}
