using System;
using Decay.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.TorchSharp
{
    /// <summary>Base of the rules that judge one optimizer construction at a time: registers the
    /// operation action on invocations and object creations, builds the <see cref="OptimizerCall"/>
    /// model, and hands it to the analysis <see cref="Start"/> returns for the compilation.</summary>
    public abstract class OptimizerCallAnalyzer : TorchSharpAnalyzer
    {
        internal sealed override void OnCompilationStart(CompilationStartAnalysisContext context, TorchSharpContext torch)
        {
            var analyze = Start(torch);
            context.RegisterOperationAction(
                ctx =>
                {
                    var call = OptimizerCall.TryCreate(ctx.Operation, torch);
                    if (call != null)
                    {
                        analyze(ctx, call);
                    }
                },
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        }

        /// <summary>Called once per compilation: the analysis of one optimizer call, which may hold
        /// per-compilation caches.</summary>
        internal abstract Action<OperationAnalysisContext, OptimizerCall> Start(TorchSharpContext torch);
    }
}
