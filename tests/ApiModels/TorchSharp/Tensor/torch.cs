// Model of src/TorchSharp/Tensor/torch.cs (subset).
#nullable enable
using System;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>
        /// Returns the matrix norm or vector norm of a given tensor (same as input.norm()).
        /// </summary>
        public static Tensor norm(Tensor input) => throw new NotImplementedException();
    }
}
