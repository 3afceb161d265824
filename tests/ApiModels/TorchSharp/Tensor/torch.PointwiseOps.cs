// Model of src/TorchSharp/Tensor/torch.PointwiseOps.cs (subset).
#nullable enable
using System;

namespace TorchSharp
{
    public static partial class torch
    {
        public static Tensor abs(Tensor input) => throw new NotImplementedException();
        public static Tensor abs_(Tensor input) => throw new NotImplementedException();

        public static Tensor pow(Tensor left, Tensor exponent) => throw new NotImplementedException();
        public static Tensor pow(Tensor left, Scalar exponent) => throw new NotImplementedException();
        public static Tensor pow_(Tensor left, Tensor exponent) => throw new NotImplementedException();
        public static Tensor pow_(Tensor left, Scalar exponent) => throw new NotImplementedException();

        public static Tensor square(Tensor input) => throw new NotImplementedException();
    }
}
