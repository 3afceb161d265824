using System;
using Decay.Hosting;
using Decay.Operations;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.TorchSharp
{
    /// <summary>Base of the rules that judge one optimizer construction at a time: the host builds
    /// the <see cref="OptimizerCall"/> model once per invocation or object creation and hands it to
    /// the analysis <see cref="Start"/> returns for the compilation.</summary>
    public abstract class OptimizerCallAnalyzer : TorchSharpAnalyzer
    {
        internal sealed override void OnCompilationStart(RuleRegistration context, TorchSharpContext torch)
            => context.RegisterOptimizerCallAction(Start(torch));

        /// <summary>Called once per compilation: the analysis of one optimizer call, which may hold
        /// per-compilation caches.</summary>
        internal abstract Action<OperationAnalysisContext, OptimizerCall> Start(TorchSharpContext torch);
    }
}
