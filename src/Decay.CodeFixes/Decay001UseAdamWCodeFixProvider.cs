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
using Microsoft.CodeAnalysis.Simplification;

namespace Decay.CodeFixes
{
    /// <summary>DECAY001 fix "Use AdamW": renames the factory or type to AdamW, and Adam.ParamGroup /
    /// Adam.Options written inside the parameters argument to their AdamW twins. Offered only when
    /// the result still type-checks: the result is not stored in a variable or member typed
    /// <c>Adam</c> declared elsewhere, and groups passed in are built inside the call.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(Decay001UseAdamWCodeFixProvider)), Shared]
    public sealed class Decay001UseAdamWCodeFixProvider : DecayCodeFixProvider
    {
        public const string EquivalenceKey = "DECAY001_UseAdamW";
        private const string Title = "Use AdamW (decoupled weight decay; retune weight_decay)";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AdamWithWeightDecay);

        private protected override bool UsesSemanticModel => true;

        private protected override IEnumerable<(string Title, string EquivalenceKey)> GetActions(FixDocument document, Diagnostic diagnostic)
        {
            if (Find(document, diagnostic) != null)
            {
                yield return (Title, EquivalenceKey);
            }
        }

        private protected override SyntaxNode? Fix(FixDocument document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
        {
            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            foreach (var diagnostic in diagnostics)
            {
                if (Find(document, diagnostic) is { } found)
                {
                    foreach (var edit in found)
                    {
                        edits[edit.Key] = edit.Value;
                    }
                }
            }

            return edits.Count == 0 ? null : document.Root.ReplaceNodes(edits.Keys, (original, _) => edits[original]);
        }

        /// <summary>The renames for the construction at the diagnostic; null when there are none.</summary>
        private static Dictionary<SyntaxNode, SyntaxNode>? Find(FixDocument document, Diagnostic diagnostic)
        {
            var node = document.Root.FindNode(diagnostic.Location.SourceSpan);
            var call = node.AncestorsAndSelf().FirstOrDefault(n =>
                n is InvocationExpressionSyntax || n is BaseObjectCreationExpressionSyntax);
            var edits = call is null ? null : ComputeEdits(call, document.Model!, document.CancellationToken);
            return edits is null || edits.Count == 0 ? null : edits;
        }

        /// <summary>The renames that turn this Adam construction into AdamW, or null when the
        /// result would not compile.</summary>
        private static Dictionary<SyntaxNode, SyntaxNode>? ComputeEdits(SyntaxNode call, SemanticModel model, CancellationToken cancellationToken)
        {
            var torch = TorchSharpContext.Get(model.Compilation);
            var adam = torch?.GetOptimizer(OptimizerKind.Adam);
            var adamW = torch?.GetOptimizer(OptimizerKind.AdamW);
            if (torch is null || adam is null || adamW is null)
            {
                return null;
            }

            var edits = new Dictionary<SyntaxNode, SyntaxNode>();
            ArgumentListSyntax? arguments;
            switch (call)
            {
                case InvocationExpressionSyntax invocation:
                    {
                        var name = invocation.Expression switch
                        {
                            MemberAccessExpressionSyntax member => member.Name,
                            SimpleNameSyntax simple => simple,
                            _ => null,
                        };
                        if (name is not IdentifierNameSyntax identifier || identifier.Identifier.ValueText != adam.Name)
                        {
                            return null;
                        }

                        edits[identifier] = Rename(identifier, adamW.Name);
                        arguments = invocation.ArgumentList;
                        break;
                    }

                case ObjectCreationExpressionSyntax creation:
                    if (!AddTypeRename(creation.Type, model, adam, adamW, edits, cancellationToken))
                    {
                        return null;
                    }

                    arguments = creation.ArgumentList;
                    break;

                case ImplicitObjectCreationExpressionSyntax implicitCreation:
                    arguments = implicitCreation.ArgumentList;
                    break;

                default:
                    return null;
            }

            // Where the result goes: a variable or member typed Adam must become AdamW too.
            if (call.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } })
            {
                var declaredType = declaration.Type.IsVar ? null : model.GetTypeInfo(declaration.Type, cancellationToken).Type;
                if (declaredType is null && call is ImplicitObjectCreationExpressionSyntax)
                {
                    return null;
                }

                if (SymbolEqualityComparer.Default.Equals(declaredType, adam.Type)
                    && (declaration.Variables.Count != 1
                        || !EveryUseAcceptsAdamW(declaration.Variables[0], model, adam, adamW, cancellationToken)
                        || !AddTypeRename(declaration.Type, model, adam, adamW, edits, cancellationToken)))
                {
                    return null;
                }
            }
            else if (call is ImplicitObjectCreationExpressionSyntax)
            {
                return null;
            }
            else if (!(call.Parent is ExpressionStatementSyntax)
                && SymbolEqualityComparer.Default.Equals(model.GetTypeInfo(call, cancellationToken).ConvertedType, adam.Type)
                && !(call.Parent is MemberAccessExpressionSyntax || call.Parent is ConditionalAccessExpressionSyntax))
            {
                // Assigned to a field or property typed Adam, returned from a method returning
                // Adam, passed where Adam is expected: renaming the call alone would not compile.
                return null;
            }

