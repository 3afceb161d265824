using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Decay.CodeFixes
{
    /// <summary>Base of the fixes built from <see cref="PenaltyEdits"/> (DECAY003, DECAY009): each
    /// diagnostic contributes its edits for an action, and all of a document's are applied at once,
    /// also by Fix All.</summary>
    public abstract class PenaltyEditsCodeFixProvider : DecayCodeFixProvider
    {
        public override FixAllProvider GetFixAllProvider() => new DocumentFixAll(this);

        /// <summary>Adds the edits of action <paramref name="equivalenceKey"/> for
        /// <paramref name="diagnostic"/>; false when that action does not apply to it.</summary>
        private protected abstract bool Collect(PenaltyEdits edits, Diagnostic diagnostic, string? equivalenceKey);

        /// <summary>The action applies: its edits can be collected on <paramref name="root"/>.</summary>
        private protected bool CanApply(SyntaxNode root, Diagnostic diagnostic, string equivalenceKey)
            => Collect(new PenaltyEdits(root), diagnostic, equivalenceKey);

        private protected sealed override SyntaxNode? Fix(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
        {
            var edits = new PenaltyEdits(root);
            foreach (var diagnostic in diagnostics)
            {
                Collect(edits, diagnostic, equivalenceKey);
            }

            return edits.IsEmpty ? null : edits.Apply();
        }
    }
}
