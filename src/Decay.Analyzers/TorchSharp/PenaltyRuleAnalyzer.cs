using Decay.Hosting;
using Decay.Operations;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.TorchSharp
{
    /// <summary>Base of the rules that judge penalties: the host keeps one <see cref="PenaltyCache"/>
    /// per compilation, looks at the invocations that may trigger a penalty (a <c>parameters()</c>
    /// call or a call to a helper of the same type) and calls <see cref="AnalyzePenalty"/> once per
    /// penalty, at its trigger.</summary>
    public abstract class PenaltyRuleAnalyzer : TorchSharpAnalyzer
    {
        internal sealed override void OnCompilationStart(RuleRegistration context, TorchSharpContext torch)
            => context.RegisterPenaltyAction(AnalyzePenalty);

        internal abstract void AnalyzePenalty(OperationAnalysisContext context, Penalty penalty, MethodPenalties analysis, PenaltyCache cache);
    }
}
