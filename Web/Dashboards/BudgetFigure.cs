namespace Fachwerk.Web.Dashboards;

/// <summary>One figure of a programme's budget: its text key and its amount in EUR.</summary>
public sealed record BudgetFigure(string Key, decimal Amount);
