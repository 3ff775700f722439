using FluentValidation;

namespace Fachwerk.Application.Conversations;

public static class ConversationRules
{
    /// <summary>Longest message or note: a long letter, not a document (documents are uploaded).</summary>
    public const int TextLength = 10_000;

    public static IRuleBuilderOptions<T, string> ConversationText<T>(this IRuleBuilder<T, string> rule) =>
        rule.Must(text => !string.IsNullOrWhiteSpace(text)).WithMessage("Write something: the text is empty.")
            .MaximumLength(TextLength).WithMessage(FormattableString.Invariant($"At most {TextLength:N0} characters; attach longer texts as a document."));
}
