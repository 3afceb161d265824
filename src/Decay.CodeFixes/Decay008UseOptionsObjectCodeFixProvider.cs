using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Decay.CodeFixes
{
    /// <summary>DECAY008 fix "Use an Options object (inherit the optimizer's settings)": rewrites
    /// <c>new X.ParamGroup(ps, lr: 0.1, weight_decay: 0)</c> to
    /// <c>new X.ParamGroup(ps, new X.Options { LearningRate = 0.1, weight_decay = 0 })</c>, with only
    /// the options the user wrote, so that every other option comes from the optimizer call.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay008UseOptionsObjectCodeFixProvider)), Shared]
    public sealed class Decay008UseOptionsObjectCodeFixProvider : DecayCodeFixProvider
    {
        public const string EquivalenceKey = "DECAY008_UseOptionsObject";
        private const string Title = "Use an Options object (inherit the optimizer's settings)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ParamGroupPinsDefaults);

        private protected override bool UsesSemanticModel => true;

        private protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(FixDocument document, Diagnostic diagnostic)
        {
            if (Find(document, diagnostic) != null)
            {
                yield return (Title, EquivalenceKey);
            }
        }

        private protected override SyntaxNode? Fix(FixDocument document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
            => ReplaceEach(document.Root, diagnostics, diagnostic => Find(document, diagnostic));

        /// <summary>The argument list of the ParamGroup creation at the diagnostic and its rewrite.</summary>
        private static (SyntaxNode Old, SyntaxNode New)? Find(FixDocument document, Diagnostic diagnostic)
            => document.Root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is BaseObjectCreationExpressionSyntax creation
               && Rewrite(creation, document.Model!, document.CancellationToken) is ArgumentListSyntax arguments
                ? (creation.ArgumentList!, arguments)
                : null;

        /// <summary>The new argument list <c>(ps, new X.Options { … })</c>, or null when the
        /// creation is not a positional ParamGroup constructor whose options all have a member of
        /// the same name on X.Options.</summary>
        private static ArgumentListSyntax? Rewrite(BaseObjectCreationExpressionSyntax creation, SemanticModel model, CancellationToken cancellationToken)
        {
            var torch = TorchSharpContext.Get(model.Compilation);
            if (torch is null || creation.ArgumentList is null
                || model.GetSymbolInfo(creation, cancellationToken).Symbol is not IMethodSymbol constructor
                || torch.GetOptimizerByParamGroup(constructor.ContainingType) is not OptimizerInfo optimizer
                || optimizer.Options is null
                || constructor.Parameters.Length < 2
                || SymbolEqualityComparer.Default.Equals(constructor.Parameters[1].Type, optimizer.Options)
                || creation.ArgumentList.Arguments.Any(a => a.DescendantTokens().Any(t => t.IsMissing)))
            {
                // The last condition: half-typed 'new X.ParamGroup(model.parameters(', where the
                // Options argument written after it would be parsed as part of it.
                return null;
            }

            ExpressionSyntax? parameters = null;
            var assignments = new List<string>();
            var arguments = creation.ArgumentList.Arguments;
            for (var i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                var parameter = argument.NameColon is null
                    ? (i < constructor.Parameters.Length ? constructor.Parameters[i] : null)
                    : constructor.Parameters.FirstOrDefault(p => p.Name == argument.NameColon.Name.Identifier.ValueText);
                if (parameter is null)
                {
                    return null;
                }

                if (parameter.Ordinal == 0)
                {
                    parameters = argument.Expression;
                    continue;
                }

                var member = parameter.Name == TorchSharpNames.Lr ? "LearningRate" : parameter.Name;
                if (optimizer.Options.GetMembers(member).IsEmpty && !HasInheritedMember(optimizer.Options, member))
                {
                    return null;
                }

                assignments.Add(member + " = " + argument.Expression.WithoutTrivia().ToString());
            }

            if (parameters is null)
            {
                return null;
            }

            var optionsType = optimizer.Options.ToMinimalDisplayString(model, creation.SpanStart);
            var optionsText = assignments.Count == 0
                ? "new " + optionsType + "()"
                : "new " + optionsType + " { " + string.Join(", ", assignments) + " }";
            var options = SyntaxFactory.ParseExpression(optionsText);
            var comma = SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(SyntaxFactory.Space);
            var list = SyntaxFactory.SeparatedList(
                new[] { SyntaxFactory.Argument(parameters.WithoutTrailingTrivia()), SyntaxFactory.Argument(options) },
                new[] { comma });
            return creation.ArgumentList.WithArguments(list);
        }

        private static bool HasInheritedMember(INamedTypeSymbol type, string name)
        {
            for (var current = type.BaseType; current != null; current = current.BaseType)
            {
                if (!current.GetMembers(name).IsEmpty)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
