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
        /// <summary>The actions offered for <paramref name="diagnostic"/>: title and equivalence key.
        /// Only actions whose rewrite is possible on <paramref name="root"/>.</summary>
        private protected abstract IEnumerable<(string Title, string EquivalenceKey)> GetActions(SyntaxNode root, Diagnostic diagnostic);

        /// <summary>The new root with the action <paramref name="equivalenceKey"/> applied for every
        /// diagnostic; null when nothing changes.</summary>
        private protected abstract SyntaxNode? Fix(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey);

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
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                foreach (var (title, key) in GetActions(root, diagnostic))
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), key, ct), key),
                        diagnostic);
                }
            }
        }

        private async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? key, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var newRoot = root is null ? null : Fix(root, diagnostics, key);
            return newRoot is null ? document : document.WithSyntaxRoot(newRoot);
        }

        /// <summary>Fix All that applies every diagnostic of a document in one <see cref="Fix"/>, for
        /// fixes whose edits must be merged (several penalties in one loss expression).</summary>
        private protected sealed class DocumentFixAll : DocumentBasedFixAllProvider
        {
            private readonly DecayCodeFixProvider owner;

            public DocumentFixAll(DecayCodeFixProvider owner) => this.owner = owner;

            protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
                => await owner.ApplyAsync(document, diagnostics, fixAllContext.CodeActionEquivalenceKey, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
