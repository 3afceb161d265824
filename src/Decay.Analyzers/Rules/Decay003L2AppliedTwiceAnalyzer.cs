using System.Collections.Immutable;
using System.Linq;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Rules
{
    /// <summary>DECAY003: an optimizer with a non-zero constant coupled <c>weight_decay</c> (every
    /// TorchSharp optimizer but AdamW) over <c>m.parameters()</c>, and an L2 penalty over the same
    /// <c>m</c> (or a module that overlaps it) added to the loss: L2 applied twice. Same method, or
    /// optimizer stored in a field/property by a constructor or initializer and penalty in a method
    /// of the same type. Reported at the optimizer's weight_decay argument, with the penalty's term
    /// in the loss as additional location.</summary>
    public sealed class Decay003L2AppliedTwiceAnalyzer : PenaltyRuleAnalyzer
    {
        /// <summary>Diagnostic property: the span of the penalty's operand in the loss ("start:length").</summary>
        public const string PenaltyOperandProperty = "PenaltyOperand";

        /// <summary>Diagnostic property: spans ("start:length;…") of the statements that only compute
        /// the penalty and can go with it; present only when the penalty has a single add.</summary>
        public const string RemovableStatementsProperty = "RemovableStatements";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY003_L2AppliedTwice);

        internal override void AnalyzePenalty(OperationAnalysisContext context, Penalty penalty, MethodPenalties analysis, PenaltyCache cache)
        {
            if (!penalty.IsAddedToLoss || penalty.IsDetached || penalty.Module is null || penalty.Terms.Any(t => !t.IsL2) || penalty.Adds.IsEmpty)
            {
                return;
            }

            var operand = penalty.Adds[0].PenaltyOperand.Syntax;
            foreach (var site in PenaltyOptimizers.Find(penalty, analysis, cache, context.Operation.SemanticModel))
            {
                var argument = site.Call.WeightDecay.Argument;
                if (!site.HasNonZeroConstantCoupledDecay || argument is null || argument.Syntax.SyntaxTree != operand.SyntaxTree)
                {
                    continue;
                }

                var properties = ImmutableDictionary<string, string?>.Empty.Add(PenaltyOperandProperty, Span(operand.Span));
                if (penalty.SingleAdd != null)
                {
                    properties = properties.Add(RemovableStatementsProperty, string.Join(";", penalty.RemovableStatements.Select(s => Span(s.Syntax.Span))));
                }

                var module = penalty.Module.Compare(site.Module!) == ModuleOverlap.Contains ? site.Module! : penalty.Module;
                context.Report(Diagnostic.Create(
                    Descriptors.DECAY003_L2AppliedTwice,
                    argument.Syntax.GetLocation(),
                    new[] { operand.GetLocation() },
                    properties,
                    module.Display,
                    OptimizerCall.Display(site.Call.WeightDecay)));
            }
        }

        internal static string Span(TextSpan span) => span.Start + ":" + span.Length;
    }
}
