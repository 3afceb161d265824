using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Decay.CodeFixes
{
    /// <summary>DECAY003's two fixes: "Remove weight_decay from the optimizer" (the named or last
    /// argument goes; a positional one followed by others becomes 0), and "Remove the penalty from
    /// the loss" (the penalty term leaves the add, and the loop, accumulator and constant locals that
    /// only computed it go too). Fix All merges every diagnostic of a document into one edit.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay003L2AppliedTwiceCodeFixProvider)), Shared]
    public sealed class Decay003L2AppliedTwiceCodeFixProvider : CodeFixProvider
    {
        public const string RemoveWeightDecayEquivalenceKey = "DECAY003_RemoveWeightDecay";
        public const string RemovePenaltyEquivalenceKey = "DECAY003_RemovePenalty";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.L2AppliedTwice);

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
                if (Collect(new PenaltyEdits(root), diagnostic, RemoveWeightDecayEquivalenceKey))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove weight_decay from the optimizer",
                            ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), RemoveWeightDecayEquivalenceKey, ct),
                            RemoveWeightDecayEquivalenceKey),
                        diagnostic);
                }

                if (Collect(new PenaltyEdits(root), diagnostic, RemovePenaltyEquivalenceKey))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create("Remove the penalty from the loss",
                            ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), RemovePenaltyEquivalenceKey, ct),
                            RemovePenaltyEquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static bool Collect(PenaltyEdits edits, Diagnostic diagnostic, string? key)
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
