using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Decay.CodeFixes
{
    /// <summary>DECAY003's two fixes: "Remove weight_decay from the optimizer" (the named or last
    /// argument goes; a positional one followed by others becomes 0), and "Remove the penalty from
    /// the loss" (the penalty term leaves the add, and the loop, accumulator and constant locals that
    /// only computed it go too). Fix All merges every diagnostic of a document into one edit.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay003L2AppliedTwiceCodeFixProvider)), Shared]
    public sealed class Decay003L2AppliedTwiceCodeFixProvider : PenaltyEditsCodeFixProvider
    {
        public const string RemoveWeightDecayEquivalenceKey = "DECAY003_RemoveWeightDecay";
        public const string RemovePenaltyEquivalenceKey = "DECAY003_RemovePenalty";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.L2AppliedTwice);

        private protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(SyntaxNode root, Diagnostic diagnostic)
        {
            if (CanApply(root, diagnostic, RemoveWeightDecayEquivalenceKey))
            {
                yield return ("Remove weight_decay from the optimizer", RemoveWeightDecayEquivalenceKey);
            }

            if (CanApply(root, diagnostic, RemovePenaltyEquivalenceKey))
            {
                yield return ("Remove the penalty from the loss", RemovePenaltyEquivalenceKey);
            }
        }

        private protected override bool Collect(PenaltyEdits edits, Diagnostic diagnostic, string? key)
        {
            if (key == RemoveWeightDecayEquivalenceKey)
            {
                return edits.RemoveWeightDecay(diagnostic.Location.SourceSpan);
            }

            if (key == RemovePenaltyEquivalenceKey
                && diagnostic.Properties.TryGetValue(Decay003L2AppliedTwiceAnalyzer.RemovableStatementsProperty, out var statements)
                && FixHelpers.TryGetSpan(diagnostic.Properties, Decay003L2AppliedTwiceAnalyzer.PenaltyOperandProperty, out var operand))
            {
                return edits.RemovePenalty(operand, PenaltyEdits.ParseSpans(statements));
            }

            return false;
        }
    }
}
