using Fachwerk.Domain.Common;
using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Fachwerk.Application.Common;

/// <summary>
/// Rules every value the API reads keeps, whatever the operation (ADR 0056): checked over the whole request body or query
/// record before its validator runs, and by the host over the path, the query string and the headers it reads.
/// <list type="bullet">
/// <item>Text holds no control characters and is valid Unicode. Line breaks and tabs only where text spans lines: fields
/// whose names end in Reason, Reasons, Description, Narrative, Message or Note (PostgreSQL refuses a NUL, and an escape sequence has no place
/// in the record).</item>
/// <item>A list holds no missing (null) entries, unless its entries may be missing.</item>
/// <item>A date lies between 1900 and 2199 (no <c>0001-01-01</c>: date arithmetic on it fails).</item>
/// <item>An enum holds one of its named values (a number that names none is refused).</item>
/// </list>
/// </summary>
public static partial class InputRules
{
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    /// <summary>Field names (endings) whose text may span lines.</summary>
    public static readonly IReadOnlyList<string> MultiLineEndings = ["Reason", "Reasons", "Description", "Narrative", "Message", "Note"];

    public const string ControlCharacter = "Control characters are not allowed in text.";
    public const string LineBreak = "One line of text: line breaks and tabs are not allowed here.";
    public const string BrokenUnicode = "The text is not valid Unicode (a lone surrogate).";
    public const string MissingEntry = "An entry of this list is missing (null).";
    public const string MissingValue = "A value is required here; null is not allowed.";
    public const string UnknownValue = "Not one of the values the API reference lists.";
    public static readonly string ImplausibleDate = $"A date between {EarliestDate:yyyy-MM-dd} and {LatestDate:yyyy-MM-dd} is required.";

