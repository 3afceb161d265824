using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>The penalty model's entry point for an analyzer: get the compilation's one with
    /// <see cref="For"/> in the compilation-start action and ask it, from any operation action, for the
    /// <see cref="MethodPenalties"/> of the body that operation is in. Each body is analysed once
    /// (cached by its root operation); helper methods once (cached by symbol, without following
    /// their own helpers: one level, no recursion); the optimizers a type stores in fields and
    /// properties once per type.</summary>
    internal sealed class PenaltyCache
    {
        private readonly TorchSharpContext torch;
        private readonly ConcurrentDictionary<IOperation, MethodPenalties> bodies =
            new ConcurrentDictionary<IOperation, MethodPenalties>(ReferenceComparer.Instance);
        private readonly ConcurrentDictionary<IOperation, MethodPenalties> localFunctionHelpers =
            new ConcurrentDictionary<IOperation, MethodPenalties>(ReferenceComparer.Instance);
        private readonly ConcurrentDictionary<IMethodSymbol, MethodPenalties?> methodHelpers =
            new ConcurrentDictionary<IMethodSymbol, MethodPenalties?>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<(INamedTypeSymbol Type, SyntaxTree Tree), ImmutableArray<OptimizerSite>> typeOptimizers =
            new ConcurrentDictionary<(INamedTypeSymbol, SyntaxTree), ImmutableArray<OptimizerSite>>();
        private readonly ConcurrentDictionary<(IMethodSymbol Method, SyntaxTree Tree), bool> helperCandidates =
            new ConcurrentDictionary<(IMethodSymbol, SyntaxTree), bool>();

        private static readonly ConditionalWeakTable<Compilation, PenaltyCache> Shared = new ConditionalWeakTable<Compilation, PenaltyCache>();

        public PenaltyCache(TorchSharpContext torch) => this.torch = torch;

        /// <summary>The cache of <paramref name="torch"/>'s compilation, shared by every penalty rule
        /// (call it from the compilation-start action): a body is analysed once for all of them.</summary>
        public static PenaltyCache For(TorchSharpContext torch)
            => Shared.GetValue(torch.Compilation, _ => new PenaltyCache(torch));

        public TorchSharpContext Torch => torch;

        /// <summary>The analysis of the body that contains <paramref name="operation"/>: the enclosing
        /// local function, or the whole operation block (method, constructor, accessor, top-level
        /// statements). <paramref name="containingSymbol"/> is the analysis context's containing symbol.</summary>
        public MethodPenalties Get(IOperation operation, ISymbol? containingSymbol)
        {
            IOperation root = operation;
            ILocalFunctionOperation? localFunction = null;
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                root = parent;
                if (parent is ILocalFunctionOperation function)
                {
                    localFunction = function;
                    break;
                }
            }

            var method = localFunction?.Symbol ?? containingSymbol;
            return bodies.GetOrAdd(root, r => PenaltyAnalysis.Analyze(torch, r, method, this));
        }

        /// <summary>A cheap pre-check for operation actions: only <c>m.parameters()</c> /
        /// <c>m.named_parameters()</c> calls consumed as a penalty can be (see
        /// <see cref="PenaltyAnalysis.MayBePenaltySource"/>), and calls of helpers (local functions,
        /// methods of the same type called on <c>this</c>) whose declaration in this tree mentions a
        /// parameter source (see <see cref="MayYieldPenalty"/>) can be a <see cref="Penalty.Trigger"/>,
        /// so other invocations need no analysis of their body.</summary>
        public bool MayTrigger(IInvocationOperation invocation, ISymbol? containingSymbol)
        {
            if (torch.IsParameterSource(invocation, out _))
            {
                return PenaltyAnalysis.MayBePenaltySource(torch, invocation);
            }

            var target = invocation.TargetMethod;
            var kind = target.MethodKind;
            if (kind == MethodKind.LocalFunction)
            {
                return MayYieldPenalty(target.OriginalDefinition, invocation.Syntax.SyntaxTree);
            }

            // Cheapest tests first: most calls are on another object (model.call(x), loss.backward()).
            return kind == MethodKind.Ordinary
                   && (invocation.Instance is null || invocation.Instance.WalkDownConversion() is IInstanceReferenceOperation)
                   && containingSymbol?.ContainingType is INamedTypeSymbol type
                   && SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, type.OriginalDefinition)
                   && MayYieldPenalty(target.OriginalDefinition, invocation.Syntax.SyntaxTree);
        }

        /// <summary>Whether a helper (a method or local function) can hand a penalty to a call from
        /// <paramref name="tree"/>: helpers are analysed only where declared in the caller's tree and
        /// without following their own calls, so a helper yields a penalty only when one of its
        /// declarations in <paramref name="tree"/> contains a parameter source, which names its method
        /// <c>parameters</c> / <c>named_parameters</c>, so its text contains <c>parameters</c>
        /// (<see cref="SourceMentions"/>: the file's text is searched once).
        /// The penalty it yields is one it returns; a void helper has no return value of its own, so it
        /// can return a penalty only from a lambda, anonymous method or local function in it.
        /// Purely syntactic and cached: most helpers are never bound.</summary>
        internal bool MayYieldPenalty(IMethodSymbol method, SyntaxTree tree)
            => helperCandidates.GetOrAdd((method, tree), key =>
            {
                foreach (var reference in key.Method.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != key.Tree)
                    {
                        continue;
                    }

                    var syntax = reference.GetSyntax(CancellationToken.None);
                    if (SourceMentions.MayMention(syntax, "parameters", CancellationToken.None) && (!key.Method.ReturnsVoid || ContainsNestedFunction(syntax)))
                    {
                        return true;
                    }
                }

                return false;
            });

        private static bool ContainsNestedFunction(SyntaxNode syntax)
        {
            foreach (var node in syntax.DescendantNodes())
            {
                if (node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The analysis of a helper method of the same type, declared in the tree of
        /// <paramref name="model"/>, without following its own calls; null when its body is not available.</summary>
        internal MethodPenalties? GetHelper(IMethodSymbol method, SemanticModel? model)
        {
            if (model is null || !MayYieldPenalty(method, model.SyntaxTree))
            {
                return null;
            }

            return methodHelpers.GetOrAdd(method, m =>
            {
                foreach (var reference in m.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != model.SyntaxTree)
                    {
                        continue;
                    }

                    var body = model.GetOperation(reference.GetSyntax(CancellationToken.None), CancellationToken.None);
                    if (body != null)
                    {
                        return PenaltyAnalysis.Analyze(torch, body, m, helpers: null);
                    }
                }

                return null;
            });
        }

        /// <summary>The analysis of a local function used as a helper, without following its own calls;
        /// null when it contains no parameter source.</summary>
        internal MethodPenalties? GetHelper(ILocalFunctionOperation function, IMethodSymbol symbol)
            => MayYieldPenalty(symbol, function.Syntax.SyntaxTree)
                ? localFunctionHelpers.GetOrAdd(function, f => PenaltyAnalysis.Analyze(torch, f, symbol, helpers: null))
                : null;

        /// <summary>The optimizers <paramref name="type"/> stores in its fields and properties, from
        /// field/property initializers and instance constructors declared in the tree of
        /// <paramref name="model"/>. A module passed to the constructor and stored in a field
        /// (<c>this.model = model;</c>) is reported with that field as its root.</summary>
        public ImmutableArray<OptimizerSite> GetTypeOptimizers(INamedTypeSymbol type, SemanticModel model)
            => typeOptimizers.GetOrAdd((type.OriginalDefinition, model.SyntaxTree), key => FindTypeOptimizers(key.Type, model));

        private ImmutableArray<OptimizerSite> FindTypeOptimizers(INamedTypeSymbol type, SemanticModel model)
        {
            var sites = ImmutableArray.CreateBuilder<OptimizerSite>();
            foreach (var member in type.GetMembers())
            {
                foreach (var reference in member.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree != model.SyntaxTree)
                    {
                        continue;
                    }

                    var syntax = reference.GetSyntax(CancellationToken.None);
                    switch (member)
                    {
                        case IMethodSymbol { MethodKind: MethodKind.Constructor, IsStatic: false }:
                            AddConstructorOptimizers(type, model.GetOperation(syntax, CancellationToken.None), sites);
                            break;
                        case IFieldSymbol when syntax is VariableDeclaratorSyntax { Initializer: not null } declarator:
                            AddInitializerOptimizer(model.GetOperation(declarator.Initializer, CancellationToken.None), sites);
                            break;
                        case IPropertySymbol when syntax is PropertyDeclarationSyntax { Initializer: not null } property:
                            AddInitializerOptimizer(model.GetOperation(property.Initializer, CancellationToken.None), sites);
                            break;
                    }
                }
            }

            return sites.ToImmutable();
        }

        private void AddInitializerOptimizer(IOperation? initializer, ImmutableArray<OptimizerSite>.Builder sites)
        {
            var value = initializer switch
            {
                IFieldInitializerOperation field => field.Value,
                IPropertyInitializerOperation property => property.Value,
                _ => null,
            };
            var site = value is null ? null : OptimizerSite.TryCreate(value.WalkDownConversion(), torch);
            if (site?.Storage != null)
            {
                sites.Add(site);
            }
        }

        private void AddConstructorOptimizers(INamedTypeSymbol type, IOperation? body, ImmutableArray<OptimizerSite>.Builder sites)
        {
            if (body is null)
            {
                return;
            }

            // this.model = model; — the constructor parameter is the field from now on.
            var aliases = new Dictionary<IParameterSymbol, ISymbol>(SymbolEqualityComparer.Default);
            var candidates = new List<IOperation>();
            foreach (var node in body.Descendants())
            {
                if (node is ISimpleAssignmentOperation assignment
                    && assignment.Value.WalkDownConversion() is IParameterReferenceOperation parameter
                    && StoredMember(assignment.Target, type) is ISymbol member)
                {
                    aliases[parameter.Parameter] = member;
                }
                else if (node is IInvocationOperation || node is IObjectCreationOperation)
                {
                    candidates.Add(node);
                }
            }

            foreach (var candidate in candidates)
            {
                var site = OptimizerSite.TryCreate(candidate, torch);
                if (site is null || !(site.Storage is IFieldSymbol || site.Storage is IPropertySymbol)
                    || !SymbolEqualityComparer.Default.Equals(site.Storage.ContainingType.OriginalDefinition, type.OriginalDefinition))
                {
                    continue;
                }

                if (site.Module?.Root is IParameterSymbol root && aliases.TryGetValue(root, out var field))
                {
                    site = site.WithModule(site.Module.WithRoot(field));
                }

                sites.Add(site);
            }
        }

        private static ISymbol? StoredMember(IOperation target, INamedTypeSymbol type)
        {
            var (symbol, instance) = target.WalkDownConversion() switch
            {
                IFieldReferenceOperation field => ((ISymbol?)field.Field.OriginalDefinition, field.Instance),
                IPropertyReferenceOperation property => (property.Property.OriginalDefinition, property.Instance),
                _ => (null, null),
            };
            return symbol != null && SymbolEqualityComparer.Default.Equals(symbol.ContainingType.OriginalDefinition, type.OriginalDefinition)
                   && (instance is null || instance.WalkDownConversion() is IInstanceReferenceOperation)
                ? symbol
                : null;
        }

        private sealed class ReferenceComparer : IEqualityComparer<IOperation>
        {
            public static readonly ReferenceComparer Instance = new ReferenceComparer();

            public bool Equals(IOperation? x, IOperation? y) => ReferenceEquals(x, y);

            public int GetHashCode(IOperation obj) => RuntimeHelpers.GetHashCode(obj);
        }
    }
}
