using Decay.Operations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.TorchSharp
{
    /// <summary>Base of the rules that judge penalties: one <see cref="PenaltyCache"/> per
    /// compilation, an operation action on invocations that may trigger a penalty (a
    /// <c>parameters()</c> call or a call to a method of the same type), and
    /// <see cref="AnalyzePenalty"/> once per penalty, at its trigger.</summary>
    public abstract class PenaltyRuleAnalyzer : TorchSharpAnalyzer
    {
        internal sealed override void OnCompilationStart(CompilationStartAnalysisContext context, TorchSharpContext torch)
        {
            var cache = PenaltyCache.For(torch);
            context.RegisterOperationAction(
                ctx =>
                {
                    var invocation = (IInvocationOperation)ctx.Operation;
                    if (!cache.MayTrigger(invocation, ctx.ContainingSymbol))
                    {
                        return;
                    }

                    var analysis = cache.Get(invocation, ctx.ContainingSymbol);
                    foreach (var penalty in analysis.TriggeredBy(invocation))
                    {
                        AnalyzePenalty(ctx, penalty, analysis, cache);
                    }
                },
                OperationKind.Invocation);
        }

        internal abstract void AnalyzePenalty(OperationAnalysisContext context, Penalty penalty, MethodPenalties analysis, PenaltyCache cache);
    }
}
