using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Decay.CodeFixes
{
    /// <summary>DECAY009's refactorings, one per direction: "Move the L2 penalty into weight_decay"
    /// (the penalty leaves the loss with the statements that only computed it, and the optimizer gets
    /// <c>weight_decay: 2λ</c>) and "Move weight_decay into the loss as an L2 penalty" (the argument
    /// goes, and the loss gets <c>+ wd/2 · Σθ²</c>). The values come from the analyzer.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay009PenaltyAsWeightDecayCodeFixProvider)), Shared]
    public sealed class Decay009PenaltyAsWeightDecayCodeFixProvider : PenaltyEditsCodeFixProvider
    {
        public const string ToWeightDecayEquivalenceKey = "DECAY009_MoveToWeightDecay";
        public const string ToLossEquivalenceKey = "DECAY009_MoveToLoss";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PenaltyAsWeightDecay);

        private protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(SyntaxNode root, Diagnostic diagnostic)
        {
            var key = KeyOf(diagnostic);
            if (key is null || !CanApply(root, diagnostic, key))
            {
                yield break;
            }

            yield return key == ToWeightDecayEquivalenceKey
                ? ($"Move the L2 penalty into weight_decay: {diagnostic.Properties[Decay009PenaltyAsWeightDecayAnalyzer.WeightDecayProperty]}", key)
                : ("Move weight_decay into the loss as an L2 penalty", key);
        }

        private static string? KeyOf(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(Decay009PenaltyAsWeightDecayAnalyzer.DirectionProperty, out var direction)
                ? direction == Decay009PenaltyAsWeightDecayAnalyzer.ToOptimizer ? ToWeightDecayEquivalenceKey
                : direction == Decay009PenaltyAsWeightDecayAnalyzer.ToLoss ? ToLossEquivalenceKey
                : null
                : null;

        private protected override bool Collect(PenaltyEdits edits, Diagnostic diagnostic, string? key)
        {
            if (key != KeyOf(diagnostic))
            {
                return false;
            }

            var properties = diagnostic.Properties;
            if (key == ToWeightDecayEquivalenceKey)
            {
                if (!properties.TryGetValue(Decay009PenaltyAsWeightDecayAnalyzer.WeightDecayProperty, out var value) || value is null
                    || !FixHelpers.TryGetSpan(properties, Decay009PenaltyAsWeightDecayAnalyzer.OptimizerSpanProperty, out var optimizer)
                    || !FixHelpers.TryGetSpan(properties, Decay003L2AppliedTwiceAnalyzer.PenaltyOperandProperty, out var operand))
                {
                    return false;
                }

                TextSpan? explicitArgument = FixHelpers.TryGetSpan(properties, Decay009PenaltyAsWeightDecayAnalyzer.WeightDecayArgumentProperty, out var argument)
                    ? argument
                    : null;
                properties.TryGetValue(Decay003L2AppliedTwiceAnalyzer.RemovableStatementsProperty, out var statements);
                return edits.SetWeightDecay(optimizer, explicitArgument, value, "weight_decay")
                       && edits.RemovePenalty(operand, PenaltyEdits.ParseSpans(statements));
            }

            return properties.TryGetValue(Decay009PenaltyAsWeightDecayAnalyzer.PenaltyProperty, out var penalty) && penalty != null
                   && FixHelpers.TryGetSpan(properties, Decay009PenaltyAsWeightDecayAnalyzer.LossSpanProperty, out var loss)
                   && edits.AddToLoss(loss, penalty)
                   && edits.RemoveWeightDecay(diagnostic.Location.SourceSpan);
        }
    }
}
