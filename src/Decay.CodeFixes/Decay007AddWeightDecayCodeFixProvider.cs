using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Decay.CodeFixes
{
    /// <summary>DECAY007 fix "Add weight_decay: 0.01 (PyTorch's AdamW default)": appends the named
    /// argument to the AdamW call. Offered only when the analyzer found that every undecayed group
    /// inherits the call's value (no positional ParamGroup pins it).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay007AddWeightDecayCodeFixProvider)), Shared]
    public sealed class Decay007AddWeightDecayCodeFixProvider : DecayCodeFixProvider
    {
        public const string EquivalenceKey = "DECAY007_AddWeightDecay";
        private const string Title = "Add weight_decay: 0.01 (PyTorch's AdamW default)";
        private const string Value = "0.01";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AdamWWithoutWeightDecay);

        private protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(FixDocument document, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.ContainsKey(Decay007AdamWWithoutWeightDecayAnalyzer.AddArgumentProperty))
            {
                yield break;
            }

            var arguments = FindArgumentList(document.Root, diagnostic);
            if (arguments is null || arguments.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "weight_decay"))
            {
                yield break;
            }

            // Half-typed 'AdamW(model.parameters(': an argument appended after an unfinished one
            // would be parsed as part of it.
            if (arguments.Arguments.Any(a => a.DescendantTokens().Any(t => t.IsMissing)))
            {
                yield break;
            }

            yield return (Title, EquivalenceKey);
        }

        private static ArgumentListSyntax? FindArgumentList(SyntaxNode root, Diagnostic diagnostic)
        {
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            return node.AncestorsAndSelf().Select(n => n switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                BaseObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            }).FirstOrDefault(a => a != null);
        }

        private protected override SyntaxNode? Fix(FixDocument document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
            => ReplaceEach(document.Root, diagnostics, diagnostic => FindArgumentList(document.Root, diagnostic) is ArgumentListSyntax arguments
                ? (arguments, AddWeightDecay(arguments))
                : null);

        /// <summary>The argument list with <c>weight_decay: 0.01</c> appended.</summary>
        private static ArgumentListSyntax AddWeightDecay(ArgumentListSyntax arguments)
        {
            var weightDecay = SyntaxFactory.Argument(
                SyntaxFactory.NameColon(SyntaxFactory.IdentifierName("weight_decay")).WithTrailingTrivia(SyntaxFactory.Space),
                default,
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(Value, 0.01)));
            var list = arguments.Arguments;
            var separators = list.GetSeparators().ToList();
            var nodes = list.ToList();
            if (nodes.Count > 0)
            {
                // Keep the last argument's trailing trivia after the new one.
                var last = nodes[nodes.Count - 1];
                weightDecay = weightDecay.WithTrailingTrivia(last.GetTrailingTrivia());
                nodes[nodes.Count - 1] = last.WithoutTrailingTrivia();
                separators.Add(SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space));
            }

            nodes.Add(weightDecay);
            var newList = SyntaxFactory.SeparatedList(nodes, separators);
            return arguments.WithArguments(newList);
        }
    }
}
