using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.TorchSharp
{
    /// <summary>Base of every TorchSharp rule: concurrent, skips generated code, and registers
    /// nothing for a compilation that does not reference TorchSharp.</summary>
    public abstract class TorchSharpAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var torch = TorchSharpContext.Get(start.Compilation);
                if (torch is null)
                {
                    return;
                }

                OnCompilationStart(start, torch);
            });
        }

        internal abstract void OnCompilationStart(CompilationStartAnalysisContext context, TorchSharpContext torch);
    }
}
