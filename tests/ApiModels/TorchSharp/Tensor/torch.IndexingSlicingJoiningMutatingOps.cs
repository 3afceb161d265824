// Model of src/TorchSharp/Tensor/torch.IndexingSlicingJoiningMutatingOps.cs (subset).
#nullable enable
using System;
using System.Collections.Generic;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>
        /// Concatenates the given sequence of tensors in the given dimension.
        /// </summary>
        public static Tensor cat(IList<Tensor> tensors, long dim = 0) => throw new NotImplementedException();

        /// <summary>
        /// Alias of torch.cat()
        /// </summary>
        public static Tensor concat(IList<Tensor> tensors, long dim = 0) => throw new NotImplementedException();

        /// <summary>
        /// Concatenates a sequence of tensors along a new dimension.
        /// </summary>
        public static Tensor stack(IEnumerable<Tensor> tensors, long dim = 0) => throw new NotImplementedException();
    }
}
