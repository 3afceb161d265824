// Model of src/TorchSharp/NN/Parameter.cs.
#nullable enable
using System;
using static TorchSharp.torch;

namespace TorchSharp
{
    namespace Modules
    {
        /// <summary>
        /// A kind of Tensor that is to be considered a module parameter.
        /// </summary>
        public class Parameter : torch.Tensor
        {
            /// <summary>
            /// Constructor
            /// </summary>
            /// <param name="data">A tensor, which will become empty.</param>
            /// <param name="requires_grad"></param>
            public Parameter(Tensor data, bool requires_grad = true) : base(IntPtr.Zero) => throw new NotImplementedException();

            internal Parameter(IntPtr handle) : base(handle) => throw new NotImplementedException();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// Create a parameter from a tensor.
            /// </summary>
            public static TorchSharp.Modules.Parameter Parameter(Tensor data, bool requires_grad = true) => throw new NotImplementedException();
        }
    }
}
