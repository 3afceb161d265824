using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Rules
{
    /// <summary>DECAY013: an SGD parameter group (the call's own parameters, a group in the call,
    /// or one added with <c>add_param_group</c>) whose effective <c>maximize</c> is the constant
    /// true and whose effective <c>weight_decay</c> is a non-zero constant. TorchSharp's SGD adds
    /// weight_decay·θ to the gradient and then steps along +lr·grad, so the decay becomes
    /// growth. Non-constant values are silent. Reported at the <c>maximize</c> argument or
    /// Options field that sets it, once per place.</summary>
    public sealed class Decay013MaximizeFlipsDecayAnalyzer : OptimizerCallAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY013_MaximizeFlipsDecay);

        internal override Action<OperationAnalysisContext, OptimizerCall> Start(TorchSharpContext torch)
            => (context, call) => Analyze(context, call, torch);

        private static void Analyze(OperationAnalysisContext context, OptimizerCall call, TorchSharpContext torch)
        {
            if (call.Kind != OptimizerKind.SGD)
            {
                return;
            }

            var groups = ParamGroups.Create(call, torch);
            var reported = new HashSet<TextSpan>();
            foreach (var group in groups.Groups)
            {
                var maximize = groups.Effective(group, TorchSharpNames.Maximize);
                if (!maximize.IsKnown || !maximize.HasConstant || maximize.Constant == 0 || maximize.Syntax is null)
                {
                    continue;
                }

                var weightDecay = groups.Effective(group, TorchSharpNames.WeightDecay);
                if (!weightDecay.IsNonZeroConstant)
                {
                    continue;
                }

                if (reported.Add(maximize.Syntax.Span))
                {
                    context.Report(Diagnostic.Create(
                        Descriptors.DECAY013_MaximizeFlipsDecay,
                        maximize.Syntax.GetLocation(),
                        weightDecay.Display()));
                }
            }
        }
    }
}
