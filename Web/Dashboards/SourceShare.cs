namespace Fachwerk.Web.Dashboards;

/// <summary>
/// One funding source's part of a programme's budget: every euro of the programme is split by the sources' shares (they add up to
/// 100 %), so each figure is the programme's figure times the share, rounded to the cent.
/// </summary>
public sealed record SourceShare(string Source, decimal Share, decimal Budget, decimal Committed, decimal Paid, decimal Remaining);