    /// <summary>What is wrong with a text, or null: control characters, line breaks outside multi-line fields, lone surrogates.</summary>
    public static string? TextProblem(string text, bool multiLine = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c)) return BrokenUnicode;
            if (c is '\t' or '\n' or '\r')
            {
                if (!multiLine) return LineBreak;
                continue;
            }

            if (char.IsControl(c)) return ControlCharacter;
        }

        return null;
    }

    /// <summary>Whether a field of this name may span lines.</summary>
    public static bool IsMultiLine(string fieldName) => MultiLineEndings.Any(e => fieldName.EndsWith(e, StringComparison.Ordinal));

    /// <summary>Every break of these rules in <paramref name="value"/>, by JSON path (<c>plan.description</c>, <c>sources[0]</c>).</summary>
    public static Dictionary<string, string[]> Check(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var errors = new Dictionary<string, List<string>>();
        Walk(value, "", errors, 0);
        return errors.ToDictionary(e => e.Key.Length == 0 ? "body" : e.Key, e => e.Value.Distinct().ToArray());
    }

    private const int MaxDepth = 10;

    private static void Walk(object value, string path, Dictionary<string, List<string>> errors, int depth)
    {
        if (depth > MaxDepth) return;
        foreach (var member in MembersOf(value.GetType()))
        {
            var memberPath = path.Length == 0 ? member.JsonName : $"{path}.{member.JsonName}";
            var memberValue = member.Property.GetValue(value);
            if (memberValue is null)
            {
                if (!member.Nullable) Add(errors, memberPath, MissingValue);
                continue;
            }

            Value(memberValue, memberPath, member.MultiLine, member.ElementNullable, errors, depth);
        }
    }

    private static void Value(object value, string path, bool multiLine, bool elementsNullable, Dictionary<string, List<string>> errors, int depth)
    {
        switch (value)
        {
            case string text:
                if (TextProblem(text, multiLine) is { } problem) Add(errors, path, problem);
                return;
            case DateOnly date:
                if (date < EarliestDate || date > LatestDate) Add(errors, path, ImplausibleDate);
                return;
            case DateTimeOffset moment:
                if (AuthorityCalendar.DayOf(moment) is var day && (day < EarliestDate || day > LatestDate)) Add(errors, path, ImplausibleDate);
                return;
            case DateTime moment:
                if (DateOnly.FromDateTime(moment) is var onDay && (onDay < EarliestDate || onDay > LatestDate)) Add(errors, path, ImplausibleDate);
                return;
            case Enum named:
                if (!named.GetType().IsDefined(typeof(FlagsAttribute), false) && !Enum.IsDefined(named.GetType(), named)) Add(errors, path, UnknownValue);
                return;
            case IDictionary dictionary:
                var entry = 0;
                foreach (DictionaryEntry pair in dictionary)
                {
                    var entryPath = $"{path}[{entry++}]";
                    if (pair.Key is string key && TextProblem(key) is { } keyProblem) Add(errors, entryPath, keyProblem);
                    if (pair.Value is null)
                    {
                        if (!elementsNullable) Add(errors, entryPath, MissingEntry);
                    }
                    else Value(pair.Value, entryPath, multiLine, true, errors, depth + 1);
                }

                return;
            case IEnumerable list:
                var index = 0;
                foreach (var item in list)
                {
                    var itemPath = $"{path}[{index++}]";
                    if (item is null)
                    {
                        if (!elementsNullable) Add(errors, itemPath, MissingEntry);
                    }
                    else Value(item, itemPath, multiLine, true, errors, depth + 1);
                }

                return;
        }

        if (IsOurs(value.GetType())) Walk(value, path, errors, depth + 1);
    }

    private static void Add(Dictionary<string, List<string>> errors, string path, string message)
    {
        if (!errors.TryGetValue(path, out var messages)) errors[path] = messages = [];
        messages.Add(message);
    }

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Fachwerk.", StringComparison.Ordinal) == true && type is { IsEnum: false, IsPrimitive: false };

    /// <summary>A readable property and what the rules need to know of it.</summary>
    private sealed record Member(PropertyInfo Property, string JsonName, bool Nullable, bool ElementNullable, bool MultiLine);

    private static readonly ConcurrentDictionary<Type, Member[]> Members = new();
    private static readonly Lock NullabilityLock = new();

    private static Member[] MembersOf(Type type) => Members.GetOrAdd(type, Describe);

    private static Member[] Describe(Type type)
    {
        // NullabilityInfoContext is not thread-safe.
        lock (NullabilityLock)
        {
            var context = new NullabilityInfoContext();
            return
            [
                .. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.CanRead && p.GetIndexParameters().Length == 0 && p.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is null)
                    .Select(p =>
                    {
                        var nullability = context.Create(p);
                        var element = nullability.ElementType ?? nullability.GenericTypeArguments.LastOrDefault();
                        return new Member(p, char.ToLowerInvariant(p.Name[0]) + p.Name[1..],
                            nullability.ReadState != NullabilityState.NotNull || System.Nullable.GetUnderlyingType(p.PropertyType) is not null,
                            element is null || element.ReadState != NullabilityState.NotNull || System.Nullable.GetUnderlyingType(element.Type) is not null,
                            IsMultiLine(p.Name));
                    }),
            ];
        }
    }

    // ---- Headers -----------------------------------------------------------------------------------------------------------

    /// <summary>
    /// <c>X-Correlation-ID</c> and <c>X-Causation-ID</c> are stored with every event of a command and in its hash chain, so they
    /// are identifiers, never prose: a UUID or 8 to 64 hexadecimal digits (a W3C trace id), groups separated by hyphens. A
    /// name, an address or an escape sequence cannot be written there.
    /// </summary>
    public const string TraceIdentifierRule = "A UUID or 8 to 64 hexadecimal digits (hyphens may separate groups), nothing else.";

    /// <summary><c>Idempotency-Key</c>: 1 to 128 letters, digits or <c>. _ : -</c> (a UUID is a good key).</summary>
    public const string IdempotencyKeyRule = "1 to 128 letters, digits or . _ : - (a UUID is a good key).";

    public static bool IsTraceIdentifier(string value) => value.Length <= 64 && TraceIdentifier().IsMatch(value);

    public static bool IsIdempotencyKey(string value) => IdempotencyKey().IsMatch(value);

    [GeneratedRegex("^(?=(?:-?[0-9A-Fa-f]){8})[0-9A-Fa-f]+(?:-[0-9A-Fa-f]+)*$")]
    private static partial Regex TraceIdentifier();

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,128}$")]
    private static partial Regex IdempotencyKey();
}
