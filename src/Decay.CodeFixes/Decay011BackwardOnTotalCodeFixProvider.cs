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
    /// <summary>DECAY011 fix "Call backward() on the total", for a regularizer added into a total
    /// (<c>var total = loss + λ * l2;</c>) while <c>loss.backward()</c> is called: the receiver of
    /// that call becomes the total. The analyzer names the total in the diagnostic's properties and
    /// gives the <c>.backward()</c> call as the additional location. Offered only when the total is
    /// a local in scope at the call.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay011BackwardOnTotalCodeFixProvider)), Shared]
    public sealed class Decay011BackwardOnTotalCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DECAY011_BackwardOnTotal";
        private const string Title = "Call backward() on the total";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RegularizerNeverReachesGradient);

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
                if (!diagnostic.Properties.TryGetValue(Decay011RegularizerNeverReachesGradientAnalyzer.TotalProperty, out var total) || total is null
                    || diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
                {
                    continue;
                }

                var receiver = FindReceiver(root, diagnostic.AdditionalLocations[0]);
                if (receiver is null || !IsLocalInScope(model, receiver, total, context.CancellationToken))
                {
                    continue;
                }

                var span = diagnostic.AdditionalLocations[0].SourceSpan;
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, span, total, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>The simple name <c>loss</c> in <c>loss.backward(…)</c> at the location.</summary>
        private static IdentifierNameSyntax? FindReceiver(SyntaxNode root, Location backward)
        {
            var node = root.FindNode(backward.SourceSpan, getInnermostNodeForTie: true);
            var invocation = node.AncestorsAndSelf().OfType<InvocationExpressionSyntax>().FirstOrDefault();
            return invocation?.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "backward", Expression: IdentifierNameSyntax receiver }
                ? receiver
                : null;
        }

        /// <summary>The total is a local that the name resolves to at the <c>.backward()</c> call.</summary>
        private static bool IsLocalInScope(SemanticModel model, IdentifierNameSyntax receiver, string total, CancellationToken cancellationToken)
            => model.LookupSymbols(receiver.SpanStart, name: total).OfType<ILocalSymbol>().Any(local =>
                local.DeclaringSyntaxReferences.Any(r => r.Span.End <= receiver.SpanStart))
               && model.GetSymbolInfo(receiver, cancellationToken).Symbol is ILocalSymbol or IParameterSymbol;

        private static async Task<Document> ApplyAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, string total, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }

            var receiver = FindReceiver(root, Location.Create(root.SyntaxTree, span));
            if (receiver is null)
            {
                return document;
            }

            var renamed = receiver.WithIdentifier(SyntaxFactory.Identifier(receiver.Identifier.LeadingTrivia, total, receiver.Identifier.TrailingTrivia));
            return document.WithSyntaxRoot(root.ReplaceNode(receiver, renamed));
        }
    }
}
