namespace Fachwerk.Domain.Pilots;

/// <summary>Money a pilot spent, as its project lead records it against one of the pilot's funding sources.</summary>
/// <param name="Source">The funding source's name, as the pilot lists it.</param>
/// <param name="Category">What the money was spent on.</param>
/// <param name="Amount">How much, in EUR.</param>
/// <param name="SpentOn">The day it was spent.</param>
/// <param name="Note">What it was, briefly (an invoice, a course).</param>
public sealed record PilotSpending(string Source, PilotCostCategory Category, decimal Amount, DateOnly SpentOn, string? Note);
