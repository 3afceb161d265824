using System;
using System.Collections.Immutable;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY001: <c>torch.optim.Adam(...)</c> / <c>new Adam(...)</c> with a
    /// <c>weight_decay</c> that is not the constant 0. TorchSharp's Adam couples the decay into
    /// the gradient (L2); AdamW is the decoupled algorithm most code means.</summary>
    public sealed class Decay001AdamWithWeightDecayAnalyzer : OptimizerCallAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY001_AdamWithWeightDecay);

        internal override Action<OperationAnalysisContext, OptimizerCall> Start(TorchSharpContext torch) => Analyze;

        private static void Analyze(OperationAnalysisContext context, OptimizerCall call)
        {
            if (call.Kind != OptimizerKind.Adam)
            {
                return;
            }

            var weightDecay = call.WeightDecay;
            if (!weightDecay.IsExplicit || weightDecay.IsConstantZero)
            {
                return;
            }

            context.Report(Diagnostic.Create(
                Descriptors.DECAY001_AdamWithWeightDecay,
                call.NameLocation,
                OptimizerCall.Display(weightDecay)));
        }
    }
}
