using System.Collections.Immutable;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    internal enum SelectionKind
    {
        /// <summary>Not recognized: a helper's result, a list built elsewhere, an unfamiliar filter.</summary>
        Unknown,

        /// <summary>Every parameter of <see cref="ParameterSourceSelection.Modules"/>:
        /// <c>m.parameters()</c>, <c>m.named_parameters()</c>, through <c>ToList()</c>,
        /// <c>Select(np =&gt; np.parameter)</c>, <c>Concat</c>, a <c>requires_grad</c> filter.</summary>
        AllOf,

        /// <summary>Filtered on names or on dimensions (<c>Where(p =&gt; p.dim() &gt;= 2)</c>,
        /// <c>Where(np =&gt; !np.name.Contains("bias"))</c>): the user chose what to decay. The
        /// modules filtered are in <see cref="ParameterSourceSelection.Modules"/>.</summary>
        Excluding,
    }

    /// <summary>Which parameters a parameter source selects, in the terms DECAY004 needs: every
    /// parameter of some modules, a selection by name or dimension, or unknown.</summary>
    internal sealed class ParameterSourceSelection
    {
        private const int MaxDepth = 8;

        private ParameterSourceSelection(SelectionKind kind, ImmutableArray<IOperation> modules, IInvocationOperation? parametersCall)
        {
            Kind = kind;
            Modules = modules;
            ParametersCall = parametersCall;
        }

        public static ParameterSourceSelection Unknown { get; } = new ParameterSourceSelection(SelectionKind.Unknown, ImmutableArray<IOperation>.Empty, null);

        private static ParameterSourceSelection Excluding(ImmutableArray<IOperation> modules)
            => new ParameterSourceSelection(SelectionKind.Excluding, modules, null);

        public SelectionKind Kind { get; }

        /// <summary>The module expressions (the receivers of <c>parameters()</c>): all of whose
        /// parameters are selected (<see cref="SelectionKind.AllOf"/>), or which the filter selects
        /// from (<see cref="SelectionKind.Excluding"/>).</summary>
        public ImmutableArray<IOperation> Modules { get; }

        /// <summary>The <c>m.parameters()</c> / <c>m.named_parameters()</c> call when the source is
        /// exactly that call, unwrapped; null otherwise.</summary>
        public IInvocationOperation? ParametersCall { get; }

        public static ParameterSourceSelection Of(IOperation? source, TorchSharpContext torch)
            => source is null ? Unknown : Of(source, torch, 0);

        private static ParameterSourceSelection Of(IOperation source, TorchSharpContext torch, int depth)
        {
            if (depth > MaxDepth)
            {
                return Unknown;
            }

            source = source.WalkDownConversion();
            switch (source)
            {
                case IInvocationOperation invocation when IsParametersCall(invocation, torch):
                    var recurse = invocation.Arguments.GetArgument("recurse");
                    if (recurse != null && recurse.IsExplicit() && !(recurse.Value.TryGetConstantBool(out var all) && all))
                    {
                        return Unknown;
                    }

                    return new ParameterSourceSelection(SelectionKind.AllOf, ImmutableArray.Create(invocation.Instance!), invocation);

                case IInvocationOperation invocation when IsEnumerableMethod(invocation):
                    return OfLinq(invocation, torch, depth);

                case ILocalReferenceOperation reference:
                    var value = MethodBody.Of(reference).SingleValue(reference.Local);
                    return value is null ? Unknown : Unwrapped(Of(value, torch, depth + 1));

                default:
                    return Unknown;
            }
        }

        private static ParameterSourceSelection OfLinq(IInvocationOperation invocation, TorchSharpContext torch, int depth)
        {
            if (invocation.Arguments.Length == 0)
            {
                return Unknown;
            }

            var inner = invocation.Arguments[0].Value;
            switch (invocation.TargetMethod.Name)
            {
                case "ToList":
                case "ToArray":
                case "AsEnumerable":
                case "Distinct":
                    return Unwrapped(Of(inner, torch, depth + 1));

                case "Select" when invocation.Arguments.Length == 2 && SelectsTheParameter(invocation.Arguments[1].Value):
                    return Unwrapped(Of(inner, torch, depth + 1));

                case "Concat" when invocation.Arguments.Length == 2:
                    var first = Of(inner, torch, depth + 1);
                    var second = Of(invocation.Arguments[1].Value, torch, depth + 1);
                    // Whatever the other part is, a part that is all of a module decays all of it.
                    if (first.Kind == SelectionKind.AllOf || second.Kind == SelectionKind.AllOf)
                    {
                        var modules = first.Kind == SelectionKind.AllOf ? first.Modules : ImmutableArray<IOperation>.Empty;
                        return new ParameterSourceSelection(SelectionKind.AllOf,
                            second.Kind == SelectionKind.AllOf ? modules.AddRange(second.Modules) : modules, null);
                    }

                    return first.Kind == SelectionKind.Excluding && second.Kind == SelectionKind.Excluding
                        ? Excluding(first.Modules.AddRange(second.Modules))
                        : Unknown;

                case "Where" when invocation.Arguments.Length == 2:
                    var source = Of(inner, torch, depth + 1);
                    if (source.Kind != SelectionKind.AllOf)
                    {
                        return source.Kind == SelectionKind.Excluding ? Excluding(source.Modules) : Unknown;
                    }

                    return ClassifyFilter(invocation.Arguments[1].Value) switch
                    {
                        FilterKind.NameOrDimension => Excluding(source.Modules),
                        FilterKind.RequiresGrad => Unwrapped(source),
                        _ => Unknown,
                    };

                default:
                    return Unknown;
            }
        }

        private static ParameterSourceSelection Unwrapped(ParameterSourceSelection selection)
            => selection.ParametersCall is null ? selection : new ParameterSourceSelection(selection.Kind, selection.Modules, null);

        private static bool IsParametersCall(IInvocationOperation invocation, TorchSharpContext torch)
            => (invocation.TargetMethod.Name == TorchSharpNames.Parameters || invocation.TargetMethod.Name == TorchSharpNames.NamedParameters)
               && invocation.Instance != null
               && torch.IsModule(invocation.TargetMethod.ContainingType);

        private static bool IsEnumerableMethod(IInvocationOperation invocation)
        {
            var type = invocation.TargetMethod.ContainingType;
            return type != null && type.Name == "Enumerable" && type.ContainingNamespace?.ToDisplayString() == "System.Linq";
        }

        private enum FilterKind
        {
            Other,
            NameOrDimension,
            RequiresGrad,
        }

        /// <summary><c>Select(np =&gt; np.parameter)</c> / <c>Select(np =&gt; np.Item2)</c>.</summary>
        private static bool SelectsTheParameter(IOperation selector)
        {
            if (Lambda(selector) is not IAnonymousFunctionOperation lambda || lambda.Symbol.Parameters.Length != 1)
            {
                return false;
            }

            var returned = SingleReturnedValue(lambda);
            return returned is IFieldReferenceOperation field
                && field.Field.ContainingType?.IsTupleType == true
                && (field.Field.Name == "parameter" || field.Field.CorrespondingTupleField?.Name == "Item2")
                && field.Instance?.WalkDownConversion() is IParameterReferenceOperation p
                && SymbolEqualityComparer.Default.Equals(p.Parameter, lambda.Symbol.Parameters[0]);
        }

        /// <summary>What a <c>Where</c> predicate looks at: names or dimensions (excluding),
        /// only <c>requires_grad</c> (does not exclude biases), or anything else (unknown).</summary>
        private static FilterKind ClassifyFilter(IOperation predicate)
        {
            if (Lambda(predicate) is not IAnonymousFunctionOperation lambda)
            {
                return FilterKind.Other;
            }

            var sawRequiresGrad = false;
            var sawOther = false;
            foreach (var operation in lambda.Body.Descendants())
            {
                switch (operation)
                {
                    case IInvocationOperation invocation when invocation.TargetMethod.Name == "dim" || invocation.TargetMethod.Name == "numel":
                        return FilterKind.NameOrDimension;
                    case IPropertyReferenceOperation property when property.Property.Name is "ndim" or "Dimensions" or "shape":
                        return FilterKind.NameOrDimension;
                    case IFieldReferenceOperation field when field.Field.ContainingType?.IsTupleType == true
                                                              && field.Type?.SpecialType == SpecialType.System_String:
                        return FilterKind.NameOrDimension;
                    case IPropertyReferenceOperation property when property.Property.Name == "requires_grad":
                        sawRequiresGrad = true;
                        break;
                    case IParameterReferenceOperation _:
                    case IFieldReferenceOperation field when field.Field.ContainingType?.IsTupleType == true:
                    case IUnaryOperation _:
                    case IBinaryOperation _:
                    case ILiteralOperation _:
                    case IConversionOperation _:
                    case IParenthesizedOperation _:
                    case IReturnOperation _:
                    case IBlockOperation _:
                        break;
                    default:
                        sawOther = true;
                        break;
                }
            }

            return sawRequiresGrad && !sawOther ? FilterKind.RequiresGrad : FilterKind.Other;
        }

        private static IAnonymousFunctionOperation? Lambda(IOperation operation)
            => operation.WalkDownConversion() switch
            {
                IDelegateCreationOperation creation => creation.Target.WalkDownConversion() as IAnonymousFunctionOperation,
                IAnonymousFunctionOperation lambda => lambda,
                _ => null,
            };

        private static IOperation? SingleReturnedValue(IAnonymousFunctionOperation lambda)
        {
            IOperation? returned = null;
            foreach (var operation in lambda.Body.Operations)
            {
                if (operation is IReturnOperation ret && ret.ReturnedValue != null && returned is null)
                {
                    returned = ret.ReturnedValue.WalkDownConversion();
                }
                else if (!(operation is IReturnOperation))
                {
                    return null;
                }
            }

            return returned;
        }
    }
}
