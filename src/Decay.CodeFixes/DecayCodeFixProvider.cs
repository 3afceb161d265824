using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Decay.CodeFixes
{
    /// <summary>Base of the fixes that edit the document of their diagnostic: a subclass says which
    /// actions a diagnostic gets (after checking their preconditions) and how to rewrite the syntax
    /// root for an action; registration, application and, with <see cref="DocumentFixAll"/>, a Fix
    /// All that merges every diagnostic of a document into one rewrite, are here.</summary>
    public abstract class DecayCodeFixProvider : CodeFixProvider
    {
        /// <summary>True for fixes whose preconditions or rewrite read the semantic model: only then
        /// does <see cref="FixDocument.Model"/> carry it.</summary>
        private protected virtual bool UsesSemanticModel => false;

        /// <summary>The actions offered for <paramref name="diagnostic"/>: title and equivalence key.
        /// Only actions whose rewrite is possible on <paramref name="document"/>.</summary>
        private protected abstract IEnumerable<(string Title, string EquivalenceKey)> GetActions(FixDocument document, Diagnostic diagnostic);

        /// <summary>The new root with the action <paramref name="equivalenceKey"/> applied for every
        /// diagnostic; null when nothing changes.</summary>
        private protected abstract SyntaxNode? Fix(FixDocument document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        /// <summary>For fixes that replace one node per diagnostic: the root with every replacement
        /// <paramref name="replace"/> gives (null: nothing for that diagnostic); null when none.</summary>
        private protected static SyntaxNode? ReplaceEach(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics, System.Func<Diagnostic, (SyntaxNode Old, SyntaxNode New)?> replace)
        {
            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                if (replace(diagnostic) is var (old, replacement))
                {
                    replacements[old] = replacement;
                }
            }

            return replacements.Count == 0 ? null : root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
        }

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var document = await FixDocument.CreateAsync(context.Document, UsesSemanticModel, context.CancellationToken).ConfigureAwait(false);
            if (document is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                foreach (var (title, key) in GetActions(document, diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), key, ct), key),
                        diagnostic);
                }
            }
        }

        private async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var fixDocument = await FixDocument.CreateAsync(document, UsesSemanticModel, cancellationToken).ConfigureAwait(false);
            var newRoot = fixDocument is null ? null : Fix(fixDocument, diagnostics, key);
            return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
        }

        /// <summary>The document being fixed: its syntax root, its semantic model when the fix
        /// <see cref="UsesSemanticModel"/> (null otherwise), and the cancellation token.</summary>
        private protected sealed class FixDocument
        {
            private FixDocument(SyntaxNode root, SemanticModel? model, CancellationToken cancellationToken)
            {
                Root = root;
                Model = model;
                CancellationToken = cancellationToken;
            }

            public SyntaxNode Root { get; }

            public SemanticModel? Model { get; }

            public CancellationToken CancellationToken { get; }

            /// <summary>Null when the root (or the semantic model the fix asked for) is missing.</summary>
            public static async Task<FixDocument?> CreateAsync(Document document, bool withModel, CancellationToken cancellationToken)
            {
                var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                if (root is null)
                {
                    return null;
                }

                SemanticModel? model = null;
                if (withModel)
                {
                    model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                    if (model is null)
                    {
                        return null;
                    }
                }

                return new FixDocument(root, model, cancellationToken);
            }
        }

        /// <summary>Fix All that applies every diagnostic of a document in one <see cref="Fix"/>, for
        /// fixes whose edits must be merged (several penalties in one loss expression).</summary>
        private protected sealed class DocumentFixAll : DocumentBasedFixAllProvider
        {
            private readonly DecayCodeFixProvider owner;
            private readonly string? title;

            /// <param name="title">The Fix All title; null for the default.</param>
            public DocumentFixAll(DecayCodeFixProvider owner, string? title = null)
            {
                this.owner = owner;
                this.title = title;
            }

            protected override string GetFixAllTitle(FixAllContext fixAllContext) => title ?? base.GetFixAllTitle(fixAllContext);

            protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
                => await owner.ApplyAsync(document, diagnostics, fixAllContext.CodeActionEquivalenceKey, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
