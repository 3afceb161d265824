using System.Collections.Immutable;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>A set of parameters drawn from one module: all of them, or a subset (one
    /// sub-module's through a child enumeration, a filtered enumeration, a single parameter, a
    /// loop body that freezes only under a condition).</summary>
    internal readonly struct ParameterSet
    {
        public ParameterSet(ModuleReference module, bool isSubset)
        {
            Module = module;
            IsSubset = isSubset;
        }

        public ModuleReference Module { get; }

        /// <summary>Not known to be every parameter of <see cref="Module"/>.</summary>
        public bool IsSubset { get; }

        public ParameterSet AsSubset() => new ParameterSet(Module, isSubset: true);

        public ParameterSet WithModule(ModuleReference module) => new ParameterSet(module, IsSubset);

        /// <summary>How a set frozen by the user relates to the set an optimizer covers.</summary>
        public static Coverage Compare(ParameterSet frozen, ParameterSet optimized)
        {
            switch (ParameterSources.Compare(optimized.Module, frozen.Module))
            {
                case ModuleOverlap.Same:
                    return frozen.IsSubset || optimized.IsSubset ? Coverage.Part : Coverage.All;
                case ModuleOverlap.Contains:
                    // Frozen parameters are inside the optimizer's module; the rest stays trainable.
                    return Coverage.Part;
                case ModuleOverlap.ContainedIn:
                    // The optimizer's module is inside the frozen one: all of it is frozen, unless
                    // the frozen set is only some of the outer module's parameters (cannot tell).
                    return frozen.IsSubset ? Coverage.Unknown : Coverage.All;
                default:
                    return Coverage.None;
            }
        }
    }

    internal enum Coverage
    {
        /// <summary>Unrelated modules, or a relation that cannot be established.</summary>
        None,

        /// <summary>Related, but whether the frozen set meets the optimizer's cannot be told.</summary>
        Unknown,

        /// <summary>Some of the optimizer's parameters are frozen; others stay trainable.</summary>
        Part,

        /// <summary>Every parameter the optimizer updates is frozen.</summary>
        All,
    }

    /// <summary>Recognizes where a parameter or a set of parameters comes from:
    /// <c>m.parameters()</c>, <c>m.named_parameters()</c> (through LINQ), the iteration variable of
    /// a <c>foreach</c> over those (also deconstructed, or <c>np.parameter</c>), the parameter of a
    /// lambda passed to <c>ForEach</c>, a parameter property (<c>m.fc.weight</c>), and modules
    /// enumerated by <c>m.children()</c> / <c>m.modules()</c>.</summary>
    internal static class ParameterSources
    {
        private static readonly ImmutableHashSet<string> PassThrough = ImmutableHashSet.Create(
            "ToList", "ToArray", "AsEnumerable", "ToHashSet", "Cast", "OfType", "Select", "Distinct", "Reverse");

        private static readonly ImmutableHashSet<string> ChildEnumerations = ImmutableHashSet.Create(
            "children", "modules", "named_children", "named_modules");

        /// <summary><see cref="ModuleReference.Compare"/>, also relating <c>this</c> to the fields
        /// and properties of its type: <c>this.encoder</c> is rooted at the field <c>encoder</c>, yet
        /// it is a sub-module of <c>this</c> (a module class that trains itself).</summary>
        public static ModuleOverlap Compare(ModuleReference a, ModuleReference b)
        {
            var direct = a.Compare(b);
            if (direct != ModuleOverlap.None)
            {
                return direct;
            }

            if (a.IsThis && IsInstanceMemberOf(b.Root, (INamedTypeSymbol)a.Root))
            {
                return ComparePaths(a.Path, b.Path.Insert(0, b.Root));
            }

            return b.IsThis && IsInstanceMemberOf(a.Root, (INamedTypeSymbol)b.Root)
                ? ComparePaths(a.Path.Insert(0, a.Root), b.Path)
                : ModuleOverlap.None;
        }

        public static bool Overlaps(ModuleReference a, ModuleReference b) => Compare(a, b) != ModuleOverlap.None;

        private static bool IsInstanceMemberOf(ISymbol member, INamedTypeSymbol type)
            => member is IFieldSymbol or IPropertySymbol && !member.IsStatic && member.ContainingType != null
               && TorchSharpContext.InheritsFromOrEquals(type, member.ContainingType.OriginalDefinition);

        private static ModuleOverlap ComparePaths(ImmutableArray<ISymbol> a, ImmutableArray<ISymbol> b)
        {
            for (var i = 0; i < a.Length && i < b.Length; i++)
            {
                if (!SymbolEqualityComparer.Default.Equals(a[i], b[i]))
                {
                    return ModuleOverlap.None;
                }
            }

            return a.Length == b.Length ? ModuleOverlap.Same : a.Length < b.Length ? ModuleOverlap.Contains : ModuleOverlap.ContainedIn;
        }

        /// <summary>The parameters an enumeration yields: <c>m.parameters()</c> /
        /// <c>m.named_parameters()</c>, possibly through LINQ (<c>Where</c>, <c>Skip</c>, … make it
        /// a subset) or a local initialized with one.</summary>
        public static ParameterSet? FromEnumeration(IOperation? collection, TorchSharpContext torch, int depth = 0)
        {
            collection = collection?.WalkDownConversion(includeExplicit: true);
            if (collection is null || depth > 4)
            {
                return null;
            }

            if (collection is ILocalReferenceOperation local)
            {
                return FromEnumeration(LocalInitializer(local.Local, local), torch, depth + 1);
            }

            if (collection is not IInvocationOperation invocation)
            {
                return null;
            }

            var method = invocation.TargetMethod;
            if (torch.IsParameterSource(invocation, out _) && invocation.Instance != null)
            {
                var module = FromModule(invocation.Instance, torch);
                if (module is null)
                {
                    return null;
                }

                var recurse = invocation.Arguments.GetArgument("recurse");
                var nonRecursive = recurse != null && recurse.IsExplicit() && recurse.Value.TryGetConstantBool(out var r) && !r;
                return nonRecursive ? module.Value.AsSubset() : module;
            }

            // LINQ and collection copies: the receiver of an extension method arrives as argument 0.
            var source = method.IsExtensionMethod || method.ReducedFrom != null
                ? (invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)
                : invocation.Instance;
            if (source is null || method.ContainingNamespace?.ToDisplayString() is not ("System.Linq" or "System.Collections.Generic"))
            {
                return null;
            }

            var inner = FromEnumeration(source, torch, depth + 1);
            return inner is null || PassThrough.Contains(method.Name) ? inner : inner.Value.AsSubset();
        }

        /// <summary>The module a module expression denotes, as a parameter set: a
        /// <see cref="ModuleReference"/> (<c>model.backbone</c>), or a child enumerated from one
        /// (<c>foreach (var child in model.children())</c>: a subset of <c>model</c>).</summary>
        public static ParameterSet? FromModule(IOperation? expression, TorchSharpContext torch, int depth = 0)
        {
            expression = expression?.WalkDownConversion(includeExplicit: true);
            if (expression is null || depth > 4)
            {
                return null;
            }

            var reference = ModuleReference.TryCreate(StripTupleElement(expression));
            if (reference is null)
            {
                return null;
            }

            if (reference.Root is ILocalSymbol local)
            {
                var loop = FindForEach(expression, local);
                if (loop != null)
                {
                    // foreach (var child in model.children()): some sub-module of model.
                    return loop.Collection.WalkDownConversion(includeExplicit: true) is IInvocationOperation enumeration
                        && ChildEnumerations.Contains(enumeration.TargetMethod.Name) && torch.IsModule(enumeration.TargetMethod.ContainingType)
                        ? FromModule(enumeration.Instance, torch, depth + 1)?.AsSubset()
                        : null;
                }

                // var backbone = model.backbone; … backbone.parameters()
                var initializer = LocalInitializer(local, expression);
                var root = initializer is null ? null : FromModule(initializer, torch, depth + 1);
                if (root != null)
                {
                    return new ParameterSet(reference.Rebase(root.Value.Module), root.Value.IsSubset);
                }
            }

            return new ParameterSet(reference, isSubset: false);
        }

        /// <summary>The parameters a tensor expression may be: a parameter enumerated from a
        /// module (loop variable, deconstructed tuple element, <c>np.parameter</c>, lambda
        /// parameter of <c>ForEach</c>), or a parameter property of a module (<c>m.fc.weight</c>,
        /// a subset of <c>m.fc</c>).</summary>
        public static ParameterSet? FromTensor(IOperation? expression, TorchSharpContext torch, int depth = 0)
        {
            expression = expression?.WalkDownConversion(includeExplicit: true);
            if (depth > 2)
            {
                return null;
            }

            var element = StripTupleElement(expression);
            switch (element)
            {
                case ILocalReferenceOperation local:
                    {
                        var loop = FindForEach(local, local.Local);
                        return loop != null
                            ? FromEnumeration(loop.Collection, torch)
                            : FromTensor(LocalInitializer(local.Local, local), torch, depth + 1); // var w = model.fc.weight;
                    }

                case IParameterReferenceOperation parameter when parameter.Parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.AnonymousFunction }:
                    return FromForEachLambda(parameter, torch);

                case IPropertyReferenceOperation property when property.Instance != null && torch.IsModule(property.Instance.Type):
                    return FromModule(property.Instance, torch)?.AsSubset();

                case IFieldReferenceOperation field when field.Instance != null && torch.IsModule(field.Instance.Type):
                    return FromModule(field.Instance, torch)?.AsSubset();

                default:
                    return null;
            }
        }

        /// <summary><c>ps.ToList().ForEach(p => …)</c>, <c>Array.ForEach(ps, p => …)</c>: the
        /// enumeration the lambda parameter comes from.</summary>
        private static ParameterSet? FromForEachLambda(IParameterReferenceOperation parameter, TorchSharpContext torch)
        {
            for (var current = parameter.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation lambda
                    && SymbolEqualityComparer.Default.Equals(lambda.Symbol, parameter.Parameter.ContainingSymbol))
                {
                    var argument = lambda.WalkUpConversion() is IDelegateCreationOperation creation ? creation.WalkUpConversion() : lambda.WalkUpConversion();
                    if (argument is IArgumentOperation { Parent: IInvocationOperation invocation } && invocation.TargetMethod.Name == "ForEach")
                    {
                        var source = invocation.Instance ?? (invocation.Arguments.Length > 1 ? invocation.Arguments[0].Value : null);
                        return FromEnumeration(source, torch);
                    }

                    return null;
                }
            }

            return null;
        }

        /// <summary><c>np.parameter</c> / <c>np.Item2</c> on a tuple local → the local.</summary>
        private static IOperation? StripTupleElement(IOperation? expression)
            => expression is IFieldReferenceOperation { Instance: ILocalReferenceOperation local } field && field.Field.ContainingType?.IsTupleType == true
                ? local
                : expression;

        /// <summary>The foreach loop that declares <paramref name="local"/> as (part of) its
        /// iteration variable, among the ancestors of <paramref name="use"/>.</summary>
        public static IForEachLoopOperation? FindForEach(IOperation use, ILocalSymbol local)
        {
            for (var current = use.Parent; current != null; current = current.Parent)
            {
                if (current is IForEachLoopOperation loop)
                {
                    foreach (var declared in loop.Locals)
                    {
                        if (SymbolEqualityComparer.Default.Equals(declared, local))
                        {
                            return loop;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>The initializer of a local declared with one (<c>var ps = m.parameters();</c>).</summary>
        private static IOperation? LocalInitializer(ILocalSymbol local, IOperation use)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                var model = use.SemanticModel;
                if (model is null || reference.SyntaxTree != model.SyntaxTree)
                {
                    return null;
                }

                if (model.GetOperation(reference.GetSyntax()) is IVariableDeclaratorOperation declarator)
                {
                    return declarator.GetVariableInitializer()?.Value;
                }
            }

            return null;
        }
    }
}
