// Model of src/TorchSharp/NN/Activation/ReLu.cs.
using System;
using static TorchSharp.torch;

namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// This class is used to represent a ReLU module.
        /// </summary>
        public sealed class ReLU : ParameterLessModule<Tensor, Tensor>
        {
            internal ReLU(bool inplace) : base(nameof(ReLU)) => throw new NotImplementedException();

            public override Tensor forward(Tensor tensor) => throw new NotImplementedException();

            public bool inplace { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// Rectified Linear Unit
            /// </summary>
            public static ReLU ReLU(bool inplace = false) => throw new NotImplementedException();

            public static partial class functional
            {
                /// <summary>
                /// Rectified Linear Unit
                /// </summary>
                public static Tensor relu(Tensor x, bool inplace = false) => throw new NotImplementedException();
            }
        }
    }
}
