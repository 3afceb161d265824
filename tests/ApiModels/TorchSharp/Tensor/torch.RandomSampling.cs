// Model of src/TorchSharp/Tensor/torch.RandomSampling.cs (subset).
#nullable enable
using System;

namespace TorchSharp
{
    public static partial class torch
    {
        public static long seed() => throw new NotImplementedException();

        /// <summary>
        /// Sets the seed for generating random numbers. Returns a torch.Generator object.
        /// </summary>
        public static Generator manual_seed(long seed) => throw new NotImplementedException();

        public static long initial_seed() => throw new NotImplementedException();
    }
}
