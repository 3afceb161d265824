using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Decay.Hosting;
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
    /// <c>weight_decay</c> (every group inherits the decay, also when the groups split one
    /// module by name or dimension). Silent when a group sets its own decay, when the
    /// parameters are filtered by name or dimension (and the rest is in no other group), when
    /// the groups or the module's contents cannot be seen, and for modules with nothing to
    /// exclude.</summary>
    public sealed class Decay004DecayOnBiasAndNormAnalyzer : OptimizerCallAnalyzer
    {
        /// <summary>Diagnostic property: present when the fix can split the call's own
        /// <c>m.parameters()</c> into a decayed and an undecayed group.</summary>
        public const string SplitProperty = "SplitByDimension";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY004_DecayOnBiasAndNorm);

        internal override Action<OperationAnalysisContext, OptimizerCall> Start(TorchSharpContext torch)
        {
            var modules = new ModuleContentsProvider(torch);
            return (context, call) => Analyze(context, call, torch, modules);
        }

        private static void Analyze(OperationAnalysisContext context, OptimizerCall call, TorchSharpContext torch, ModuleContentsProvider modules)
        {
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

            // A module split across several groups by name or dimension (biases in one group,
            // weights in another) is still decayed everywhere when no group sets its own decay.
            var selections = new ParameterSourceSelection[groups.Groups.Length];
            var groupsPerModule = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
            for (var i = 0; i < selections.Length; i++)
            {
                selections[i] = ParameterSourceSelection.Of(groups.Groups[i].Parameters, torch);
                foreach (var key in selections[i].Modules.Select(ModuleKey).Where(k => k != null).Distinct(SymbolEqualityComparer.Default))
                {
                    groupsPerModule[key!] = groupsPerModule.TryGetValue(key!, out var count) ? count + 1 : 1;
                }
            }

            for (var i = 0; i < selections.Length; i++)
            {
                var group = groups.Groups[i];
                var selection = selections[i];
                if (selection.Kind == SelectionKind.Unknown)
                {
                    continue;
                }

                foreach (var module in selection.Modules)
                {
                    if (selection.Kind == SelectionKind.Excluding
                        && !(ModuleKey(module) is ISymbol key && groupsPerModule.TryGetValue(key, out var count) && count > 1))
                    {
                        // Filtered, and the rest of the module is in no other group: excluded.
                        continue;
                    }

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
                    context.Report(Diagnostic.Create(
                        Descriptors.DECAY004_DecayOnBiasAndNorm,
                        call.NameLocation,
                        properties,
                        OptimizerCall.Display(weightDecay),
                        ModuleName(module)));
                    return;
                }
            }
        }

        /// <summary>The variable, parameter, field or property a module expression reads (the
        /// containing type for <c>this</c>), to tell whether two groups draw from the same module.</summary>
        private static ISymbol? ModuleKey(IOperation module)
            => module.WalkDownConversion() switch
            {
                ILocalReferenceOperation local => local.Local,
                IParameterReferenceOperation parameter => parameter.Parameter,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                IInstanceReferenceOperation instance => instance.Type,
                _ => null,
            };

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
