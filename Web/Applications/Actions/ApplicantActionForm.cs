using Fachwerk.Application.Common;
using Fachwerk.Web.Forms;

namespace Fachwerk.Web.Applications.Actions;

/// <summary>An action form of the applicant's people on the application page (docs/portal.md): the API requires the applicant's role.</summary>
public abstract class ApplicantActionForm<TInput> : ApplicationActionForm<TInput> where TInput : ActionInput, new()
{
    public override string RequiredRole => Roles.Applicant;
}
