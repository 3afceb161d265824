using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Decay.Operations;
using Decay.Rules;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace Decay.CodeFixes
{
    /// <summary>DECAY004 fix "Exclude biases and norms from weight decay": replaces the optimizer
    /// call's <c>m.parameters()</c> with two parameter groups, parameters with <c>dim() &gt;= 2</c>
    /// keeping the decay and the others getting <c>weight_decay = 0</c>, each built as
    /// <c>new X.ParamGroup(ps, new X.Options { weight_decay = … })</c> with a fresh Options object,
    /// so every other hyperparameter still comes from the call, whose arguments are all kept. The
    /// call then binds to the optimizer's groups overload; the fix is offered only when that
    /// overload takes every argument as written. Adds <c>using System.Linq;</c> when needed. Fix
    /// All rewrites a document in one pass.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay004ExcludeBiasAndNormCodeFixProvider)), Shared]
    public sealed class Decay004ExcludeBiasAndNormCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DECAY004_ExcludeBiasAndNorm";
        private const string Title = "Exclude biases and norms from weight decay";

        private static readonly string[] LambdaNames = { "p", "param", "parameter", "prm" };

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DecayOnBiasAndNorm);

        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

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
                if (Plan(root, model, diagnostic, context.CancellationToken) is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct), EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root is null || model is null)
            {
                return document;
            }

            var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
            var needsLinq = false;
            foreach (var diagnostic in diagnostics)
            {
                var plan = Plan(root, model, diagnostic, cancellationToken);
                if (plan is null || replacements.ContainsKey(plan.Value.Old))
                {
                    continue;
                }

                replacements[plan.Value.Old] = plan.Value.New;
                needsLinq |= plan.Value.NeedsLinq;
            }

            if (replacements.Count == 0)
            {
                return document;
            }

            var newRoot = root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]);
            if (needsLinq && newRoot is CompilationUnitSyntax unit)
            {
                newRoot = AddLinqUsing(unit, EndOfLine(root));
            }

            return document.WithSyntaxRoot(newRoot);
        }

        private readonly struct Rewrite
        {
            public Rewrite(SyntaxNode old, SyntaxNode @new, bool needsLinq)
            {
                Old = old;
                New = @new;
                NeedsLinq = needsLinq;
            }

            public SyntaxNode Old { get; }
            public SyntaxNode New { get; }
            public bool NeedsLinq { get; }
        }

        /// <summary>The new parameters argument for the call the diagnostic is on, or null when
        /// the rewrite would not be the same optimizer with the same arguments.</summary>
        private static Rewrite? Plan(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            if (!diagnostic.Properties.ContainsKey(Decay004DecayOnBiasAndNormAnalyzer.SplitProperty))
            {
                return null;
            }

            var callSyntax = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)
                .AncestorsAndSelf().FirstOrDefault(n => n is InvocationExpressionSyntax || n is ObjectCreationExpressionSyntax);
            var argumentList = callSyntax switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList,
                ObjectCreationExpressionSyntax creation => creation.ArgumentList,
                _ => null,
            };
            var torch = TorchSharpContext.Get(model.Compilation);
            if (callSyntax is null || argumentList is null || torch is null
                || model.GetOperation(callSyntax, cancellationToken) is not IOperation operation
                || OptimizerCall.TryCreate(operation, torch) is not OptimizerCall call
                || call.Optimizer.ParamGroup is not INamedTypeSymbol groupType
                || call.Optimizer.Options is not INamedTypeSymbol optionsType
                || optionsType.GetMembers(TorchSharpNames.WeightDecay).IsEmpty)
            {
                return null;
            }

            var weightDecay = call.WeightDecay;
            if (!weightDecay.IsExplicit || weightDecay.Argument?.Syntax is not ArgumentSyntax weightDecaySyntax
                || !IsSideEffectFree(weightDecaySyntax.Expression)
                || call.ParametersArgument?.Syntax is not ArgumentSyntax parametersSyntax
                || call.ParametersArgument.Value.WalkDownConversion() is not IInvocationOperation parametersCall
                || parametersCall.Syntax is not InvocationExpressionSyntax parametersCallSyntax
                || !IsSimpleReceiver(parametersCall)
                || !parametersCallSyntax.ArgumentList.Arguments.All(a => a.Expression is LiteralExpressionSyntax))
            {
                return null;
            }

            var groupsOverload = FindGroupsOverload(call, argumentList, model);
            if (groupsOverload is null)
            {
                return null;
            }

            var position = parametersSyntax.SpanStart;
            var lambda = LambdaNames.FirstOrDefault(name => model.LookupSymbols(position, name: name).IsEmpty);
            if (lambda is null)
            {
                return null;
            }

            var source = SourceText(parametersCallSyntax);
            var group = groupType.ToMinimalDisplayString(model, position);
            var options = optionsType.ToMinimalDisplayString(model, position);
            var decay = weightDecaySyntax.Expression.WithoutTrivia().ToString();
            var text = root.SyntaxTree.GetText(cancellationToken);
            var indent = Indentation(text, position);
            var inner = indent + "    ";
            var eol = EndOfLine(root);
            var groups =
                $"new {group}[]{eol}" +
                $"{indent}{{{eol}" +
                $"{inner}new {group}({source}.Where({lambda} => {lambda}.dim() >= 2), new {options} {{ weight_decay = {decay} }}),{eol}" +
                $"{inner}new {group}({source}.Where({lambda} => {lambda}.dim() < 2), new {options} {{ weight_decay = 0 }}),{eol}" +
                $"{indent}}}";
            var expression = SyntaxFactory.ParseExpression(groups)
                .WithLeadingTrivia(parametersSyntax.Expression.GetLeadingTrivia())
                .WithTrailingTrivia(parametersSyntax.Expression.GetTrailingTrivia());
            var newArgument = parametersSyntax.WithExpression(expression);
            var firstName = groupsOverload.Parameters[0].Name;
            if (parametersSyntax.NameColon != null && parametersSyntax.NameColon.Name.Identifier.ValueText != firstName)
            {
                newArgument = newArgument.WithNameColon(parametersSyntax.NameColon.WithName(
                    SyntaxFactory.IdentifierName(firstName).WithTriviaFrom(parametersSyntax.NameColon.Name)));
            }

            var needsLinq = !model.LookupNamespacesAndTypes(position, name: "Enumerable")
                .Any(s => s is INamedTypeSymbol t && t.ContainingNamespace?.ToDisplayString() == "System.Linq");
            return new Rewrite(parametersSyntax, newArgument, needsLinq);
        }

        /// <summary><c>m.parameters()</c> for <c>m.parameters()</c> and <c>m.named_parameters()</c>
        /// (same receiver, same arguments).</summary>
        private static string SourceText(InvocationExpressionSyntax parametersCall)
        {
            var call = parametersCall.WithoutTrivia();
            SimpleNameSyntax? name = call.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };
            if (name != null && name.Identifier.ValueText == TorchSharpNames.NamedParameters)
            {
                call = call.ReplaceNode(name, SyntaxFactory.IdentifierName(TorchSharpNames.Parameters).WithTriviaFrom(name));
            }

            return call.ToString();
        }

        /// <summary>The overload of the same factory (or the constructor) that takes parameter
        /// groups, when every argument the user wrote binds there to a parameter of the same name
        /// and type and every required parameter is given.</summary>
        private static IMethodSymbol? FindGroupsOverload(OptimizerCall call, ArgumentListSyntax arguments, SemanticModel model)
        {
            var original = call.Method;
            var candidates = call.Form == OptimizerForm.Constructor
                ? original.ContainingType.InstanceConstructors
                : original.ContainingType.GetMembers(original.Name).OfType<IMethodSymbol>().ToImmutableArray();
            foreach (var candidate in candidates)
            {
                if (candidate.Parameters.Length == 0 || !TakesGroups(candidate.Parameters[0].Type, call.Optimizer))
                {
                    continue;
                }

                if (Accepts(candidate, original, arguments))
                {
                    return candidate;
                }
            }

            return null;
        }

        private static bool TakesGroups(ITypeSymbol type, OptimizerInfo optimizer)
        {
            if (type is not INamedTypeSymbol named || named.TypeArguments.Length != 1 || named.TypeArguments[0] is not INamedTypeSymbol element)
            {
                return false;
            }

            return SymbolEqualityComparer.Default.Equals(element, optimizer.ParamGroup)
                || (element.Name == "ParamGroup" && element.TypeArguments.Length == 1
                    && SymbolEqualityComparer.Default.Equals(element.TypeArguments[0], optimizer.Options));
        }

        private static bool Accepts(IMethodSymbol candidate, IMethodSymbol original, ArgumentListSyntax arguments)
        {
            var given = new HashSet<string>(StringComparer.Ordinal) { candidate.Parameters[0].Name };
            for (var i = 1; i < arguments.Arguments.Count; i++)
            {
                var argument = arguments.Arguments[i];
                IParameterSymbol? before;
                IParameterSymbol? after;
                if (argument.NameColon is null)
                {
                    before = i < original.Parameters.Length ? original.Parameters[i] : null;
                    after = i < candidate.Parameters.Length ? candidate.Parameters[i] : null;
                }
                else
                {
                    var name = argument.NameColon.Name.Identifier.ValueText;
                    before = original.Parameters.FirstOrDefault(p => p.Name == name);
                    after = candidate.Parameters.FirstOrDefault(p => p.Name == name);
                }

                if (before is null || after is null || before.Name != after.Name
                    || !SymbolEqualityComparer.Default.Equals(before.Type, after.Type) || before.IsParams || after.IsParams)
                {
                    return false;
                }

                given.Add(after.Name);
            }

            return candidate.Parameters.All(p => p.IsOptional || given.Contains(p.Name));
        }

        private static bool IsSimpleReceiver(IInvocationOperation parametersCall)
        {
            var instance = parametersCall.Instance;
            if (instance is null)
            {
                return false;
            }

            if (instance.IsImplicit)
            {
                return instance is IInstanceReferenceOperation;
            }

            return instance.Syntax.DescendantNodesAndSelf().All(n =>
                n is IdentifierNameSyntax || n is ThisExpressionSyntax || n is BaseExpressionSyntax
                || n is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression }
                || n is ParenthesizedExpressionSyntax);
        }

        private static bool IsSideEffectFree(ExpressionSyntax expression)
            => expression.DescendantNodesAndSelf().All(n =>
                n is LiteralExpressionSyntax || n is IdentifierNameSyntax || n is ThisExpressionSyntax
                || n is PredefinedTypeSyntax || n is QualifiedNameSyntax || n is ParenthesizedExpressionSyntax
                || n is CastExpressionSyntax
                || n is MemberAccessExpressionSyntax { RawKind: (int)SyntaxKind.SimpleMemberAccessExpression }
                || n is BinaryExpressionSyntax
                || (n is PrefixUnaryExpressionSyntax prefix && (prefix.IsKind(SyntaxKind.UnaryMinusExpression) || prefix.IsKind(SyntaxKind.UnaryPlusExpression))));

        private static string Indentation(SourceText text, int position)
        {
            var line = text.Lines.GetLineFromPosition(position).ToString();
            var length = 0;
            while (length < line.Length && (line[length] == ' ' || line[length] == '\t'))
            {
                length++;
            }

            return line.Substring(0, length);
        }

        private static string EndOfLine(SyntaxNode root)
        {
            var eol = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            return eol.IsKind(SyntaxKind.EndOfLineTrivia) ? eol.ToString() : "\n";
        }

        /// <summary>Adds <c>using System.Linq;</c> among the file's usings (System namespaces
        /// first, then alphabetical; before static and alias usings).</summary>
        private static CompilationUnitSyntax AddLinqUsing(CompilationUnitSyntax unit, string eol)
        {
            const string linq = "System.Linq";
            var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName(linq))
                .NormalizeWhitespace()
                .WithTrailingTrivia(SyntaxFactory.EndOfLine(eol));
            var usings = unit.Usings;
            if (usings.Count == 0)
            {
                directive = directive.WithTrailingTrivia(SyntaxFactory.EndOfLine(eol), SyntaxFactory.EndOfLine(eol));
                var first = unit.GetFirstToken();
                var leading = first.LeadingTrivia;
                var newUnit = unit.ReplaceToken(first, first.WithLeadingTrivia());
                return newUnit.WithUsings(SyntaxFactory.SingletonList(directive.WithLeadingTrivia(leading)));
            }

            var index = usings.Count;
            for (var i = 0; i < usings.Count; i++)
            {
                var existing = usings[i];
                if (existing.StaticKeyword != default || existing.Alias != null
                    || string.CompareOrdinal(SortKey(linq), SortKey(existing.Name.ToString())) < 0)
                {
                    index = i;
                    break;
                }
            }

            if (index == 0)
            {
                directive = directive.WithLeadingTrivia(usings[0].GetLeadingTrivia());
                usings = usings.Replace(usings[0], usings[0].WithoutLeadingTrivia());
            }

            return unit.WithUsings(usings.Insert(index, directive));
        }

        private static string SortKey(string name)
            => (name == "System" || name.StartsWith("System.", StringComparison.Ordinal) ? "0" : "1") + name;
    }
}
