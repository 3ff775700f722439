using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Fachwerk.Host.OpenApi;

/// <summary>
/// The XML documentation comments of the application's assemblies (Domain, Application, Host), read once from the XML
/// files the compiler writes beside them. The API reference takes its summaries and descriptions from here, so a comment
/// in the code is the one place a reader of the API learns what an operation or a field means.
/// </summary>
public sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, XElement> _members = new(StringComparer.Ordinal);

    public XmlDocumentation(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies)
        {
            var file = Path.ChangeExtension(assembly.Location, ".xml");
            if (!File.Exists(file)) continue;
            foreach (var member in XDocument.Load(file).Descendants("member"))
            {
                if (member.Attribute("name")?.Value is { } name) _members[name] = member;
            }
        }
    }

    /// <summary>The assemblies whose types the API shows and whose comments it reads: Domain, Application, and the host itself.</summary>
    public static readonly IReadOnlyList<Assembly> Assemblies =
    [
        typeof(Fachwerk.Domain.Common.Stamp).Assembly,
        Fachwerk.Application.FachwerkApplication.Assembly,
        typeof(XmlDocumentation).Assembly,
    ];

    public static XmlDocumentation ForFachwerk() => new(Assemblies);

    public string? Summary(Type type) => Text(Member("T:" + TypeId(type)), "summary");

    public string? Remarks(Type type) => Text(Member("T:" + TypeId(type)), "remarks");

    public string? Summary(MethodInfo method) => Text(Method(method), "summary");

    public string? Remarks(MethodInfo method) => Text(Method(method), "remarks");

    public string? Returns(MethodInfo method) => Text(Method(method), "returns");

    /// <summary>
    /// A property's summary (the compiler files a positional record's <c>param</c> comment under its property). Without a
    /// comment of its own, a property takes the one of the interface property it implements (as <c>inheritdoc</c> would: every
    /// command's <c>expectedVersion</c> and <c>reason</c> are documented once, on <c>IChangeCommand</c> and <c>ICommand</c>),
    /// or, when <paramref name="owner"/> passes it to a base record's constructor, the owner's <c>param</c> comment.
    /// </summary>
    public string? Summary(PropertyInfo property, Type? owner = null)
    {
        ArgumentNullException.ThrowIfNull(property);
        owner ??= property.DeclaringType!;
        return Text(Member($"P:{TypeId(property.DeclaringType!)}.{property.Name}"), "summary")
               ?? Text(Member($"P:{TypeId(owner)}.{property.Name}"), "summary")
               ?? owner.GetInterfaces().Select(i => i.GetProperty(property.Name)).OfType<PropertyInfo>()
                   .Select(p => Text(Member($"P:{TypeId(p.DeclaringType!)}.{p.Name}"), "summary")).FirstOrDefault(t => t is not null)
               ?? ConstructorParameter(owner, property.Name);
    }

    private string? ConstructorParameter(Type type, string name)
    {
        var prefix = $"M:{TypeId(type)}.#ctor";
        return _members.Where(m => m.Key.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(m => m.Value.Elements("param"))
            .Where(p => string.Equals(p.Attribute("name")?.Value, name, StringComparison.OrdinalIgnoreCase))
            .Select(Render)
            .FirstOrDefault(t => t is not null);
    }

    /// <summary>An enum value's summary.</summary>
    public string? Summary(Type enumType, string value) => Text(Member($"F:{TypeId(enumType)}.{value}"), "summary");

    /// <summary>Endpoint methods are not overloaded, so the method's documentation id is found by its name alone.</summary>
    private XElement? Method(MethodInfo method)
    {
        var prefix = $"M:{TypeId(method.DeclaringType!)}.{method.Name}";
        var matches = _members.Where(m => m.Key == prefix || m.Key.StartsWith(prefix + "(", StringComparison.Ordinal)).Take(2).ToList();
        return matches.Count == 1 ? matches[0].Value : null;
    }

    private XElement? Member(string id) => _members.GetValueOrDefault(id);

    /// <summary>The documentation id of a type: namespace and name, nested types joined with a dot, generics by their definition.</summary>
    private static string TypeId(Type type)
    {
        if (type.IsGenericType && !type.IsGenericTypeDefinition) type = type.GetGenericTypeDefinition();
        return (type.FullName ?? type.Name).Replace('+', '.');
    }

    private static string? Text(XElement? member, string element) =>
        member?.Element(element) is { } found ? Render(found) : null;

    /// <summary>The element's text as one paragraph of Markdown: code in backticks, references by their short name.</summary>
    private static string? Render(XElement element)
    {
        var text = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText t:
                    text.Append(t.Value);
                    break;
                case XElement { Name.LocalName: "c" or "code" } code:
                    text.Append('`').Append(code.Value.Trim()).Append('`');
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    text.Append(see.Value.Length > 0 ? see.Value
                        : see.Attribute("href")?.Value ?? ShortName(see.Attribute("cref")?.Value ?? see.Attribute("langword")?.Value));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    text.Append('`').Append(reference.Attribute("name")?.Value).Append('`');
                    break;
                case XElement { Name.LocalName: "para" } para:
                    text.Append("\n\n").Append(Render(para)).Append("\n\n");
                    break;
                case XElement other:
                    text.Append(Render(other));
                    break;
            }
        }

        var collapsed = string.Join("\n\n", ParagraphBreak().Split(text.ToString())
            .Select(p => Whitespace().Replace(p, " ").Trim())
            .Where(p => p.Length > 0));
        return collapsed.Length > 0 ? collapsed : null;
    }

    /// <summary>"T:Fachwerk.Domain.Common.Period" becomes "Period", "M:X.Y.Z(System.Int32)" becomes "Z".</summary>
    private static string ShortName(string? cref)
    {
        if (string.IsNullOrEmpty(cref)) return "";
        var name = cref.Contains(':', StringComparison.Ordinal) ? cref[(cref.IndexOf(':', StringComparison.Ordinal) + 1)..] : cref;
        var parenthesis = name.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis >= 0) name = name[..parenthesis];
        name = name[(name.LastIndexOf('.') + 1)..];
        var backtick = name.IndexOf('`', StringComparison.Ordinal);
        return backtick >= 0 ? name[..backtick] : name;
    }

    [GeneratedRegex(@"\n\s*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
