using System;
using System.Collections.Immutable;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY006: weight_decay in Adamax, NAdam, RAdam, Adagrad, RMSProp, Adadelta, ASGD, or
    /// SGD with momentum is L2 added to the gradient (coupled), not decoupled decay. Judged per
    /// parameter group with inheritance: some group's effective decay is not known to be zero
    /// (and, for SGD, that group's effective momentum is a non-zero constant; a non-constant
    /// momentum is silent). Adam is DECAY001's; AdamW decouples.</summary>
    public sealed class Decay006CoupledDecayInOtherOptimizerAnalyzer : OptimizerCallAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY006_CoupledDecayInOtherOptimizer);

        internal override Action<OperationAnalysisContext, OptimizerCall> Start(TorchSharpContext torch)
            => (context, call) => Analyze(context, call, torch);

        private static bool IsCoupledAdaptiveOrSgd(OptimizerKind kind)
            => kind switch
            {
                OptimizerKind.Adamax or OptimizerKind.NAdam or OptimizerKind.RAdam or OptimizerKind.Adagrad
                    or OptimizerKind.RMSProp or OptimizerKind.Adadelta or OptimizerKind.ASGD or OptimizerKind.SGD => true,
                _ => false,
            };

        private static void Analyze(OperationAnalysisContext context, OptimizerCall call, TorchSharpContext torch)
        {
            if (!IsCoupledAdaptiveOrSgd(call.Kind) || !call.WeightDecay.Exists)
            {
                return;
            }

            var groups = ParamGroups.Create(call, torch);
            foreach (var group in groups.Groups)
            {
                var weightDecay = groups.Effective(group, TorchSharpNames.WeightDecay);
                if (!weightDecay.MayBeNonZero)
                {
                    continue;
                }

                if (call.Kind == OptimizerKind.SGD && !groups.Effective(group, TorchSharpNames.Momentum).IsNonZeroConstant)
                {
                    // Plain SGD: L2 and decay coincide up to the lr scaling.
                    continue;
                }

                context.Report(Diagnostic.Create(
                    Descriptors.DECAY006_CoupledDecayInOtherOptimizer,
                    call.NameLocation,
                    call.Optimizer.Name,
                    weightDecay.Display()));
                return;
            }
        }
    }
}
