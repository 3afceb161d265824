using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Decay.CodeFixes
{
    /// <summary>DECAY002 fix "Square the norm (sum of squares)": replaces the norm call
    /// (<c>p.norm()</c>, <c>p.norm(2)</c>, <c>torch.norm(p)</c>, <c>torch.linalg.vector_norm(p)</c>, …)
    /// with <c>p.pow(2).sum()</c>. This changes the penalty's scale: the coefficient may need
    /// retuning.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay002SquareNormCodeFixProvider)), Shared]
    public sealed class Decay002SquareNormCodeFixProvider : DecayCodeFixProvider
    {
        public const string EquivalenceKey = "DECAY002_SquareNorm";
        private const string Title = "Square the norm (sum of squares)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NonSquaredNormPenalty);

        private protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(SyntaxNode root, Diagnostic diagnostic)
        {
            if (Find(root, diagnostic) != null)
            {
                yield return (Title, EquivalenceKey);
            }
        }

        private protected override SyntaxNode? Fix(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
            => ReplaceEach(root, diagnostics, diagnostic =>
            {
                if (Find(root, diagnostic) is not var (norm, input))
                {
                    return null;
                }

                // input.pow(2).sum()
                var pow = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, FixHelpers.AsReceiver(input), SyntaxFactory.IdentifierName("pow")),
                    SyntaxFactory.ArgumentList(SyntaxFactory.SingletonSeparatedList(SyntaxFactory.Argument(
                        SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(2))))));
                var sum = SyntaxFactory.InvocationExpression(
                    SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, pow, SyntaxFactory.IdentifierName("sum")));
                return (norm, sum.WithTriviaFrom(norm));
            });

        private static (InvocationExpressionSyntax Norm, ExpressionSyntax Input)? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (FixHelpers.FindExpression(root, diagnostic.Location.SourceSpan) is not InvocationExpressionSyntax norm
                || !FixHelpers.TryGetSpan(diagnostic.Properties, Decay002NonSquaredNormPenaltyAnalyzer.InputSpanProperty, out var inputSpan)
                || !norm.Span.Contains(inputSpan)
                || FixHelpers.FindExpression(root, inputSpan) is not ExpressionSyntax input)
            {
                return null;
            }

            return (norm, input);
        }
    }
}
