using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Decay.Rules;
using Microsoft.CodeAnalysis;
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
    public sealed class Decay011BackwardOnTotalCodeFixProvider : DecayCodeFixProvider
    {
        public const string EquivalenceKey = "DECAY011_BackwardOnTotal";
        private const string Title = "Call backward() on the total";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RegularizerNeverReachesGradient);

        private protected override bool UsesSemanticModel => true;

        private protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(FixDocument document, Diagnostic diagnostic)
        {
            if (Find(document.Root, diagnostic) is var (receiver, total)
                && IsLocalInScope(document.Model!, receiver, total, document.CancellationToken))
            {
                yield return (Title, EquivalenceKey);
            }
        }

        private protected override SyntaxNode? Fix(FixDocument document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
            => ReplaceEach(document.Root, diagnostics, diagnostic => Find(document.Root, diagnostic) is var (receiver, total)
                ? (receiver, receiver.WithIdentifier(SyntaxFactory.Identifier(receiver.Identifier.LeadingTrivia, total, receiver.Identifier.TrailingTrivia)))
                : null);

        /// <summary>The receiver of the <c>.backward()</c> call at the diagnostic's additional
        /// location and the name of the total the analyzer passed.</summary>
        private static (IdentifierNameSyntax Receiver, string Total)? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Properties.TryGetValue(Decay011RegularizerNeverReachesGradientAnalyzer.TotalProperty, out var total) || total is null
                || diagnostic.AdditionalLocations.Count == 0 || diagnostic.AdditionalLocations[0].SourceTree != root.SyntaxTree)
            {
                return null;
            }

            return FindReceiver(root, diagnostic.AdditionalLocations[0]) is IdentifierNameSyntax receiver ? (receiver, total) : null;
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
    }
}
