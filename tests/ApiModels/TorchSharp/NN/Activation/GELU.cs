// Model of src/TorchSharp/NN/Activation/GELU.cs.
using System;
using static TorchSharp.torch;

namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// This class is used to represent a GELU module.
        /// </summary>
        public sealed class GELU : ParameterLessModule<Tensor, Tensor>
        {
            /// <summary>
            /// Specifies the approximation method for GELU.
            /// </summary>
            public enum Approximate
            {
                none,
                tanh
            }

            internal GELU(bool inplace, Approximate approximate = Approximate.none) : base(nameof(GELU)) => throw new NotImplementedException();

            public override Tensor forward(Tensor tensor) => throw new NotImplementedException();

            public bool inplace { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Approximate approximate { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static GELU GELU() => throw new NotImplementedException();

            public static GELU GELU(bool inplace) => throw new NotImplementedException();

            public static GELU GELU(GELU.Approximate approximate, bool inplace = false) => throw new NotImplementedException();

            public static partial class functional
            {
                public static Tensor gelu(Tensor x, bool inplace) => throw new NotImplementedException();

                public static Tensor gelu(Tensor x, GELU.Approximate approximate, bool inplace = false) => throw new NotImplementedException();

                public static Tensor gelu(Tensor x) => throw new NotImplementedException();
            }
        }
    }
}
