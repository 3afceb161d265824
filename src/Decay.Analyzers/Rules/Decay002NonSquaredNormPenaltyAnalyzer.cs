using System.Collections.Immutable;
using System.Linq;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Decay.Rules
{
    /// <summary>DECAY002: a penalty added to the loss whose per-parameter term (or whose term over
    /// the concatenated parameters) is an L2 norm that is not squared (<c>p.norm()</c>,
    /// <c>p.norm(2)</c>, <c>torch.norm(p)</c>, <c>torch.linalg.norm(p)</c>,
    /// <c>torch.linalg.vector_norm(p)</c>). ‖θ‖ has gradient θ/‖θ‖: it is not L2 regularization.
    /// Reported at the norm call; <c>p.norm(2)</c> is also DECAY010 (the fix of this rule replaces
    /// the whole call, which settles both).</summary>
    public sealed class Decay002NonSquaredNormPenaltyAnalyzer : PenaltyRuleAnalyzer
    {
        /// <summary>Diagnostic property: the span ("start:length") of the tensor the norm is taken of.</summary>
        public const string InputSpanProperty = "InputSpan";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY002_NonSquaredNormPenalty);

        internal override void AnalyzePenalty(OperationAnalysisContext context, Penalty penalty, MethodPenalties analysis, PenaltyCache cache)
        {
            if (!penalty.IsAddedToLoss)
            {
                return;
            }

            foreach (var term in penalty.Terms)
            {
                if (term.Kind != PenaltyTermKind.L2Norm || term.IsSquaredNorm || term.NormCall is null || term.NormInput is null
                    || analysis.HasEarlier(penalty, other => other.IsAddedToLoss && other.Terms.Any(t => ReferenceEquals(t.NormCall, term.NormCall))))
                {
                    continue;
                }

                var input = term.NormInput.Syntax.Span;
                var properties = ImmutableDictionary<string, string?>.Empty.Add(InputSpanProperty, input.Start + ":" + input.Length);
                context.Report(Diagnostic.Create(
                    Descriptors.DECAY002_NonSquaredNormPenalty,
                    term.NormCall.Syntax.GetLocation(),
                    properties,
                    term.NormCall.Syntax.ToString()));
            }
        }
    }
}
