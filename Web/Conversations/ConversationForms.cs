namespace Fachwerk.Web.Conversations;

/// <summary>The names of the conversation's forms (their posts are told apart by them).</summary>
public static class ConversationForms
{
    public const string Message = "message";
    public const string Note = "note";
}
