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
    /// <summary>Whether this build carries the pre-generated code (announced at start-up).</summary>
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
}
