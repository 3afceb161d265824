using System;
using System.Collections.Immutable;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY007: AdamW whose call does not write <c>weight_decay</c> while the bound
    /// parameter's declared default is 0 (TorchSharp's, unlike PyTorch's 0.01), and some parameter
    /// group does not write its own <c>weight_decay</c> either, so it inherits the 0. Silent when
    /// every group writes it (the nanoGPT recipe), when the call writes it (even 0), when the
    /// groups cannot all be seen, and if a TorchSharp version changes the default.</summary>
    public sealed class Decay007AdamWWithoutWeightDecayAnalyzer : OptimizerCallAnalyzer
    {
        /// <summary>Diagnostic property: present when adding <c>weight_decay</c> to the call gives
        /// every undecayed group decay (no positional ParamGroup pins it to its own default).</summary>
        public const string AddArgumentProperty = "AddWeightDecay";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY007_AdamWWithoutWeightDecay);

        internal override Action<OperationAnalysisContext, OptimizerCall> Start(TorchSharpContext torch)
            => (context, call) => Analyze(context, call, torch);

        private static void Analyze(OperationAnalysisContext context, OptimizerCall call, TorchSharpContext torch)
        {
            if (call.Kind != OptimizerKind.AdamW)
            {
                return;
            }

            var weightDecay = call.WeightDecay;
            if (!weightDecay.Exists || weightDecay.IsExplicit || !weightDecay.IsConstantZero)
            {
                return;
            }

            var groups = ParamGroups.Create(call, torch);
            if (!groups.IsComplete || groups.Groups.IsEmpty)
            {
                return;
            }

            var undecayed = 0;
            var fixable = true;
            foreach (var group in groups.Groups)
            {
                if (!group.OptionsKnown)
                {
                    return;
                }

                if (group.TryGetOption(TorchSharpNames.WeightDecay, out var option) && option.IsWritten)
                {
                    continue;
                }

                undecayed++;
                fixable &= group.Form != ParamGroupForm.Positional;
            }

            if (undecayed == 0)
            {
                return;
            }

            var consequence = undecayed == groups.Groups.Length
                ? "this optimizer applies no weight decay"
                : "parameter groups that do not set weight_decay get no decay";
            var properties = fixable
                ? ImmutableDictionary<string, string?>.Empty.Add(AddArgumentProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.Report(Diagnostic.Create(
                Descriptors.DECAY007_AdamWWithoutWeightDecay,
                call.NameLocation,
                properties,
                OptimizerCall.Display(weightDecay),
                consequence));
        }
    }
}
