using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Decay.CodeFixes
{
    /// <summary>DECAY005 fix "Remove .detach()": offered only when the <c>.detach()</c> is the
    /// penalty's only detaching step, so that removing it is enough to put the penalty back into the
    /// autograd graph. Conversions to numbers (<c>item</c>, <c>ToSingle</c>, casts) and no_grad scopes
    /// need the surrounding code rewritten: no fix.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay005RemoveDetachCodeFixProvider)), Shared]
    public sealed class Decay005RemoveDetachCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DECAY005_RemoveDetach";
        private const string Title = "Remove .detach() (keep the penalty in the autograd graph)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DetachedPenalty);

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
                if (Find(root, diagnostic) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, diagnostic, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static (InvocationExpressionSyntax Detach, ExpressionSyntax Receiver)? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!FixHelpers.TryGetSpan(diagnostic.Properties, Decay005DetachedPenaltyAnalyzer.RemovableDetachProperty, out var span)
                || FixHelpers.FindExpression(root, span) is not InvocationExpressionSyntax
                {
                    Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "detach" } member,
                    ArgumentList.Arguments.Count: 0,
                } invocation)
            {
                return null;
            }

            return (invocation, member.Expression);
        }

        private static async Task<Document> ApplyAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || Find(root, diagnostic) is not var (invocation, receiver))
            {
                return document;
            }

            var replacement = receiver.WithTrailingTrivia(invocation.GetTrailingTrivia());
            return document.WithSyntaxRoot(root.ReplaceNode(invocation, replacement));
        }
    }
}
