using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using Decay.Rules;
using Microsoft.CodeAnalysis;
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
    public sealed class Decay010NormIntIsDimensionCodeFixProvider : DecayCodeFixProvider
    {
        public const string UseNormEquivalenceKey = "DECAY010_UseNorm";
        public const string KeepDimensionEquivalenceKey = "DECAY010_KeepDimension";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NormIntIsDimension);

        private protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(SyntaxNode root, Diagnostic diagnostic)
        {
            if (Find(root, diagnostic) is var (_, _, literal, parameterName))
            {
                yield return ($"Use the {literal}-norm ({literal}f)", UseNormEquivalenceKey);
                yield return ($"Keep as dimension ({parameterName}: {literal})", KeepDimensionEquivalenceKey);
            }
        }

        private protected override SyntaxNode? Fix(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
            => ReplaceEach(root, diagnostics, diagnostic =>
            {
                if (Find(root, diagnostic) is not var (argument, literal, value, parameterName))
                {
                    return null;
                }

                SyntaxNode replacement = equivalenceKey == KeepDimensionEquivalenceKey
                    ? argument.WithNameColon(SyntaxFactory.NameColon(SyntaxFactory.IdentifierName(parameterName)))
                    : argument.WithExpression(SyntaxFactory.LiteralExpression(
                        SyntaxKind.NumericLiteralExpression,
                        SyntaxFactory.Literal(value.ToString(CultureInfo.InvariantCulture) + "f", (float)value)).WithTriviaFrom(literal));
                return (argument, replacement.WithTriviaFrom(argument));
            });

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
    }
}
