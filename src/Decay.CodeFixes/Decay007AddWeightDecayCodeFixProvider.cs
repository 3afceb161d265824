using System.Collections.Immutable;
using System.Composition;
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
    /// <summary>DECAY007 fix "Add weight_decay: 0.01 (PyTorch's AdamW default)": appends the named
    /// argument to the AdamW call. Offered only when the analyzer found that every undecayed group
    /// inherits the call's value (no positional ParamGroup pins it).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay007AddWeightDecayCodeFixProvider)), Shared]
    public sealed class Decay007AddWeightDecayCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DECAY007_AddWeightDecay";
        private const string Title = "Add weight_decay: 0.01 (PyTorch's AdamW default)";
        private const string Value = "0.01";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AdamWWithoutWeightDecay);

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
                if (!diagnostic.Properties.ContainsKey(Decay007AdamWWithoutWeightDecayAnalyzer.AddArgumentProperty))
                {
                    continue;
                }

                var arguments = FindArgumentList(root, diagnostic);
                if (arguments is null || arguments.Arguments.Any(a => a.NameColon?.Name.Identifier.ValueText == "weight_decay"))
                {
                    continue;
                }

                // Half-typed 'AdamW(model.parameters(': an argument appended after an unfinished
                // one would be parsed as part of it.
                if (arguments.Arguments.Any(a => a.DescendantTokens().Any(t => t.IsMissing)))
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, diagnostic, ct), EquivalenceKey),
                    diagnostic);
            }
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

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var arguments = root is null ? null : FindArgumentList(root, diagnostic);
            if (root is null || arguments is null)
            {
                return document;
            }

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
            return document.WithSyntaxRoot(root.ReplaceNode(arguments, arguments.WithArguments(newList)));
        }
    }
}
