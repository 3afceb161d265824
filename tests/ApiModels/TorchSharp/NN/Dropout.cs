// Model of src/TorchSharp/NN/Dropout.cs.
using System;
using static TorchSharp.torch;

namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        public sealed class Dropout : ParameterLessModule<Tensor, Tensor>
        {
            internal Dropout(double p = 0.5, bool inplace = false) : base(nameof(Dropout)) => throw new NotImplementedException();

            public override Tensor forward(Tensor tensor) => throw new NotImplementedException();

            public bool inplace { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public double p { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Dropout Dropout(double p = 0.5, bool inplace = false) => throw new NotImplementedException();

            public static partial class functional
            {
                public static Tensor dropout(Tensor input, double p = 0.5, bool training = true, bool inplace = false) => throw new NotImplementedException();
            }
        }
    }
}
