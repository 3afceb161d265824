using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Decay.TorchSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Decay.Operations
{
    /// <summary>Classifies the per-parameter term of a penalty: peels off coefficient factors and
    /// detaching calls, then recognises Σθ², mean(θ²), ‖θ‖ and ‖θ‖₁ over the parameter.</summary>
    internal sealed class PenaltyTermClassifier
    {
        private readonly TorchSharpContext torch;
        private readonly Func<IOperation, bool> isParameter;
        private readonly Func<ILocalSymbol, IOperation?>? resolveLocal;

        /// <summary>During <see cref="Classify"/>: the detaching steps found so far. A classifier
        /// belongs to one analysis, which runs on one thread.</summary>
        private List<DetachingStep>? classifying;

        /// <param name="isParameter">True for the operations that denote the parameter (the loop
        /// variable, the lambda parameter, <c>np.parameter</c>, the <c>parameters_to_vector</c> call).</param>
        /// <param name="resolveLocal">The initializer of a local declared inside the term's scope (e.g.
        /// <c>var n = p.norm();</c> in the loop body), followed once.</param>
        public PenaltyTermClassifier(TorchSharpContext torch, Func<IOperation, bool> isParameter, Func<ILocalSymbol, IOperation?>? resolveLocal)
        {
            this.torch = torch;
            this.isParameter = isParameter;
            this.resolveLocal = resolveLocal;
        }

        internal sealed class Result
        {
            public Result(PenaltyTerm term, ImmutableArray<CoefficientFactor> factors, ImmutableArray<DetachingStep> steps)
            {
                Term = term;
                Factors = factors;
                Steps = steps;
            }

            public PenaltyTerm Term { get; }
            public ImmutableArray<CoefficientFactor> Factors { get; }
            public ImmutableArray<DetachingStep> Steps { get; }
        }

        /// <summary>The term, or null when <paramref name="term"/> is not a reduction of the parameter.</summary>
        public Result? Classify(IOperation term)
        {
            var factors = ImmutableArray.CreateBuilder<CoefficientFactor>();
            var steps = new List<DetachingStep>();
            var core = Peel(term, factors, steps);
            classifying = steps;
            PenaltyTerm? classified;
            try
            {
                classified = ClassifyCore(core, depth: 0);
            }
            finally
            {
                classifying = null;
            }

            if (classified is null)
            {
                return null;
            }

            steps.Reverse();
            return new Result(classified, factors.ToImmutable(), steps.ToImmutableArray());
        }

        /// <summary>True when the operation reads the parameter anywhere inside.</summary>
        public bool ContainsParameter(IOperation operation)
        {
            foreach (var node in operation.DescendantsAndSelf())
            {
                if (isParameter(node))
                {
                    return true;
                }

                if (node is ILocalReferenceOperation local && resolveLocal?.Invoke(local.Local) is IOperation initializer
                    && !ReferenceEquals(initializer, operation) && initializer.DescendantsAndSelf().Any(isParameter))
                {
                    return true;
                }
            }

            return false;
        }

        private IOperation Peel(IOperation operation, ImmutableArray<CoefficientFactor>.Builder factors, List<DetachingStep> steps)
        {
            var current = operation;
            for (var guard = 0; guard < 32; guard++)
            {
                switch (current)
                {
                    case IParenthesizedOperation parenthesized:
                        current = parenthesized.Operand;
                        continue;
                    case IConversionOperation conversion:
                        if (IsDetachingConversion(torch, conversion))
                        {
                            steps.Add(new DetachingStep(DetachKind.Cast, conversion, isInTerm: true));
                        }

                        current = conversion.Operand;
                        continue;
                    case IInvocationOperation invocation:
                        if (TryGetDetachingCall(torch, invocation, out var kind, out var inner))
                        {
                            steps.Add(new DetachingStep(kind, invocation, isInTerm: true));
                            current = inner!;
                            continue;
                        }

                        if ((torch.IsTensorMethod(invocation, "mul") || torch.IsTensorMethod(invocation, "multiply")
                                || torch.IsTensorMethod(invocation, "div") || torch.IsTensorMethod(invocation, "divide"))
                            && invocation.Arguments.Length >= 1 && invocation.Instance != null
                            && ContainsParameter(invocation.Instance) && !ContainsParameter(invocation.Arguments[0].Value))
                        {
                            var divisor = invocation.TargetMethod.Name.StartsWith("div", StringComparison.Ordinal);
                            factors.Add(new CoefficientFactor(invocation.Arguments[0].Value.WalkDownConversion(), divisor, CoefficientSite.Term));
                            current = invocation.Instance;
                            continue;
                        }

                        return current;
                    case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Multiply:
                        {
                            var left = ContainsParameter(binary.LeftOperand);
                            var right = ContainsParameter(binary.RightOperand);
                            if (left && !right)
                            {
                                factors.Add(new CoefficientFactor(binary.RightOperand.WalkDownConversion(), false, CoefficientSite.Term));
                                current = binary.LeftOperand;
                                continue;
                            }

                            if (right && !left)
                            {
                                factors.Add(new CoefficientFactor(binary.LeftOperand.WalkDownConversion(), false, CoefficientSite.Term));
                                current = binary.RightOperand;
                                continue;
                            }

                            return current;
                        }

                    case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Divide
                        && ContainsParameter(binary.LeftOperand) && !ContainsParameter(binary.RightOperand):
                        factors.Add(new CoefficientFactor(binary.RightOperand.WalkDownConversion(), true, CoefficientSite.Term));
                        current = binary.LeftOperand;
                        continue;
                    default:
                        return current;
                }
            }

            return current;
        }

        private PenaltyTerm? ClassifyCore(IOperation operation, int depth)
        {
            var core = Strip(operation);
            if (depth < 2 && core is ILocalReferenceOperation local && resolveLocal?.Invoke(local.Local) is IOperation initializer)
            {
                return ClassifyCore(initializer, depth + 1);
            }

            switch (core)
            {
                case IInvocationOperation invocation:
                    return ClassifyInvocation(invocation, operation, depth);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } binary:
                    {
                        // n * n, p.norm() * p.norm(): a squared L2 norm.
                        var left = ClassifyCore(binary.LeftOperand, depth + 1);
                        var right = ClassifyCore(binary.RightOperand, depth + 1);
                        if (left is { Kind: PenaltyTermKind.L2Norm, IsSquaredNorm: false } && right is { Kind: PenaltyTermKind.L2Norm, IsSquaredNorm: false }
                            && SameOperand(binary.LeftOperand, binary.RightOperand))
                        {
                            return new PenaltyTerm(operation, PenaltyTermKind.SumOfSquares, left.NormCall, left.NormInput, left.NormBindsToDimension, isSquaredNorm: true);
                        }

                        return null;
                    }

                default:
                    return null;
            }
        }

        private PenaltyTerm? ClassifyInvocation(IInvocationOperation invocation, IOperation written, int depth)
        {
            if (IsFullSum(invocation) || IsFullMean(invocation))
            {
                var isMean = invocation.TargetMethod.Name == "mean";
                var inner = TensorCalls.GetSubject(invocation);
                if (inner is null || !ContainsParameter(inner))
                {
                    return null;
                }

                if (IsElementwiseSquare(inner))
                {
                    return new PenaltyTerm(written, isMean ? PenaltyTermKind.MeanOfSquares : PenaltyTermKind.SumOfSquares, null, null, false, false);
                }

                if (IsAbs(inner))
                {
                    return new PenaltyTerm(written, PenaltyTermKind.L1, null, null, false, false);
                }

                // The sum of a scalar norm is that norm; anything else is some other reduction.
                var nested = depth < 3 ? ClassifyCore(inner, depth + 1) : null;
                return nested != null && !isMean
                    ? new PenaltyTerm(written, nested.Kind, nested.NormCall, nested.NormInput, nested.NormBindsToDimension, nested.IsSquaredNorm)
                    : new PenaltyTerm(written, PenaltyTermKind.Unknown, null, null, false, false);
            }

            if (IsSquare(invocation, out var squared))
            {
                var nested = depth < 3 ? ClassifyCore(squared!, depth + 1) : null;
                if (nested is { Kind: PenaltyTermKind.L2Norm, IsSquaredNorm: false })
                {
                    return new PenaltyTerm(written, PenaltyTermKind.SumOfSquares, nested.NormCall, nested.NormInput, nested.NormBindsToDimension, isSquaredNorm: true);
                }

                // pow(2) of something already reduced (an L1 norm, a sum): a reduction of another kind.
                return nested is null ? null : new PenaltyTerm(written, PenaltyTermKind.Unknown, null, null, false, false);
            }

            var norm = ClassifyNorm(invocation);
            if (norm is null)
            {
                return null;
            }

            var (kind, input, bindsToDimension) = norm.Value;
            if (!ContainsParameter(input))
            {
                return null;
            }

            if (!IsParameterValue(input))
            {
                // ‖θ − θ₀‖ and other norms of expressions: a reduction, but not of the parameter itself.
                kind = PenaltyTermKind.Unknown;
            }

            return new PenaltyTerm(written, kind, invocation, input, bindsToDimension, isSquaredNorm: false);
        }

        /// <summary>A norm call: its kind (by exponent/ord), its input and whether an int literal bound
        /// to the dimension overload; null when the call is not a norm. Norms along explicit
        /// dimensions are <see cref="PenaltyTermKind.Unknown"/>.</summary>
        internal (PenaltyTermKind Kind, IOperation Input, bool BindsToDimension)? ClassifyNorm(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            var isTensorNorm = torch.IsTensorMethod(invocation, "norm");
            var isTorchNorm = torch.IsTorchFunction(invocation, "norm");
            if (isTensorNorm || isTorchNorm)
            {
                var input = TensorCalls.GetSubject(invocation);
                if (input is null)
                {
                    return null;
                }

                var dimensionName = isTensorNorm ? "dim" : "dimension";
                if (TensorCalls.FindParameter(method, dimensionName) != null)
                {
                    if (torch.IsAmbiguousNormDimension(invocation, out var literal, out _))
                    {
                        return (literal == 2 ? PenaltyTermKind.L2Norm : PenaltyTermKind.L1, input, true);
                    }

                    return (PenaltyTermKind.Unknown, input, false);
                }

                var p = invocation.Arguments.GetArgument("p");
                if (p is null)
                {
                    // torch.norm(Tensor input): the 2-norm.
                    return (PenaltyTermKind.L2Norm, input, false);
                }

                return (KindOfExponent(p.Value), input, false);
            }

            var isLinalgNorm = torch.IsLinalgFunction(invocation, "norm");
            var isVectorNorm = torch.IsLinalgFunction(invocation, "vector_norm");
            if (isLinalgNorm || isVectorNorm)
            {
                var input = TensorCalls.GetSubject(invocation);
                if (input is null)
                {
                    return null;
                }

                var dims = invocation.Arguments.GetArgument("dims");
                if (dims != null && dims.IsExplicit() && !(dims.Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: null }))
                {
                    return (PenaltyTermKind.Unknown, input, false);
                }

                var ord = invocation.Arguments.GetArgument("ord");
                if (ord is null)
                {
                    // linalg.norm(input, dims): the 2-norm of a vector, the Frobenius norm of a matrix.
                    return (PenaltyTermKind.L2Norm, input, false);
                }

                if (ord.Value.WalkDownConversion().ConstantValue is { HasValue: true, Value: string text })
                {
                    return (text == "fro" ? PenaltyTermKind.L2Norm : PenaltyTermKind.Unknown, input, false);
                }

                return (KindOfExponent(ord.Value), input, false);
            }

            return null;
        }

        private static PenaltyTermKind KindOfExponent(IOperation exponent)
        {
            if (!exponent.TryGetConstantDouble(out var value))
            {
                return PenaltyTermKind.Unknown;
            }

            return value == 2 ? PenaltyTermKind.L2Norm : value == 1 ? PenaltyTermKind.L1 : PenaltyTermKind.Unknown;
        }

        /// <summary><c>t.sum()</c> / <c>torch.sum(t)</c> over all elements (no dimension argument).</summary>
        private bool IsFullSum(IInvocationOperation invocation)
            => (torch.IsTensorMethod(invocation, "sum") || torch.IsTorchFunction(invocation, "sum")) && !HasDimensionParameter(invocation.TargetMethod);

        private bool IsFullMean(IInvocationOperation invocation)
            => (torch.IsTensorMethod(invocation, "mean") || torch.IsTorchFunction(invocation, "mean")) && !HasDimensionParameter(invocation.TargetMethod);

        private static bool HasDimensionParameter(IMethodSymbol method)
            => method.Parameters.Any(p => p.Name.StartsWith("dim", StringComparison.Ordinal));

        /// <summary><c>x.pow(2)</c>, <c>x.square()</c>, <c>torch.pow(x, 2)</c>, <c>torch.square(x)</c>.</summary>
        private bool IsSquare(IInvocationOperation invocation, out IOperation? operand)
        {
            operand = null;
            if (torch.IsTensorMethod(invocation, "square") || torch.IsTorchFunction(invocation, "square"))
            {
                operand = TensorCalls.GetSubject(invocation);
                return operand != null;
            }

            if (torch.IsTensorMethod(invocation, "pow") || torch.IsTorchFunction(invocation, "pow"))
            {
                var exponent = invocation.Arguments.GetArgument("exponent");
                if (exponent != null && exponent.Value.TryGetConstantDouble(out var value) && value == 2)
                {
                    operand = TensorCalls.GetSubject(invocation);
                    return operand != null;
                }
            }

            return false;
        }

        /// <summary>θ² element-wise: <c>p.pow(2)</c>, <c>p.square()</c>, <c>p * p</c>, <c>p.mul(p)</c>.</summary>
        private bool IsElementwiseSquare(IOperation operation)
        {
            var core = Strip(operation);
            if (core is IInvocationOperation invocation)
            {
                if (IsSquare(invocation, out var operand))
                {
                    return IsParameterValue(operand!);
                }

                if ((torch.IsTensorMethod(invocation, "mul") || torch.IsTensorMethod(invocation, "multiply")) && invocation.Instance != null
                    && invocation.Arguments.Length == 1)
                {
                    return IsParameterValue(invocation.Instance) && IsParameterValue(invocation.Arguments[0].Value);
                }
            }

            return core is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply } binary
                   && IsParameterValue(binary.LeftOperand) && IsParameterValue(binary.RightOperand);
        }

        private bool IsAbs(IOperation operation)
            => Strip(operation) is IInvocationOperation invocation
               && (torch.IsTensorMethod(invocation, "abs") || torch.IsTorchFunction(invocation, "abs"))
               && TensorCalls.GetSubject(invocation) is IOperation subject && IsParameterValue(subject);

        private static readonly ImmutableHashSet<string> ValuePreservingMethods = ImmutableHashSet.Create(
            StringComparer.Ordinal, "flatten", "view", "reshape", "contiguous", "float", "double", "to", "cpu", "cuda", "clone");

        /// <summary>The parameter itself, possibly reshaped, copied, moved (<c>p.flatten()</c>,
        /// <c>p.to(device)</c>) or detached (<c>p.detach()</c>: the value is the parameter's, the
        /// gradient is gone; during <see cref="Classify"/> the detach becomes one of the term's
        /// detaching steps).</summary>
        private bool IsParameterValue(IOperation operation)
        {
            var current = Strip(operation);
            List<IInvocationOperation>? detaches = null;
            for (var guard = 0; guard < 8 && current is IInvocationOperation invocation && invocation.Instance != null
                && torch.IsTensor(invocation.TargetMethod.ContainingType); guard++)
            {
                if (torch.IsTensorMethod(invocation, "detach"))
                {
                    (detaches ??= new List<IInvocationOperation>()).Add(invocation);
                }
                else if (!ValuePreservingMethods.Contains(invocation.TargetMethod.Name))
                {
                    break;
                }

                current = Strip(invocation.Instance);
            }

            if (!isParameter(current))
            {
                return false;
            }

            if (detaches != null && classifying != null)
            {
                // A term may test the same operand twice (p.mul(p), several shapes); the penalty's
                // steps are made distinct where it is built (PenaltyAnalysis.Sorted).
                foreach (var detach in detaches)
                {
                    classifying.Add(new DetachingStep(DetachKind.Detach, detach, isInTerm: true));
                }
            }

            return true;
        }

        private static bool SameOperand(IOperation left, IOperation right)
        {
            var l = Strip(left);
            var r = Strip(right);
            if (l is ILocalReferenceOperation a && r is ILocalReferenceOperation b)
            {
                return SymbolEqualityComparer.Default.Equals(a.Local, b.Local);
            }

            return l.Syntax.IsEquivalentTo(r.Syntax, topLevel: false);
        }

        internal static IOperation Strip(IOperation operation)
        {
            var current = operation;
            while (true)
            {
                switch (current)
                {
                    case IParenthesizedOperation parenthesized:
                        current = parenthesized.Operand;
                        continue;
                    case IConversionOperation { IsImplicit: true } conversion:
                        current = conversion.Operand;
                        continue;
                    case IConversionOperation { OperatorMethod: null } conversion when conversion.Operand.Type?.TypeKind != TypeKind.Class:
                        current = conversion.Operand;
                        continue;
                    default:
                        return current;
                }
            }
        }

        /// <summary><c>(float)t</c> / <c>(double)t</c> on a tensor: TorchSharp's explicit conversion operators.</summary>
        internal static bool IsDetachingConversion(TorchSharpContext torch, IConversionOperation conversion)
            => !conversion.IsImplicit && conversion.OperatorMethod != null && torch.IsTensor(conversion.Operand.Type)
               && !torch.IsTensor(conversion.Type);

        /// <summary><c>.item&lt;T&gt;()</c>, <c>.ToSingle()</c>, <c>.ToDouble()</c>, <c>.detach()</c>, with the
        /// tensor they are called on.</summary>
        internal static bool TryGetDetachingCall(TorchSharpContext torch, IInvocationOperation invocation, out DetachKind kind, out IOperation? inner)
        {
            kind = default;
            inner = null;
            if (torch.IsTensorMethod(invocation, "item"))
            {
                kind = DetachKind.Item;
            }
            else if (torch.IsTensorMethod(invocation, "detach"))
            {
                kind = DetachKind.Detach;
            }
            else if (torch.IsTensorExtension(invocation, "ToSingle") || torch.IsTensorExtension(invocation, "ToDouble"))
            {
                kind = DetachKind.ToScalar;
            }
            else
            {
                return false;
            }

            inner = TensorCalls.GetSubject(invocation);
            return inner != null;
        }
    }
}
