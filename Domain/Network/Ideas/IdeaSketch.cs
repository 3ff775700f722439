using Fachwerk.Domain.Alliances;

namespace Fachwerk.Domain.Network.Ideas;

/// <summary>What an alliance records about a project idea.</summary>
public sealed record IdeaSketch(string Title, string Idea, IReadOnlyList<string> PartnersSought, IReadOnlyList<TargetGroup> TargetGroups, DateOnly RecordedOn);
