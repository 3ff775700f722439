namespace Fachwerk.Web.Dashboards;

/// <summary>One bar of a <see cref="HorizontalBarChart"/>: what it shows (written beside it), its value, and whether it is drawn as an outline.</summary>
public sealed record ChartBar(string Label, decimal Value, bool Outline = false);

/// <summary>A group of bars under one heading (an alliance with its planning figure and its commitments; a single figure).</summary>
public sealed record ChartGroup(string Label, IReadOnlyList<ChartBar> Bars);
