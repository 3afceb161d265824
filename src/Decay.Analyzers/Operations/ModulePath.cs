using System.Collections.Immutable;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>Which module an expression denotes, as the chain of symbols it is reached through:
    /// <c>model</c> (a local or parameter), <c>this</c> (the containing type), then fields and
    /// properties (<c>model.backbone</c>, <c>this.encoder.layer1</c>). Two paths denote nested
    /// modules when one is a prefix of the other. Anything else (a call result, an indexer, a new
    /// object) has no path: rules stay silent about it.</summary>
    internal sealed class ModulePath
    {
        private ModulePath(ImmutableArray<ISymbol> symbols) => Symbols = symbols;

        public ImmutableArray<ISymbol> Symbols { get; }

        public ISymbol Root => Symbols[0];

        public int Length => Symbols.Length;

        /// <summary>The path of a local variable itself.</summary>
        public static ModulePath ForLocal(ILocalSymbol local) => new ModulePath(ImmutableArray.Create<ISymbol>(local));

        /// <summary>The path of a module expression, or null.</summary>
        public static ModulePath? TryCreate(IOperation? expression)
        {
            var builder = ImmutableArray.CreateBuilder<ISymbol>();
            return Collect(expression, builder) ? new ModulePath(builder.ToImmutable()) : null;
        }

        private static bool Collect(IOperation? expression, ImmutableArray<ISymbol>.Builder builder)
        {
            expression = expression?.WalkDownConversion(includeExplicit: true);
            switch (expression)
            {
                case IInstanceReferenceOperation instance when instance.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance:
                    if (instance.Type is null)
                    {
                        return false;
                    }

                    builder.Add(instance.Type.OriginalDefinition);
                    return true;
                case ILocalReferenceOperation local:
                    builder.Add(local.Local);
                    return true;
                case IParameterReferenceOperation parameter:
                    builder.Add(parameter.Parameter);
                    return true;
                case IFieldReferenceOperation field:
                    return AddMember(field.Instance, field.Field.OriginalDefinition, builder);
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                    return AddMember(property.Instance, property.Property.OriginalDefinition, builder);
                default:
                    return false;
            }
        }

        private static bool AddMember(IOperation? instance, ISymbol member, ImmutableArray<ISymbol>.Builder builder)
        {
            if (instance is null)
            {
                // A static field or property: its own root.
                builder.Add(member);
                return true;
            }

            if (!Collect(instance, builder))
            {
                return false;
            }

            builder.Add(member);
            return true;
        }

        /// <summary>True when this path equals <paramref name="other"/> or leads to an ancestor of it.</summary>
        public bool IsPrefixOf(ModulePath other)
        {
            if (Length > other.Length)
            {
                return false;
            }

            for (var i = 0; i < Length; i++)
            {
                if (!SymbolEqualityComparer.Default.Equals(Symbols[i], other.Symbols[i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>True when one of the two paths leads to the other's ancestor or to it.</summary>
        public bool Overlaps(ModulePath other) => IsPrefixOf(other) || other.IsPrefixOf(this);

        /// <summary>This path with its root replaced by <paramref name="root"/>'s symbols (a local
        /// or parameter known to hold that module).</summary>
        public ModulePath WithRoot(ModulePath root) => new ModulePath(root.Symbols.AddRange(Symbols.RemoveAt(0)));

        public override string ToString() => string.Join(".", System.Linq.Enumerable.Select(Symbols, s => s.Name));
    }

    /// <summary>A set of parameters drawn from one module: all of them, or a subset (one
    /// sub-module's through a child enumeration, a filtered enumeration, a single parameter, a
    /// loop body that freezes only under a condition).</summary>
    internal readonly struct ParameterSet
    {
        public ParameterSet(ModulePath module, bool isSubset)
        {
            Module = module;
            IsSubset = isSubset;
        }

        public ModulePath Module { get; }

        /// <summary>Not known to be every parameter of <see cref="Module"/>.</summary>
        public bool IsSubset { get; }

        public ParameterSet AsSubset() => new ParameterSet(Module, isSubset: true);

        public ParameterSet WithModule(ModulePath module) => new ParameterSet(module, IsSubset);

        /// <summary>How a set frozen by the user relates to the set an optimizer covers.</summary>
        public static Coverage Compare(ParameterSet frozen, ParameterSet optimized)
        {
            if (optimized.Module.IsPrefixOf(frozen.Module))
            {
                // Frozen parameters are inside the optimizer's module.
                return frozen.Module.Length > optimized.Module.Length || frozen.IsSubset || optimized.IsSubset
                    ? Coverage.Part
                    : Coverage.All;
            }

            if (frozen.Module.IsPrefixOf(optimized.Module))
            {
                // The optimizer's module is inside the frozen one: all of it is frozen, unless the
                // frozen set is only some of the outer module's parameters (then we cannot tell).
                return frozen.IsSubset ? Coverage.Unknown : Coverage.All;
            }

            return Coverage.None;
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
            if ((method.Name == "parameters" || method.Name == "named_parameters") && torch.IsModule(method.ContainingType)
                && invocation.Instance != null)
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

        /// <summary>The module a module expression denotes, as a parameter set: a path
        /// (<c>model.backbone</c>), or a child enumerated from one
        /// (<c>foreach (var child in model.children())</c>: a subset of <c>model</c>).</summary>
        public static ParameterSet? FromModule(IOperation? expression, TorchSharpContext torch, int depth = 0)
        {
            expression = expression?.WalkDownConversion(includeExplicit: true);
            if (expression is null || depth > 4)
            {
                return null;
            }

            var path = ModulePath.TryCreate(StripTupleElement(expression));
            if (path is null)
            {
                return null;
            }

            if (path.Root is ILocalSymbol local)
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
                    return new ParameterSet(path.WithRoot(root.Value.Module), root.Value.IsSubset);
                }
            }

            return new ParameterSet(path, isSubset: false);
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
