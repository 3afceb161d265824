using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Decay.CodeFixes
{
    /// <summary>DECAY010's two fixes: "Use the 2-norm" writes the exponent as a float
    /// (<c>p.norm(2f)</c>, <c>torch.norm(p, 2f)</c>), which binds to the p-norm overload; "Keep as
    /// dimension" names the argument (<c>p.norm(dim: 2)</c>, <c>torch.norm(p, dimension: 2)</c>),
    /// which keeps the behaviour and makes the intent explicit (the rule is then silent).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay010NormIntIsDimensionCodeFixProvider)), Shared]
    public sealed class Decay010NormIntIsDimensionCodeFixProvider : CodeFixProvider
    {
        public const string UseNormEquivalenceKey = "DECAY010_UseNorm";
        public const string KeepDimensionEquivalenceKey = "DECAY010_KeepDimension";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NormIntIsDimension);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (Find(root, diagnostic) is not var (_, _, literal, parameterName))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create($"Use the {literal}-norm ({literal}f)", ct => ApplyAsync(context.Document, diagnostic, keepDimension: false, ct), UseNormEquivalenceKey),
                    diagnostic);
                context.RegisterCodeFix(
                    CodeAction.Create($"Keep as dimension ({parameterName}: {literal})", ct => ApplyAsync(context.Document, diagnostic, keepDimension: true, ct), KeepDimensionEquivalenceKey),
                    diagnostic);
            }
        }

        private static (ArgumentSyntax Argument, LiteralExpressionSyntax Literal, int Value, string ParameterName)? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (FixHelpers.FindExpression(root, diagnostic.Location.SourceSpan) is not InvocationExpressionSyntax invocation
                || !diagnostic.Properties.TryGetValue(Decay010NormIntIsDimensionAnalyzer.LiteralProperty, out var text)
                || !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                || !diagnostic.Properties.TryGetValue(Decay010NormIntIsDimensionAnalyzer.ParameterNameProperty, out var parameterName)
                || string.IsNullOrEmpty(parameterName))
            {
                return null;
            }

            // The dimension is the only positional int literal (the analyzer reports only then).
            var candidates = invocation.ArgumentList.Arguments
                .Where(a => a.NameColon is null && a.Expression is LiteralExpressionSyntax { Token.Value: int v } && v == value)
                .ToList();
            if (candidates.Count != 1)
            {
                return null;
            }

            return (candidates[0], (LiteralExpressionSyntax)candidates[0].Expression, value, parameterName!);
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, bool keepDimension, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || Find(root, diagnostic) is not var (argument, literal, value, parameterName))
            {
                return document;
            }

            SyntaxNode replacement = keepDimension
                ? argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameterName)))
                : argument.WithExpression(SyntaxFactory.LiteralExpression(
                    SyntaxKind.NumericLiteralExpression,
                    SyntaxFactory.Literal(value.ToString(CultureInfo.InvariantCulture) + "f", (float)value)).WithTriviaFrom(literal));
            return document.WithSyntaxRoot(root.ReplaceNode(argument, replacement.WithTriviaFrom(argument)));
        }
    }
}
