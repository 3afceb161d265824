using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Decay.CodeFixes
{
    /// <summary>DECAY009's refactorings, one per direction: "Move the L2 penalty into weight_decay"
    /// (the penalty leaves the loss with the statements that only computed it, and the optimizer gets
    /// <c>weight_decay: 2λ</c>) and "Move weight_decay into the loss as an L2 penalty" (the argument
    /// goes, and the loss gets <c>+ wd/2 · Σθ²</c>). The values come from the analyzer.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay009PenaltyAsWeightDecayCodeFixProvider)), Shared]
    public sealed class Decay009PenaltyAsWeightDecayCodeFixProvider : CodeFixProvider
    {
        public const string ToWeightDecayEquivalenceKey = "DECAY009_MoveToWeightDecay";
        public const string ToLossEquivalenceKey = "DECAY009_MoveToLoss";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PenaltyAsWeightDecay);

        public override FixAllProvider GetFixAllProvider() => FixAll.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var key = KeyOf(diagnostic);
                if (key is null || !Collect(new PenaltyEdits(root), diagnostic, key))
                {
                    continue;
                }

                var title = key == ToWeightDecayEquivalenceKey
                    ? $"Move the L2 penalty into weight_decay: {diagnostic.Properties[Decay009PenaltyAsWeightDecayAnalyzer.WeightDecayProperty]}"
                    : "Move weight_decay into the loss as an L2 penalty";
                context.RegisterCodeFix(
                    CodeAction.Create(title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), key, ct), key),
                    diagnostic);
            }
        }

        private static string? KeyOf(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(Decay009PenaltyAsWeightDecayAnalyzer.DirectionProperty, out var direction)
                ? direction == Decay009PenaltyAsWeightDecayAnalyzer.ToOptimizer ? ToWeightDecayEquivalenceKey
                : direction == Decay009PenaltyAsWeightDecayAnalyzer.ToLoss ? ToLossEquivalenceKey
                : null
                : null;

        private static bool Collect(PenaltyEdits edits, Diagnostic diagnostic, string? key)
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

        private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var edits = new PenaltyEdits(root);
            foreach (var diagnostic in diagnostics)
            {
                Collect(edits, diagnostic, key);
            }

            return edits.IsEmpty ? document : document.WithSyntaxRoot(edits.Apply());
        }

        private sealed class FixAll : DocumentBasedFixAllProvider
        {
            public static readonly FixAll Instance = new FixAll();

            protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
                => await ApplyAsync(document, diagnostics, fixAllContext.CodeActionEquivalenceKey, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
