using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Decay.CodeFixes
{
    /// <summary>DECAY101 and DECAY103 fix "Let SDCA choose L2": removes the explicit L2 so SDCA
    /// picks its own (≈2.7e-5 for classification on typical data). A named argument is removed;
    /// a positional one (or a named one that positional arguments follow) becomes <c>null</c>; an
    /// object-initializer member is removed (<c>new X.Options { L2Regularization = 1 }</c> becomes
    /// <c>new X.Options()</c>); an assignment statement is removed, and any other assignment gets
    /// <c>null</c>. Comment lines above a removed line are kept. This changes training on
    /// purpose, so it is a code action, not a cleanup.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay101Decay103LetSdcaChooseL2CodeFixProvider)), Shared]
    public sealed class Decay101Decay103LetSdcaChooseL2CodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DECAY101_LetSdcaChooseL2";
        public const string Title = "Let SDCA choose L2 (changes training)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } =
            ImmutableArray.Create(DiagnosticIds.SdcaL2AtOtherScale, DiagnosticIds.SdcaL2BelowFloor);

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
                if (ComputeChange(root, diagnostic) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            // Non-overlapping changes only (Fix All over one document).
            var changes = new List<TextChange>();
            foreach (var change in diagnostics.Select(d => ComputeChange(root, d)).OfType<TextChange>().OrderBy(c => c.Span.Start))
            {
                if (changes.Count == 0 || changes[changes.Count - 1].Span.End <= change.Span.Start)
                {
                    changes.Add(change);
                }
            }

            return changes.Count == 0 ? document : document.WithText(text.WithChanges(changes));
        }

        /// <summary>The one text change that lets SDCA choose L2 at the diagnostic's site, or null.</summary>
        internal static TextChange? ComputeChange(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: false);
            switch (node)
            {
                case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax list:
                    return ForArgument(argument, list);
                case AssignmentExpressionSyntax assignment when assignment.Parent is InitializerExpressionSyntax initializer
                                                                && initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                    return ForInitializerMember(assignment, initializer);
                case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    return ForAssignment(assignment);
                default:
                    return null;
            }
        }

        private static TextChange ForArgument(ArgumentSyntax argument, ArgumentListSyntax list)
        {
            var arguments = list.Arguments;
            var index = arguments.IndexOf(argument);
            var positionalAfter = arguments.Skip(index + 1).Any(a => a.NameColon is null);
            if (argument.NameColon is null || positionalAfter)
            {
                // Removing it would shift the positional arguments that follow: pass null instead.
                return new TextChange(argument.Expression.Span, "null");
            }

            return RemoveElement(arguments.GetWithSeparators(), argument);
        }

        private static TextChange ForInitializerMember(AssignmentExpressionSyntax member, InitializerExpressionSyntax initializer)
        {
            if (initializer.Expressions.Count == 1)
            {
                // new X.Options { L2Regularization = 1 } → new X.Options(); new() { … } → new().
                switch (initializer.Parent)
                {
                    case ObjectCreationExpressionSyntax creation:
                        return creation.ArgumentList is null
                            ? new TextChange(TextSpan.FromBounds(creation.Type.Span.End, initializer.Span.End), "()")
                            : new TextChange(TextSpan.FromBounds(creation.ArgumentList.Span.End, initializer.Span.End), string.Empty);
                    case ImplicitObjectCreationExpressionSyntax implicitCreation:
                        return new TextChange(TextSpan.FromBounds(implicitCreation.ArgumentList.Span.End, initializer.Span.End), string.Empty);
                    default:
                        // A nested member initializer (Booster = { … }): leave the braces.
                        return new TextChange(member.Span, string.Empty);
                }
            }

            return RemoveElement(initializer.Expressions.GetWithSeparators(), member);
        }

        private static TextChange ForAssignment(AssignmentExpressionSyntax assignment)
        {
            if (assignment.Parent is ExpressionStatementSyntax statement
                && (statement.Parent is BlockSyntax || statement.Parent is SwitchSectionSyntax || statement.Parent is GlobalStatementSyntax))
            {
                SyntaxNode removed = statement.Parent is GlobalStatementSyntax global ? global : statement;
                return RemoveLines(removed.GetFirstToken(), removed.GetLastToken())
                    ?? new TextChange(TextSpan.FromBounds(removed.GetFirstToken().GetPreviousToken().Span.End, removed.Span.End), string.Empty);
            }

            // An embedded statement (if (…) o.L2Regularization = 1;) or an expression: set null.
            return new TextChange(assignment.Right.Span, "null");
        }

        /// <summary>Removes one element of a separated list with one adjacent separator, keeping
        /// the layout: an element on lines of its own goes with its lines (comment lines above it
        /// stay); on a shared line, with the separator after it; the last element, with the
        /// separator before it (a trailing comma is not valid in an argument list).</summary>
        private static TextChange RemoveElement(SyntaxNodeOrTokenList items, SyntaxNode element)
        {
            var index = items.IndexOf(element);
            if (items.Count == 1)
            {
                // "f(l2: 1f)" → "f()".
                return new TextChange(TextSpan.FromBounds(element.GetFirstToken().GetPreviousToken().Span.End, element.Span.End), string.Empty);
            }

            if (index + 1 < items.Count)
            {
                var separator = items[index + 1].AsToken();
                return RemoveLines(element.GetFirstToken(), separator)
                    ?? new TextChange(TextSpan.FromBounds(element.SpanStart, separator.GetNextToken().SpanStart), string.Empty);
            }

            // Last element without a separator after it: "a, l2: 1f)" → "a)".
            var separatorBefore = items[index - 1].AsToken();
            var previousElement = items[index - 2];
            if (separatorBefore.TrailingTrivia.Any(IsComment) || element.GetLeadingTrivia().Any(IsComment))
            {
                // Keep comments written between the two: remove the separator and the element only.
                return new TextChange(TextSpan.FromBounds(separatorBefore.SpanStart, element.Span.End),
                    separatorBefore.TrailingTrivia.ToFullString() + element.GetLeadingTrivia().ToFullString());
            }

            return new TextChange(TextSpan.FromBounds(previousElement.Span.End, element.Span.End), string.Empty);
        }

        /// <summary>When <paramref name="first"/>..<paramref name="last"/> occupy whole lines (only
        /// whitespace before the first token and after the last token on their lines), the change
        /// that deletes those lines; otherwise null.</summary>
        private static TextChange? RemoveLines(SyntaxToken first, SyntaxToken last)
        {
            var text = first.SyntaxTree?.GetText();
            if (text is null)
            {
                return null;
            }

            var firstLine = text.Lines.GetLineFromPosition(first.SpanStart);
            var lastLine = text.Lines.GetLineFromPosition(last.Span.End);
            if (!IsWhitespace(text, firstLine.Start, first.SpanStart))
            {
                return null;
            }

            // After the last token: only whitespace up to the line end (a trailing comment belongs
            // to the removed line and goes with it).
            var next = last.GetNextToken(includeZeroWidth: true);
            if (!next.IsKind(SyntaxKind.None) && text.Lines.GetLineFromPosition(next.SpanStart).LineNumber == lastLine.LineNumber)
            {
                return null;
            }

            return new TextChange(TextSpan.FromBounds(firstLine.Start, lastLine.EndIncludingLineBreak), string.Empty);
        }

        private static bool IsWhitespace(SourceText text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (!char.IsWhiteSpace(text[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsComment(SyntaxTrivia trivia)
            => trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia)
               || trivia.IsKind(SyntaxKind.SingleLineDocumentationCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineDocumentationCommentTrivia);

        /// <summary>Fix All: every site of the document in one pass of text changes, so removals
        /// in one call, initializer or block never conflict.</summary>
        private sealed class FixAll : DocumentBasedFixAllProvider
        {
            public static readonly FixAll Instance = new FixAll();

            protected override string GetFixAllTitle(FixAllContext fixAllContext) => Title;

            protected override async Task<Document?> FixAllAsync(FixAllContext fixAllContext, Document document, ImmutableArray<Diagnostic> diagnostics)
                => await ApplyAsync(document, diagnostics, fixAllContext.CancellationToken).ConfigureAwait(false);
        }
    }
}
