namespace Fachwerk.Web.Dashboards;

/// <summary>One line of a <see cref="TimeSeriesChart"/>: what it counts and its value in each period, in the chart's order of periods.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<decimal> Values);
