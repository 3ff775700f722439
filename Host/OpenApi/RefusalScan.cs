using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Fachwerk.Application.Common;
using Fachwerk.Domain.Common;

namespace Fachwerk.Host.OpenApi;

/// <summary>What an endpoint can refuse with, as far as its code shows it.</summary>
/// <param name="RuleCodes">Codes of the <see cref="RuleViolation"/>s it can throw (answered 409).</param>
/// <param name="UnknownEntityCodes">Codes of the <see cref="UnknownEntity"/>s it can throw (answered 404).</param>
/// <param name="ChecksBinding">Whether it checks for whom the caller acts (<see cref="AccessDenied"/>, answered 403).</param>
public sealed record Refusals(IReadOnlySet<string> RuleCodes, IReadOnlySet<string> UnknownEntityCodes, bool ChecksBinding);

/// <summary>
/// Finds the refusals an endpoint can answer with by reading the compiled code it reaches: the endpoint method, its
/// middleware, and every method of the Domain and Application assemblies they call, with their lambdas and async bodies.
/// A refusal is a <c>new RuleViolation("code", ...)</c> (or <see cref="UnknownEntity"/>); its code is the string literal
/// loaded before it, also when the code is passed to a helper that throws it. So the list in the API reference follows
/// the code and no table can go stale.
/// </summary>
public static partial class RefusalScan
{
    private const int MaxMethods = 2000;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private static readonly HashSet<Assembly> Scanned = [typeof(RuleViolation).Assembly, typeof(AccessDenied).Assembly];

    public static Refusals Of(IEnumerable<MethodBase> entryPoints)
    {
        lock (CacheLock) return Collect(entryPoints);
    }

    private static Refusals Collect(IEnumerable<MethodBase> entryPoints)
    {
        var rules = new SortedSet<string>(StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        var checksBinding = false;
        var seen = new HashSet<MethodBase>();
        var queue = new Queue<MethodBase>(entryPoints);
        while (queue.Count > 0 && seen.Count < MaxMethods)
        {
            var method = queue.Dequeue();
            if (!seen.Add(method)) continue;
            var scan = Scan(method);
            rules.UnionWith(scan.Rules);
            unknown.UnionWith(scan.Unknown);
            checksBinding |= scan.ChecksBinding;
            foreach (var callee in scan.Callees.Where(c => !seen.Contains(c))) queue.Enqueue(callee);
        }

        return new Refusals(rules, unknown, checksBinding);
    }

    private sealed record MethodScan(List<string> Rules, List<string> Unknown, bool ChecksBinding, List<MethodBase> Callees, bool ThrowsPassedCode);

    /// <summary>Scans of single methods, shared by all endpoints; guarded by <see cref="CacheLock"/>.</summary>
    private static readonly Dictionary<MethodBase, MethodScan> Cache = [];
    private static readonly Lock CacheLock = new();

    /// <summary>Scans a method once; a method met again while it is being scanned (recursion) counts as throwing no passed code.</summary>
    private static MethodScan Scan(MethodBase method)
    {
        if (Cache.TryGetValue(method, out var cached)) return cached;
        Cache[method] = new MethodScan([], [], false, [], false);
        return Cache[method] = ScanUncached(method);
    }

    private static MethodScan ScanUncached(MethodBase method)
    {
        var result = new MethodScan([], [], false, [], false);
        var throwsPassedCode = false;
        var checksBinding = false;
        if (method.GetCustomAttribute<StateMachineAttribute>() is { } stateMachine &&
            stateMachine.StateMachineType.GetMethod("MoveNext", BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public) is { } moveNext)
            result.Callees.Add(moveNext);

        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            il = null;
        }

        if (il is null) return result;

        var module = method.Module;
        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method is MethodInfo { IsGenericMethod: true } generic ? generic.GetGenericArguments() : null;
        var pending = new List<string>();
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE && position < il.Length) value = unchecked((short)(0xFE00 | il[position++]));
            if (!OpCodesByValue.TryGetValue(value, out var opCode)) break;

            var operandSize = OperandSize(opCode.OperandType, il, position);
            var token = opCode.OperandType is OperandType.InlineMethod or OperandType.InlineString ? BitConverter.ToInt32(il, position) : 0;
            position += operandSize;

            if (opCode == OpCodes.Ldstr)
            {
                if (module.ResolveString(token) is var literal && Code().IsMatch(literal)) pending.Add(literal);
            }
            else if (opCode.OperandType == OperandType.InlineMethod)
            {
                MethodBase? target;
                try
                {
                    target = module.ResolveMethod(token, typeArguments, methodArguments);
                }
                catch (ArgumentException)
                {
                    target = null;
                }

                if (target is null) continue;
                var type = target.DeclaringType;
                if (opCode == OpCodes.Newobj && (type == typeof(RuleViolation) || type == typeof(UnknownEntity)))
                {
                    if (pending.Count == 0) throwsPassedCode = true;
                    (type == typeof(RuleViolation) ? result.Rules : result.Unknown).AddRange(pending);
                    pending.Clear();
                }
                else if (opCode == OpCodes.Newobj && type == typeof(AccessDenied))
                {
                    checksBinding = true;
                }
                else if (type is not null && Scanned.Contains(type.Assembly))
                {
                    var callee = target is MethodInfo { IsGenericMethod: true } m && !m.IsGenericMethodDefinition ? m.GetGenericMethodDefinition() : target;
                    result.Callees.Add(callee);
                    // A helper that throws the code it is given, e.g. EnsureNotBefore(day, earliest, "pilot.before-enrolment", ...).
                    if (pending.Count > 0 && Scan(callee).ThrowsPassedCode)
                    {
                        result.Rules.AddRange(pending);
                        pending.Clear();
                    }
                }
            }
            else if (opCode == OpCodes.Throw || opCode == OpCodes.Ret)
            {
                pending.Clear();
            }
        }

        return result with { ChecksBinding = checksBinding, ThrowsPassedCode = throwsPassedCode };
    }

    private static int OperandSize(OperandType type, byte[] il, int position) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, position),
        _ => 4,
    };

    /// <summary>A refusal code: lower-case words joined by dots and hyphens, e.g. <c>application.four-eyes</c>.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*)+$")]
    private static partial Regex Code();
}
