using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
    public sealed class Decay008UseOptionsObjectCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DECAY008_UseOptionsObject";
        private const string Title = "Use an Options object (inherit the optimizer's settings)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ParamGroupPinsDefaults);

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
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation
                    || Rewrite(creation, model, context.CancellationToken) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => ApplyAsync(context.Document, diagnostic.Location.SourceSpan, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> ApplyAsync(Document document, Microsoft.CodeAnalysis.Text.TextSpan span, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null
                || root.FindNode(span, getInnermostNodeForTie: true) is not BaseObjectCreationExpressionSyntax creation)
            {
                return document;
            }

            var arguments = Rewrite(creation, model, cancellationToken);
            return arguments is null ? document : document.WithSyntaxRoot(root.ReplaceNode(creation.ArgumentList!, arguments));
        }

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
