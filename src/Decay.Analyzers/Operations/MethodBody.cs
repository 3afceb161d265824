using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>The locals of one operation tree (a method, constructor or accessor body, a field
    /// initializer, top-level statements; lambdas and local functions belong to the tree that
    /// contains them): where each is declared, read and written. Built by one walk of the tree and
    /// cached per tree, so every rule that asks about the same body shares the walk.</summary>
    internal sealed class MethodBody
    {
        private static readonly ConditionalWeakTable<IOperation, MethodBody> Cache = new ConditionalWeakTable<IOperation, MethodBody>();

        private readonly Dictionary<ILocalSymbol, LocalUsage> locals = new Dictionary<ILocalSymbol, LocalUsage>(SymbolEqualityComparer.Default);

        private MethodBody(IOperation root)
        {
            Root = root;
            foreach (var operation in root.DescendantsAndSelf())
            {
                // On the kind: cheaper than testing every operation of the body against interfaces.
                switch (operation.Kind)
                {
                    case OperationKind.VariableDeclarator:
                        var declarator = (IVariableDeclaratorOperation)operation;
                        Usage(declarator.Symbol).Declarators.Add(declarator);
                        break;
                    case OperationKind.LocalReference:
                        var reference = (ILocalReferenceOperation)operation;
                        var usage = Usage(reference.Local);
                        if (IsWrite(reference))
                        {
                            usage.Writes.Add(reference);
                        }
                        else
                        {
                            usage.Reads.Add(reference);
                        }

                        break;
                }
            }
        }

        /// <summary>The root of the operation tree that contains <paramref name="operation"/>.</summary>
        public IOperation Root { get; }

        public static MethodBody Of(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return Cache.GetValue(root, r => new MethodBody(r));
        }

        /// <summary>The value <paramref name="local"/> is declared with, when it is declared once
        /// with an initializer and never written again in this body; null otherwise.</summary>
        public IOperation? SingleValue(ILocalSymbol local)
        {
            if (!locals.TryGetValue(local, out var usage) || usage.Declarators.Count != 1 || usage.Writes.Count != 0)
            {
                return null;
            }

            var declarator = usage.Declarators[0];
            var initializer = declarator.Initializer
                ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;
            return initializer?.Value;
        }

        /// <summary>Every read of <paramref name="local"/> in this body.</summary>
        public IReadOnlyList<ILocalReferenceOperation> Reads(ILocalSymbol local)
            => locals.TryGetValue(local, out var usage) ? usage.Reads : (IReadOnlyList<ILocalReferenceOperation>)System.Array.Empty<ILocalReferenceOperation>();

        /// <summary>The local that <paramref name="value"/> is stored in, when it is a local's
        /// initializer (<c>var x = value;</c>) or assigned to one (<c>x = value;</c>).</summary>
        public static ILocalSymbol? StoredIn(IOperation value)
        {
            var parent = value.WalkUpConversion();
            if (parent is IVariableInitializerOperation initializer && initializer.Parent is IVariableDeclaratorOperation declarator)
            {
                return declarator.Symbol;
            }

            if (parent is ISimpleAssignmentOperation assignment && assignment.Target is ILocalReferenceOperation target
                && !ReferenceEquals(assignment.Target, value))
            {
                return target.Local;
            }

            return null;
        }

        private LocalUsage Usage(ILocalSymbol local)
        {
            if (!locals.TryGetValue(local, out var usage))
            {
                usage = new LocalUsage();
                locals.Add(local, usage);
            }

            return usage;
        }

        private static bool IsWrite(ILocalReferenceOperation reference)
        {
            if (reference.IsDeclaration)
            {
                return true;
            }

            IOperation current = reference;
            var parent = current.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IAssignmentOperation assignment when ReferenceEquals(assignment.Target, current):
                case IIncrementOrDecrementOperation _:
                case IAddressOfOperation _:
                    return true;
                case IArgumentOperation argument when argument.Parameter != null && argument.Parameter.RefKind != RefKind.None && argument.Parameter.RefKind != RefKind.In:
                    return true;
                case ITupleOperation tuple:
                    // (a, b) = ...: a deconstruction target.
                    return tuple.WalkUpConversion() is IDeconstructionAssignmentOperation;
                default:
                    return false;
            }
        }

        private sealed class LocalUsage
        {
            public List<IVariableDeclaratorOperation> Declarators { get; } = new List<IVariableDeclaratorOperation>();
            public List<ILocalReferenceOperation> Reads { get; } = new List<ILocalReferenceOperation>();
            public List<ILocalReferenceOperation> Writes { get; } = new List<ILocalReferenceOperation>();
        }
    }
}