            // Adam.ParamGroup / Adam.Options written inside the parameters argument.
            if (arguments != null && arguments.Arguments.Count > 0)
            {
                var first = FirstParameterArgument(call, arguments, model, cancellationToken);
                if (first != null)
                {
                    var firstType = model.GetTypeInfo(first.Expression, cancellationToken).Type;
                    var isGroups = MentionsParamGroup(firstType, adam);
                    var renamedInside = false;
                    foreach (var identifier in first.Expression.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
                    {
                        if (identifier.Identifier.ValueText == adam.Name
                            && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, adam.Type))
                        {
                            edits[identifier] = Rename(identifier, adamW.Name);
                            renamedInside = true;
                        }
                    }

                    if (isGroups && !renamedInside)
                    {
                        // Groups built elsewhere (a variable of Adam.ParamGroup[]): renaming the
                        // call alone would not compile.
                        return null;
                    }
                }
            }

            return edits;
        }

        /// <summary>Whether the variable declared by <paramref name="declarator"/> can become an
        /// AdamW: every other use reads it where an AdamW does as well (a member of a base type,
        /// or a conversion to a base type), never where an Adam is required (an Adam parameter,
        /// an assignment of another Adam, ref/out, a var copy). Locals are searched in their tree;
        /// private fields in every part of their type; other fields are not renamed.</summary>
        private static bool EveryUseAcceptsAdamW(VariableDeclaratorSyntax declarator, SemanticModel model, OptimizerInfo adam, OptimizerInfo adamW,
            CancellationToken cancellationToken)
        {
            var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
            IEnumerable<SyntaxNode> scopes;
            switch (symbol)
            {
                case ILocalSymbol:
                    scopes = new[] { declarator.SyntaxTree.GetRoot(cancellationToken) };
                    break;
                case IFieldSymbol { DeclaredAccessibility: Accessibility.Private } field:
                    scopes = field.ContainingType.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken));
                    break;
                default:
                    return false;
            }

            foreach (var scope in scopes)
            {
                var scopeModel = scope.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(scope.SyntaxTree);
                foreach (var use in scope.DescendantNodes().OfType<IdentifierNameSyntax>())
                {
                    if (use.Identifier.ValueText == symbol.Name
                        && SymbolEqualityComparer.Default.Equals(scopeModel.GetSymbolInfo(use, cancellationToken).Symbol, symbol)
                        && !AcceptsAdamW(use, scopeModel, adam, adamW, cancellationToken))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static bool AcceptsAdamW(IdentifierNameSyntax use, SemanticModel model, OptimizerInfo adam, OptimizerInfo adamW, CancellationToken cancellationToken)
        {
            SyntaxNode expression = use;
            if (use.Parent is MemberAccessExpressionSyntax member && member.Name == use)
            {
                expression = member; // this.optimizer
            }

            // optimizer.step() / optimizer?.step(): fine when AdamW has the member too (Adam
            // overrides step; what it inherits, AdamW inherits as well).
            ExpressionSyntax? accessedName = expression.Parent switch
            {
                MemberAccessExpressionSyntax access when access.Expression == expression => access,
                ConditionalAccessExpressionSyntax conditional when conditional.Expression == expression
                    => conditional.WhenNotNull.DescendantNodesAndSelf().OfType<MemberBindingExpressionSyntax>().FirstOrDefault(),
                _ => null,
            };
            if (accessedName != null)
            {
                var accessed = model.GetSymbolInfo(accessedName, cancellationToken).Symbol;
                return accessed != null
                    && (!SymbolEqualityComparer.Default.Equals(accessed.ContainingType?.OriginalDefinition, adam.Type)
                        || !adamW.Type.GetMembers(accessed.Name).IsEmpty);
            }

            var converted = model.GetTypeInfo(expression, cancellationToken).ConvertedType;
            if (converted is null || SymbolEqualityComparer.Default.Equals(converted, adam.Type)
                || expression.Parent is AssignmentExpressionSyntax assignment && assignment.Left == expression
                || expression.Parent is ArgumentSyntax { RefKindKeyword.RawKind: not 0 })
            {
                return false;
            }

            return model.Compilation.ClassifyCommonConversion(adamW.Type, converted).IsImplicit;
        }

        private static ArgumentSyntax? FirstParameterArgument(SyntaxNode call, ArgumentListSyntax arguments, SemanticModel model, CancellationToken cancellationToken)
        {
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not IMethodSymbol method || method.Parameters.Length == 0)
            {
                return null;
            }

            var firstName = method.Parameters[0].Name;
            foreach (var argument in arguments.Arguments)
            {
                if (argument.NameColon != null)
                {
                    if (argument.NameColon.Name.Identifier.ValueText == firstName)
                    {
                        return argument;
                    }
                }
                else if (argument == arguments.Arguments[0])
                {
                    return argument;
                }
            }

            return null;
        }

        private static bool MentionsParamGroup(ITypeSymbol? type, OptimizerInfo adam)
        {
            if (type is IArrayTypeSymbol array)
            {
                return SymbolEqualityComparer.Default.Equals(array.ElementType.OriginalDefinition, adam.ParamGroup);
            }

            if (type is INamedTypeSymbol named)
            {
                return named.TypeArguments.Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, adam.ParamGroup))
                    || named.AllInterfaces.Any(i => i.TypeArguments.Any(t => SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, adam.ParamGroup)));
            }

            return false;
        }

        /// <summary>Renames the rightmost name of a type written as Adam / TorchSharp.Modules.Adam;
        /// an alias is replaced by the fully qualified AdamW, simplified where the usings allow.</summary>
        private static bool AddTypeRename(TypeSyntax type, SemanticModel model, OptimizerInfo adam, OptimizerInfo adamW,
            Dictionary<SyntaxNode, SyntaxNode> edits, CancellationToken cancellationToken)
        {
            if (type is NullableTypeSyntax nullable)
            {
                // Adam? → AdamW?: keep the annotation.
                return AddTypeRename(nullable.ElementType, model, adam, adamW, edits, cancellationToken);
            }

            if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(type, cancellationToken).Symbol, adam.Type))
            {
                return false;
            }

            var rightmost = type switch
            {
                QualifiedNameSyntax qualified => qualified.Right,
                AliasQualifiedNameSyntax alias => alias.Name,
                SimpleNameSyntax simple => simple,
                _ => null,
            };

            if (rightmost is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == adam.Name)
            {
                edits[identifier] = Rename(identifier, adamW.Name);
                return true;
            }

            // using Opt = TorchSharp.Modules.Adam; new Opt(...)
            var qualifiedName = SyntaxFactory.ParseTypeName("global::" + adamW.Type.ToDisplayString())
                .WithTriviaFrom(type)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            edits[type] = qualifiedName;
            return true;
        }

        private static IdentifierNameSyntax Rename(IdentifierNameSyntax identifier, string newName)
            => identifier.WithIdentifier(SyntaxFactory.Identifier(identifier.Identifier.LeadingTrivia, newName, identifier.Identifier.TrailingTrivia));
    }
}
