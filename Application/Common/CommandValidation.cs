using FluentValidation;
using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;
using Microsoft.AspNetCore.Http;
using Wolverine.Http;
using Wolverine.Http.CodeGen;

namespace Fachwerk.Application.Common;

/// <summary>
/// Checks an endpoint's request body (or query record) against the <see cref="InputRules"/> every value keeps, then runs its
/// FluentValidation validator, before anything is loaded or appended, and answers 400 with a ValidationProblemDetails whose
/// error keys are the JSON paths of the offending fields.
/// (WolverineFx.Http.FluentValidation is not served by our package registry; this is the small part of it we need.)
/// </summary>
public sealed class CommandValidationPolicy : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains)
        {
            // A command body, or the [FromQuery] parameters of a list query.
            var requestType = chain.HasRequestType ? chain.RequestType : chain.ComplexQueryStringType;
            if (requestType is null) continue;

            var method = typeof(CommandValidation).GetMethod(nameof(CommandValidation.ValidateAsync))!
                .MakeGenericMethod(requestType);
            var validate = new MethodCall(typeof(CommandValidation), method) { CommentText = "Check and validate the request body" };
            chain.Middleware.InsertRange(0, [validate, new MaybeEndWithResultFrame(validate.ReturnVariable!)]);
            chain.Metadata.ProducesValidationProblem();
        }
    }
}

public static class CommandValidation
{
    public static async Task<IResult> ValidateAsync<T>(T? command)
    {
        if (command is null)
            return Problem(new Dictionary<string, string[]> { ["body"] = ["A JSON request body is required."] });

        var broken = InputRules.Check(command);
        if (broken.Count > 0) return Problem(broken);
        if (!CommandValidators.Exists(typeof(T))) return WolverineContinue.Result();

        var result = await CommandValidators.For<T>().ValidateAsync(command);
        if (result.IsValid) return WolverineContinue.Result();

        return Problem(result.Errors
            .GroupBy(e => JsonPath(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray()));
    }

    private static IResult Problem(Dictionary<string, string[]> errors) => Results.Problem(Problems.Validation(errors));

    /// <summary>"FundingPeriod.From" becomes "fundingPeriod.from", "Districts[0]" becomes "districts[0]".</summary>
    public static string JsonPath(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}

/// <summary>
/// The validators of the application's commands and queries, one per type, each built when its type is first validated.
/// They are stateless and take nothing from the container; building all of them when the host starts (FluentValidation
/// compiles an accessor per rule) cost about a tenth of a second of every start (ADR 0020).
/// </summary>
public static class CommandValidators
{
    private static readonly IReadOnlyDictionary<Type, Type> ValidatorTypes = FindValidatorTypes();

    static CommandValidators() =>
        // One message per field: a rule stops at its first failure (and never runs Must() on a null it just reported).
        ValidatorOptions.Global.DefaultRuleLevelCascadeMode = CascadeMode.Stop;

    public static bool Exists(Type requestType) => ValidatorTypes.ContainsKey(requestType);

    public static IValidator<T> For<T>() => Cache<T>.Validator;

    private static Dictionary<Type, Type> FindValidatorTypes()
    {
        var validators = new Dictionary<Type, Type>();
        foreach (var type in FachwerkApplication.Assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            foreach (var validated in type.GetInterfaces()
                         .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
                         .Select(i => i.GetGenericArguments()[0]))
            {
                if (!validators.TryAdd(validated, type))
                    throw new InvalidOperationException($"{validated.Name} has two validators: {validators[validated].Name} and {type.Name}.");
            }
        }

        return validators;
    }

    private static class Cache<T>
    {
        public static readonly IValidator<T> Validator = ValidatorTypes.TryGetValue(typeof(T), out var type)
            ? (IValidator<T>)Activator.CreateInstance(type)!
            : throw new InvalidOperationException($"{typeof(T).Name} has no validator.");
    }
}
