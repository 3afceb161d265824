using System.Collections.Immutable;
using System.Linq;
using Decay.Hosting;
using Decay.Operations;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Decay.Rules
{
    /// <summary>DECAY005: a penalty added to the loss that passes through <c>.item&lt;T&gt;()</c>,
    /// <c>.ToSingle()</c>, <c>.ToDouble()</c>, a <c>(float)</c>/<c>(double)</c> cast, <c>.detach()</c>,
    /// or is computed inside a <c>torch.no_grad()</c> scope: the loss value changes, the gradient does
    /// not. Reported at each detaching call (or at the <c>no_grad()</c> call of the scope).</summary>
    public sealed class Decay005DetachedPenaltyAnalyzer : PenaltyRuleAnalyzer
    {
        /// <summary>Diagnostic property, present when removing this <c>.detach()</c> reattaches the
        /// penalty (it is the only detaching step): the span ("start:length") of the whole
        /// <c>x.detach()</c> invocation.</summary>
        public const string RemovableDetachProperty = "RemovableDetach";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DECAY005_DetachedPenalty);

        internal override void AnalyzePenalty(OperationAnalysisContext context, Penalty penalty, MethodPenalties analysis, PenaltyCache cache)
        {
            if (!penalty.IsAddedToLoss || !penalty.IsDetached)
            {
                return;
            }

            foreach (var step in penalty.DetachingSteps)
            {
                if (analysis.HasEarlier(penalty, other => other.IsAddedToLoss && other.DetachingSteps.Any(s => ReferenceEquals(s.Operation, step.Operation))))
                {
                    continue;
                }

                var (span, display) = Where(step);
                var properties = ImmutableDictionary<string, string?>.Empty;
                if (step.Kind == DetachKind.Detach && penalty.DetachingSteps.Length == 1)
                {
                    var whole = step.Operation.Syntax.Span;
                    properties = properties.Add(RemovableDetachProperty, whole.Start + ":" + whole.Length);
                }

                context.Report(Diagnostic.Create(
                    Descriptors.DECAY005_DetachedPenalty,
                    Location.Create(step.Operation.Syntax.SyntaxTree, span),
                    properties,
                    display));
            }
        }

        /// <summary>The span to report and the text to name: <c>item&lt;float&gt;()</c> (from the member
        /// name to the end of the call), <c>(float)</c> for a cast, <c>torch.no_grad()</c> for a scope.</summary>
        private static (TextSpan Span, string Display) Where(DetachingStep step)
        {
            var syntax = step.Operation.Syntax;
            switch (syntax)
            {
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } invocation when step.Kind != DetachKind.NoGrad:
                    {
                        var span = TextSpan.FromBounds(member.Name.SpanStart, invocation.Span.End);
                        return (span, syntax.SyntaxTree.GetText().ToString(span));
                    }

                case CastExpressionSyntax cast:
                    return (cast.Span, "(" + cast.Type + ")");
                default:
                    return (syntax.Span, syntax.ToString());
            }
        }
    }
}
