using Fachwerk.Application.Conversations;
using Fachwerk.Web.Forms;
using Microsoft.AspNetCore.Components;

namespace Fachwerk.Web.Conversations;

/// <summary>
/// A form that writes to a case's conversation: based on the conversation's version as the page read it, so that a message
/// written meanwhile makes the form stale and shows that something new arrived (the text typed is kept).
/// </summary>
public abstract class ConversationForm<TInput> : RecordActionForm<TInput> where TInput : ActionInput, new()
{
    [Parameter, EditorRequired] public CaseConversation Conversation { get; set; } = default!;

    protected override long RecordVersion => Conversation.Version;

    protected override bool HasReason => false;

    protected override Dictionary<string, string> RecordFacts() => new()
    {
        [Texts["conversation.messages"]] = Conversation.Messages.Count.ToString(System.Globalization.CultureInfo.CurrentCulture),
        [Texts["conversation.notes.title"]] = (Conversation.InternalNotes?.Count ?? 0).ToString(System.Globalization.CultureInfo.CurrentCulture),
    };

    /// <summary>Sends the command; once accepted, back to the page, which shows the new entry and confirms it.</summary>
    protected async Task WriteAsync(string url, object command)
    {
        if (await SendAsync(HttpMethod.Post, url, command) is null) return;
        Navigation.NavigateTo($"/applications/{Conversation.ApplicationId}?written={Name}#conversation-result");
    }
}
