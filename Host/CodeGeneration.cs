using JasperFx;
using JasperFx.CodeGeneration;

namespace Fachwerk.Host;

/// <summary>
/// How Wolverine's handler code is loaded. A normal build generates and compiles it with Roslyn at start-up (about two
/// seconds); a build made with <c>-p:UsePreGeneratedCode=true</c> after <c>codegen write</c> has the code compiled in and
/// loads it statically, in every environment, so the mode follows what the build contains and cannot mismatch it.
/// </summary>
public static class CodeGeneration
{
    /// <summary>Whether this build carries the pre-generated code (logged at start-up, <see cref="LogCodeGeneration"/>).</summary>
    public static bool PreGenerated { get; } =
#if PREGENERATED_CODE
        true;
#else
        false;
#endif

    public static void AddFachwerkCodeGeneration(this IServiceCollection services)
    {
        if (!PreGenerated) return;
        services.CritterStackDefaults(x =>
        {
            x.Development.GeneratedCodeMode = TypeLoadMode.Static;
            x.Production.GeneratedCodeMode = TypeLoadMode.Static;
        });
    }

    /// <summary>
    /// Says at start-up which kind of build runs: a release published without the pre-generated code works, but starts about two
    /// seconds slower and needs Roslyn, which is easy to miss otherwise.
    /// </summary>
    public static void LogCodeGeneration(this WebApplication app) =>
        app.Logger.LogInformation("Wolverine's handler code: {CodeGeneration}",
            PreGenerated ? "pre-generated, loaded statically" : "generated and compiled at start-up");
}
