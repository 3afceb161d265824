// Model of src/TorchSharp/Tensor/Tensor.Math.cs (subset).
#nullable enable
using System;

namespace TorchSharp
{
    public static partial class torch
    {
        public enum RoundingMode
        {
            None,
            trunc,
            floor
        }

        public partial class Tensor
        {
            public Tensor abs() => throw new NotImplementedException();
            public Tensor absolute() => throw new NotImplementedException();
            public Tensor abs_() => throw new NotImplementedException();
            public Tensor absolute_() => throw new NotImplementedException();

            public Tensor add(Tensor target) => throw new NotImplementedException();
            public Tensor add(Tensor target, Scalar alpha) => throw new NotImplementedException();
            public Tensor add(Scalar scalar) => throw new NotImplementedException();
            public Tensor add(Scalar scalar, Scalar alpha) => throw new NotImplementedException();
            public Tensor add_(Tensor target) => throw new NotImplementedException();
            public Tensor add_(Tensor target, Scalar alpha) => throw new NotImplementedException();
            public Tensor add_(Scalar scalar) => throw new NotImplementedException();
            public Tensor add_(Scalar scalar, Scalar alpha) => throw new NotImplementedException();

            public Tensor addcdiv(Tensor tensor1, Tensor tensor2, Scalar value) => throw new NotImplementedException();
            public Tensor addcdiv(Tensor tensor1, Tensor tensor2) => throw new NotImplementedException();
            public Tensor addcdiv_(Tensor tensor1, Tensor tensor2, Scalar value) => throw new NotImplementedException();
            public Tensor addcdiv_(Tensor tensor1, Tensor tensor2) => throw new NotImplementedException();
            public Tensor addcmul(Tensor tensor1, Tensor tensor2, Scalar value) => throw new NotImplementedException();
            public Tensor addcmul_(Tensor tensor1, Tensor tensor2, Scalar value) => throw new NotImplementedException();

            public Tensor div(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => throw new NotImplementedException();
            public Tensor divide(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => throw new NotImplementedException();
            public Tensor div(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => throw new NotImplementedException();
            public Tensor divide(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => throw new NotImplementedException();
            public Tensor div_(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => throw new NotImplementedException();
            public Tensor divide_(Tensor target, RoundingMode rounding_mode = RoundingMode.None) => throw new NotImplementedException();
            public Tensor div_(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => throw new NotImplementedException();
            public Tensor divide_(Scalar target, RoundingMode rounding_mode = RoundingMode.None) => throw new NotImplementedException();

            public Tensor exp() => throw new NotImplementedException();
            public Tensor exp_() => throw new NotImplementedException();
            public Tensor log() => throw new NotImplementedException();
            public Tensor log_() => throw new NotImplementedException();
            public Tensor log_softmax(long dim, ScalarType? dtype = null) => throw new NotImplementedException();

            public Tensor mul(Tensor target) => throw new NotImplementedException();
            public Tensor multiply(Tensor target) => throw new NotImplementedException();
            public Tensor mul(Scalar target) => throw new NotImplementedException();
            public Tensor multiply(Scalar target) => throw new NotImplementedException();
            public Tensor mul_(Tensor target) => throw new NotImplementedException();
            public Tensor mul_(Scalar target) => throw new NotImplementedException();

            public static Tensor operator -(Tensor tensor) => throw new NotImplementedException();

            public Tensor neg() => throw new NotImplementedException();
            public Tensor negative() => throw new NotImplementedException();
            public Tensor neg_() => throw new NotImplementedException();

            /// <summary>
            /// Takes the power of each element in input with exponent and returns a tensor with the result.
            /// </summary>
            public Tensor pow(Tensor exponent) => throw new NotImplementedException();
            public Tensor pow_(Tensor exponent) => throw new NotImplementedException();
            public Tensor pow(Scalar exponent) => throw new NotImplementedException();
            public Tensor pow_(Scalar exponent) => throw new NotImplementedException();

            public Tensor reciprocal() => throw new NotImplementedException();
            public Tensor reciprocal_() => throw new NotImplementedException();

            public Tensor remainder(Tensor target) => throw new NotImplementedException();
            public Tensor remainder(Scalar scalar) => throw new NotImplementedException();

            public Tensor rsqrt() => throw new NotImplementedException();

            /// <summary>
            /// Computes the element-wise square (implemented as pow(2)).
            /// </summary>
            public Tensor square() => throw new NotImplementedException();

            public Tensor sqrt() => throw new NotImplementedException();
            public Tensor sqrt_() => throw new NotImplementedException();

            public Tensor sign() => throw new NotImplementedException();

            public Tensor sub(Tensor target) => throw new NotImplementedException();
            public Tensor sub(Scalar target) => throw new NotImplementedException();
            public Tensor subtract(Scalar target) => throw new NotImplementedException();
            public Tensor subtract(Tensor target) => throw new NotImplementedException();
            public Tensor subtract_(Scalar target) => throw new NotImplementedException();
            public Tensor subtract_(Tensor target) => throw new NotImplementedException();
            public Tensor sub_(Tensor target) => throw new NotImplementedException();
            public Tensor sub_(Scalar target) => throw new NotImplementedException();

            public Tensor bitwise_and(Tensor other) => throw new NotImplementedException();
            public Tensor bitwise_or(Tensor other) => throw new NotImplementedException();
            public Tensor bitwise_xor(Tensor other) => throw new NotImplementedException();
            public Tensor bitwise_not() => throw new NotImplementedException();
        }
    }
}
