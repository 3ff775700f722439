namespace Fachwerk.Web;

/// <summary>
/// The UI's texts: <c>Resources/Text.resx</c> (English) and <c>Resources/Text.de.resx</c> (German, the default language).
/// Keys name the place a text is used (<c>desk.title</c>); a test checks that both files hold the same keys and that every
/// key the pages use exists.
/// </summary>
public sealed class Text;
