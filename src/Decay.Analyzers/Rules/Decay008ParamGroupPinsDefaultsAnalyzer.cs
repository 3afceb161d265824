using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY008: a positional <c>new X.ParamGroup(ps, …)</c> passed to an optimizer
    /// (in the call's groups or through <c>add_param_group</c>) pins every option the user did
    /// not write to the constructor's own default (read from metadata), where the optimizer call
    /// sets something else: its explicit value, or a different declared default (NAdam's
    /// ParamGroup lr is 1.0, its factory's 0.002). Equal constants change nothing and are not
    /// reported. Reported at the group's creation.</summary>
    public sealed class Decay008ParamGroupPinsDefaultsAnalyzer : OptimizerCallAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY008_ParamGroupPinsDefaults);

        internal override Action<OperationAnalysisContext, OptimizerCall> Start(TorchSharpContext torch)
            => (context, call) => Analyze(context, call, torch);

        private static void Analyze(OperationAnalysisContext context, OptimizerCall call, TorchSharpContext torch)
        {
            var groups = ParamGroups.Create(call, torch);
            foreach (var group in groups.Groups)
            {
                if (group.Form != ParamGroupForm.Positional || group.Creation is null)
                {
                    continue;
                }

                var pinned = new List<string>();
                foreach (var option in group.Options)
                {
                    if (option.IsWritten || !option.HasConstant)
                    {
                        continue;
                    }

                    var inherited = option.Name == TorchSharpNames.Lr ? call.LearningRate : call.Get(option.Name);
                    if (!inherited.Exists || (!inherited.HasConstant && !inherited.IsExplicit)
                        || (inherited.HasConstant && inherited.Constant == option.Constant))
                    {
                        continue;
                    }

                    pinned.Add(option.Name + " = " + Format(option));
                }

                if (pinned.Count == 0)
                {
                    continue;
                }

                var optimizer = torch.GetOptimizerByParamGroup(group.Creation.Type)?.Name ?? call.Optimizer.Name;
                context.Report(Diagnostic.Create(
                    Descriptors.DECAY008_ParamGroupPinsDefaults,
                    group.Creation.Syntax.GetLocation(),
                    optimizer,
                    string.Join(", ", pinned)));
            }
        }

        private static string Format(GroupOption option)
            => option.Parameter?.Type.SpecialType == SpecialType.System_Boolean
                ? (option.Constant != 0 ? "true" : "false")
                : option.Constant.ToString("R", CultureInfo.InvariantCulture);
    }
}
