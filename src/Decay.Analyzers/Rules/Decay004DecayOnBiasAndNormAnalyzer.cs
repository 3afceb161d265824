using System.Collections.Immutable;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Rules
{
    /// <summary>DECAY004: an optimizer whose decay is non-zero (or not constant) over ALL the
    /// parameters of a module that holds biases or normalization gains, either directly
    /// (<c>model.parameters()</c>) or through parameter groups none of which sets its own
    /// <c>weight_decay</c> (every group inherits the decay). Silent when a group sets its own
    /// decay, when the parameters are filtered by name or dimension, when the groups or the
    /// module's contents cannot be seen, and for modules with nothing to exclude.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class Decay004DecayOnBiasAndNormAnalyzer : TorchSharpAnalyzer
    {
        /// <summary>Diagnostic property: present when the fix can split the call's own
        /// <c>m.parameters()</c> into a decayed and an undecayed group.</summary>
        public const string SplitProperty = "SplitByDimension";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY004_DecayOnBiasAndNorm);

        internal override void OnCompilationStart(CompilationStartAnalysisContext context, TorchSharpContext torch)
        {
            var modules = new ModuleContentsProvider(torch);
            context.RegisterOperationAction(
                ctx => Analyze(ctx, torch, modules),
                OperationKind.Invocation,
                OperationKind.ObjectCreation);
        }

        private static void Analyze(OperationAnalysisContext context, TorchSharpContext torch, ModuleContentsProvider modules)
        {
            var call = OptimizerCall.TryCreate(context.Operation, torch);
            if (call is null)
            {
                return;
            }

            var weightDecay = call.WeightDecay;
            if (!weightDecay.Exists || !weightDecay.MayBeNonZero)
            {
                return;
            }

            var groups = ParamGroups.Create(call, torch);
            if (!groups.IsComplete || groups.Groups.IsEmpty)
            {
                return;
            }

            foreach (var group in groups.Groups)
            {
                if (!group.OptionsKnown || group.Sets(TorchSharpNames.WeightDecay))
                {
                    // The user chose decay per group.
                    return;
                }
            }

            foreach (var group in groups.Groups)
            {
                var selection = ParameterSelection.Of(group.Parameters, torch);
                if (selection.Kind != SelectionKind.AllOf)
                {
                    continue;
                }

                foreach (var module in selection.Modules)
                {
                    if (modules.OfExpression(module, context.CancellationToken).BiasOrNorm != Presence.Yes)
                    {
                        continue;
                    }

                    var splittable = group.Form == ParamGroupForm.Implicit
                        && selection.ParametersCall != null
                        && ReferenceEquals(call.ParametersArgument?.Value.WalkDownConversion(), selection.ParametersCall);
                    var properties = splittable
                        ? ImmutableDictionary<string, string?>.Empty.Add(SplitProperty, "true")
                        : ImmutableDictionary<string, string?>.Empty;
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.DECAY004_DecayOnBiasAndNorm,
                        call.NameLocation,
                        properties,
                        OptimizerCall.Display(weightDecay),
                        ModuleName(module)));
                    return;
                }
            }
        }

        private static string ModuleName(IOperation module)
        {
            if (module.IsImplicit && module is IInstanceReferenceOperation)
            {
                return "this";
            }

            var text = module.Syntax.ToString();
            return text.Length > 40 ? text.Substring(0, 37) + "..." : text;
        }
    }
}
