using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Decay.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Decay.CodeFixes
{
    /// <summary>DECAY005 fix "Remove .detach()": offered only when the <c>.detach()</c> is the
    /// penalty's only detaching step, so that removing it is enough to put the penalty back into the
    /// autograd graph. Conversions to numbers (<c>item</c>, <c>ToSingle</c>, casts) and no_grad scopes
    /// need the surrounding code rewritten: no fix.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay005RemoveDetachCodeFixProvider)), Shared]
    public sealed class Decay005RemoveDetachCodeFixProvider : DecayCodeFixProvider
    {
        public const string EquivalenceKey = "DECAY005_RemoveDetach";
        private const string Title = "Remove .detach() (keep the penalty in the autograd graph)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DetachedPenalty);

        private protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(SyntaxNode root, Diagnostic diagnostic)
        {
            if (Find(root, diagnostic) != null)
            {
                yield return (Title, EquivalenceKey);
            }
        }

        private protected override SyntaxNode? Fix(SyntaxNode root, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
            => ReplaceEach(root, diagnostics, diagnostic => Find(root, diagnostic) is var (invocation, receiver)
                ? (invocation, receiver.WithTrailingTrivia(invocation.GetTrailingTrivia()))
                : null);

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
    }
}
