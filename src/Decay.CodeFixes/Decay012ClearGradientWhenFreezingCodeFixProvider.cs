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
using Microsoft.CodeAnalysis.Formatting;

namespace Decay.CodeFixes
{
    /// <summary>DECAY012 fix "Clear the gradient when freezing": inserts <c>p.grad = null;</c>
    /// after <c>p.requires_grad = false;</c> (same receiver), so optimizers skip the frozen
    /// parameter. An embedded statement or an expression-bodied <c>ForEach</c> lambda becomes a
    /// block. Offered only when the receiver can be repeated without side effects.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay012ClearGradientWhenFreezingCodeFixProvider)), Shared]
    public sealed class Decay012ClearGradientWhenFreezingCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DECAY012_ClearGradientWhenFreezing";
        private const string Title = "Clear the gradient when freezing";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.FrozenParametersStillDecayed);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (!TryGetFreeze(node, model, context.CancellationToken, out var freeze, out _))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, freeze, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The freeze expression (<c>p.requires_grad = false</c> or
        /// <c>p.requires_grad_(false)</c>) at the diagnostic, in a place where a statement can
        /// follow it, and its receiver.</summary>
        private static bool TryGetFreeze(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken,
            out ExpressionSyntax freeze, out ExpressionSyntax receiver)
        {
            freeze = null!;
            receiver = null!;
            var expression = node is ExpressionStatementSyntax statement ? statement.Expression : node as ExpressionSyntax;
            switch (expression)
            {
                case AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "requires_grad" } member }
                    when expression.IsKind(SyntaxKind.SimpleAssignmentExpression):
                    receiver = member.Expression;
                    break;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "requires_grad_" } member }:
                    receiver = member.Expression;
                    break;
                default:
                    return false;
            }

            freeze = expression;
            if (!IsRepeatable(receiver))
            {
                return false;
            }

            switch (expression.Parent)
            {
                case ExpressionStatementSyntax:
                    return true;
                case LambdaExpressionSyntax lambda when lambda.Body == expression:
                    // ForEach(p => p.requires_grad = false): the lambda must return nothing.
                    return model.GetSymbolInfo(lambda, cancellationToken).Symbol is IMethodSymbol { ReturnsVoid: true };
                default:
                    return false;
            }
        }

        /// <summary>Names, member accesses, casts and <c>!</c> only: repeating them has no side effect.</summary>
        private static bool IsRepeatable(ExpressionSyntax expression)
            => expression switch
            {
                IdentifierNameSyntax => true,
                ThisExpressionSyntax => true,
                MemberAccessExpressionSyntax member when member.IsKind(SyntaxKind.SimpleMemberAccessExpression) => IsRepeatable(member.Expression),
                ParenthesizedExpressionSyntax parenthesized => IsRepeatable(parenthesized.Expression),
                PostfixUnaryExpressionSyntax suppressed when suppressed.IsKind(SyntaxKind.SuppressNullableWarningExpression) => IsRepeatable(suppressed.Operand),
                CastExpressionSyntax cast => IsRepeatable(cast.Expression),
                _ => false,
            };

        private static async Task<Document> ApplyAsync(Document document, ExpressionSyntax freeze, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null || !TryGetFreeze(freeze, model, cancellationToken, out _, out var receiver))
            {
                return document;
            }

            var clear = SyntaxFactory.ExpressionStatement(SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, receiver.WithoutTrivia(), SyntaxFactory.IdentifierName("grad")),
                SyntaxFactory.LiteralExpression(SyntaxKind.NullLiteralExpression)));

            SyntaxNode newRoot;
            if (freeze.Parent is LambdaExpressionSyntax lambda)
            {
                var block = SyntaxFactory.Block(SyntaxFactory.ExpressionStatement(freeze.WithoutTrivia()), clear)
                    .NormalizeWhitespace(indentation: string.Empty, eol: " ")
                    .WithTriviaFrom(freeze);
                newRoot = root.ReplaceNode(lambda, lambda.WithExpressionBody(null).WithBlock(block));
            }
            else
            {
                var statement = (ExpressionStatementSyntax)freeze.Parent!;
                switch (statement.Parent)
                {
                    case BlockSyntax:
                    case SwitchSectionSyntax:
                        newRoot = root.InsertNodesAfter(statement, new[] { clear.WithTriviaFrom(LineTrivia(statement)) });
                        break;
                    case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax:
                        newRoot = root.InsertNodesAfter(global, new[] { SyntaxFactory.GlobalStatement(clear.WithTriviaFrom(LineTrivia(statement))) });
                        break;
                    default:
                        // An embedded statement (foreach (…) p.requires_grad = false;) becomes a block.
                        var block = SyntaxFactory.Block(statement.WithoutLeadingTrivia(), clear)
                            .WithLeadingTrivia(statement.GetLeadingTrivia())
                            .WithAdditionalAnnotations(Formatter.Annotation);
                        newRoot = root.ReplaceNode(statement, block);
                        break;
                }
            }

            return document.WithSyntaxRoot(newRoot);
        }

        /// <summary>A statement-shaped carrier of the trivia a new line after
        /// <paramref name="statement"/> needs: its indentation and its line ending.</summary>
        private static SyntaxNode LineTrivia(StatementSyntax statement)
        {
            var leading = statement.GetLeadingTrivia();
            var lastLineStart = leading.Count;
            while (lastLineStart > 0 && !leading[lastLineStart - 1].IsKind(SyntaxKind.EndOfLineTrivia))
            {
                lastLineStart--;
            }

            var indentation = leading.Skip(lastLineStart).Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
            var endOfLine = statement.GetTrailingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            if (endOfLine == default)
            {
                // { p.requires_grad = false; } on one line: stay on that line.
                return SyntaxFactory.EmptyStatement().WithTrailingTrivia(SyntaxFactory.Space);
            }

            return SyntaxFactory.EmptyStatement().WithLeadingTrivia(indentation).WithTrailingTrivia(endOfLine);
        }
    }
}
