namespace Fachwerk.Web.Portal;

/// <summary>
/// Something asked of the applicant now, as the portal lists it: what (in the user's words), on which application, by when,
/// and where on the application's page it is done.
/// </summary>
public sealed record PortalAsk(string What, Guid ApplicationId, string Title, DateTimeOffset? DueBy, bool Overdue, string Anchor);
