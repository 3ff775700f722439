namespace Fachwerk.Web.Network.Activities.Actions;

/// <summary>A registration a form acts on, named the way the user may read it (the registrant's name, or the day and status).</summary>
public sealed record RegistrationChoice(Guid Id, string Label);
