using System;
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
    /// <summary>DECAY011: a regularizer (a penalty from the shared penalty model that has a
    /// coefficient or a local named like one) that is lost within its method: never read, added
    /// into a total while <c>.backward()</c> is called on the bare loss, or added after that loss's
    /// <c>.backward()</c> ran. Monitoring (printed, logged), returned, stored or passed penalties
    /// are left alone: their fate is decided elsewhere.</summary>
    public sealed class Decay011RegularizerNeverReachesGradientAnalyzer : PenaltyRuleAnalyzer
    {
        /// <summary>Diagnostic property: the name of the total local that the fix backpropagates
        /// (present only for the "total never backpropagated" form).</summary>
        public const string TotalProperty = "Total";

        /// <summary>Substrings of a local's name that say it holds a regularizer.</summary>
        private static readonly string[] RegularizerNames = { "l1", "l2", "reg", "penalty", "decay", "ridge", "lasso" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY011_RegularizerNeverReachesGradient);

        internal override void AnalyzePenalty(OperationAnalysisContext context, Penalty penalty, MethodPenalties method, PenaltyCache cache)
        {
            if (!IsRegularizer(penalty))
            {
                return;
            }

            switch (penalty.Fate)
            {
                case PenaltyFate.NeverRead:
                    Report(context, penalty, BackwardNear(method, penalty.Computation), "it is never used", null);
                    break;

                case PenaltyFate.TotalNotBackpropagated:
                    ReportLostTotal(context, method, penalty);
                    break;

                case PenaltyFate.AddedAfterBackward:
                    var late = penalty.Adds.First(a => a.LossBackwardBefore != null);
                    Report(context, penalty, late.LossBackwardBefore,
                        $"it is added to '{Describe(late.LossOperand)}' after {late.LossBackwardBefore!.Syntax} ran", null);
                    break;
            }
        }

        /// <summary>Penalty-shaped (all parameters, or a subset chosen by name) and multiplied by a
        /// coefficient or held in a local whose name says it is a regularizer. A plain weight norm
        /// (or mean of squares) with neither is monitoring, not regularization.</summary>
        private static bool IsRegularizer(Penalty penalty)
        {
            if (penalty.Selection == ParameterSelection.Filtered)
            {
                return false;
            }

            // λ * Σθ², Σθ² * 1e-4, p.pow(2).sum().mul(λ); a division alone (Σθ² / n) is a mean, not a
            // coefficient, unless the local's name says it is a regularizer.
            if (penalty.Coefficient.Factors.Any(f => !f.IsDivisor))
            {
                return true;
            }

            foreach (var local in penalty.ValueLocals)
            {
                var name = local.Name.ToLowerInvariant();
                if (RegularizerNames.Any(n => name.IndexOf(n, StringComparison.Ordinal) >= 0))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A total that holds the regularizer while <c>.backward()</c> runs, after the add,
        /// on the loss it was added to (or on another tensor when the loss is not a variable). A
        /// total computed after the last backward (a validation pass that prints the objective) is
        /// not reported.</summary>
        private static void ReportLostTotal(OperationAnalysisContext context, MethodPenalties method, Penalty penalty)
        {
            foreach (var add in penalty.Adds)
            {
                var addPosition = add.Operation.Syntax.SpanStart;
                foreach (var backward in method.BackwardCalls)
                {
                    if (backward.Syntax.SpanStart <= addPosition)
                    {
                        continue;
                    }

                    var receiver = backward.Instance?.WalkDownConversion();
                    if (add.LossLocal != null
                        && !(receiver is ILocalReferenceOperation local && SymbolEqualityComparer.Default.Equals(local.Local, add.LossLocal)))
                    {
                        continue;
                    }

                    var reason = add.Total != null
                        ? $"it is added to '{add.Total.Name}', but backward() is called on '{Describe(backward.Instance)}'"
                        : $"it is added to a total that is never backpropagated; backward() is called on '{Describe(backward.Instance)}'";
                    var fixable = add.Total != null && receiver is ILocalReferenceOperation or IParameterReferenceOperation ? add.Total.Name : null;
                    Report(context, penalty, backward, reason, fixable);
                    return;
                }
            }
        }

        /// <summary>For a regularizer that is never used: the first <c>.backward()</c> after it,
        /// else the last one before it.</summary>
        private static IInvocationOperation? BackwardNear(MethodPenalties method, IOperation computation)
        {
            var position = computation.Syntax.SpanStart;
            return method.BackwardCalls.FirstOrDefault(b => b.Syntax.SpanStart > position)
                ?? method.BackwardCalls.LastOrDefault(b => b.Syntax.SpanStart < position);
        }

        private static void Report(OperationAnalysisContext context, Penalty penalty, IInvocationOperation? backward, string reason, string? total)
        {
            var properties = total is null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(TotalProperty, total);
            var additional = backward is null ? Array.Empty<Location>() : new[] { backward.Syntax.GetLocation() };
            context.Report(Diagnostic.Create(
                Descriptors.DECAY011_RegularizerNeverReachesGradient,
                penalty.Computation.Syntax.GetLocation(),
                additional,
                properties,
                Name(penalty),
                reason));
        }

        private static string Name(Penalty penalty)
            => penalty.ValueLocals.Length > 0 ? penalty.ValueLocals[0].Name : Describe(penalty.Value);

        private static string Describe(IOperation? operation)
        {
            var text = operation?.Syntax.ToString() ?? "?";
            return text.Length > 40 ? text.Substring(0, 37) + "..." : text;
        }
    }
}
