using Fachwerk.Domain.Common;
using Microsoft.AspNetCore.Http;

namespace Fachwerk.Application.Common;

public static partial class Problems
{
    /// <summary>The extension naming each refused field's codes (e.g. <c>extra.betriebe</c>: <c>form.above-max</c>).</summary>
    public const string FieldCodes = "fieldCodes";

    /// <summary>
    /// Values a rule of the state refuses field by field (<see cref="InvalidFields"/>, e.g. a programme's application form): 400 like
    /// an invalid request, with the fields' messages under <c>errors</c> and their codes under <c>fieldCodes</c>.
    /// </summary>
    public static HttpValidationProblemDetails Invalid(InvalidFields invalid)
    {
        var problem = Validation(invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        problem.Extensions[FieldCodes] = invalid.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray());
        return problem;
    }
}
