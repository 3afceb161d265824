using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>How two module references relate.</summary>
    internal enum ModuleOverlap
    {
        /// <summary>Different roots, or sibling sub-modules: no parameter is known to be shared.</summary>
        None,

        /// <summary>The same module: same root symbol, same member path.</summary>
        Same,

        /// <summary>This module contains the other (<c>m</c> vs <c>m.encoder</c>).</summary>
        Contains,

        /// <summary>This module is a sub-module of the other (<c>m.encoder</c> vs <c>m</c>).</summary>
        ContainedIn,
    }

    /// <summary>A module as an identity that can be compared across expressions and members: a root
    /// symbol (local, parameter, field, property, or the containing type for <c>this</c>) plus the
    /// member path to a sub-module (<c>m.encoder</c>: root <c>m</c>, path [encoder]).</summary>
    internal sealed class ModuleReference
    {
        private ModuleReference(IOperation expression, ISymbol root, ImmutableArray<ISymbol> path)
        {
            Expression = expression;
            Root = root;
            Path = path;
        }

        /// <summary>The module expression as written (the receiver of <c>parameters()</c>).</summary>
        public IOperation Expression { get; }

        /// <summary>An <see cref="ILocalSymbol"/>, <see cref="IParameterSymbol"/>, <see cref="IFieldSymbol"/>,
        /// <see cref="IPropertySymbol"/>, or the containing <see cref="INamedTypeSymbol"/> for <c>this</c>.</summary>
        public ISymbol Root { get; }

        /// <summary>Field and property symbols from the root down to the sub-module.</summary>
        public ImmutableArray<ISymbol> Path { get; }

        public bool IsThis => Root is INamedTypeSymbol;

        /// <summary>The root can be shared with other members of the type: a field, property,
        /// <c>this</c>, or a parameter that is not the analysed method's own (a primary-constructor
        /// parameter).</summary>
        public bool IsTypeLevel(ISymbol? analysedMethod)
            => Root is IFieldSymbol || Root is IPropertySymbol || Root is INamedTypeSymbol
               || (Root is IParameterSymbol parameter && !SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol, analysedMethod));

        /// <summary>Display for messages: <c>model</c>, <c>model.encoder</c>, <c>this</c>.</summary>
        public string Display
        {
            get
            {
                var builder = new StringBuilder(IsThis ? "this" : Root.Name);
                foreach (var member in Path)
                {
                    builder.Append('.').Append(member.Name);
                }

                return builder.ToString();
            }
        }

        public ModuleOverlap Compare(ModuleReference other)
        {
            if (!SymbolEqualityComparer.Default.Equals(Root, other.Root))
            {
                return ModuleOverlap.None;
            }

            var common = System.Math.Min(Path.Length, other.Path.Length);
            for (var i = 0; i < common; i++)
            {
                if (!SymbolEqualityComparer.Default.Equals(Path[i], other.Path[i]))
                {
                    return ModuleOverlap.None;
                }
            }

            return Path.Length == other.Path.Length ? ModuleOverlap.Same
                : Path.Length < other.Path.Length ? ModuleOverlap.Contains
                : ModuleOverlap.ContainedIn;
        }

        public bool IsSame(ModuleReference other) => Compare(other) == ModuleOverlap.Same;

        /// <summary>Some parameter belongs to both (same module, or one contains the other).</summary>
        public bool Overlaps(ModuleReference other) => Compare(other) != ModuleOverlap.None;

        /// <summary>This reference with its root replaced by <paramref name="newRoot"/>'s root and path
        /// (maps a helper's parameter to the caller's argument).</summary>
        public ModuleReference Rebase(ModuleReference newRoot)
            => new ModuleReference(newRoot.Expression, newRoot.Root, newRoot.Path.AddRange(Path));

        /// <summary>This reference with <paramref name="root"/> as its root symbol (a constructor
        /// parameter mapped to the field it is stored in).</summary>
        public ModuleReference WithRoot(ISymbol root) => new ModuleReference(Expression, root, Path);

        /// <summary>The module an expression denotes; null when it is not a chain of fields and
        /// properties over a local, parameter, field, property or <c>this</c>.</summary>
        public static ModuleReference? TryCreate(IOperation? expression)
        {
            if (expression is null)
            {
                return null;
            }

            var path = ImmutableArray.CreateBuilder<ISymbol>();
            var current = expression.WalkDownConversion(includeExplicit: true);
            for (var depth = 0; depth < 16; depth++)
            {
                switch (current)
                {
                    case ILocalReferenceOperation local:
                        return Create(expression, local.Local, path);
                    case IParameterReferenceOperation parameter:
                        return Create(expression, parameter.Parameter, path);
                    case IInstanceReferenceOperation instance when instance.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance:
                        return instance.Type is null ? null : Create(expression, instance.Type.OriginalDefinition, path);
                    case IFieldReferenceOperation field:
                        if (field.Instance is null || IsThisInstance(field.Instance))
                        {
                            return Create(expression, field.Field.OriginalDefinition, path);
                        }

                        path.Add(field.Field.OriginalDefinition);
                        current = field.Instance.WalkDownConversion(includeExplicit: true);
                        continue;
                    case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                        if (property.Instance is null || IsThisInstance(property.Instance))
                        {
                            return Create(expression, property.Property.OriginalDefinition, path);
                        }

                        path.Add(property.Property.OriginalDefinition);
                        current = property.Instance.WalkDownConversion(includeExplicit: true);
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsThisInstance(IOperation instance)
            => instance.WalkDownConversion(includeExplicit: true) is IInstanceReferenceOperation reference
               && reference.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance;

        private static ModuleReference Create(IOperation expression, ISymbol root, ImmutableArray<ISymbol>.Builder reversedPath)
        {
            var path = reversedPath.ToArray();
            System.Array.Reverse(path);
            return new ModuleReference(expression, root, path.ToImmutableArray());
        }
    }
}
