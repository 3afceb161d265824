// Model of src/TorchSharp/Tensor/torch.ReductionOps.cs (subset).
#nullable enable
using System;

namespace TorchSharp
{
    public static partial class torch
    {
        public static Tensor argmax(Tensor input) => throw new NotImplementedException();
        public static Tensor argmax(Tensor input, long dim, bool keepdim = false) => throw new NotImplementedException();
        public static Tensor argmin(Tensor input) => throw new NotImplementedException();
        public static Tensor argmin(Tensor input, long dim, bool keepdim = false) => throw new NotImplementedException();

        public static Tensor max(Tensor input) => throw new NotImplementedException();
        public static Tensor max(Tensor input, Tensor other) => throw new NotImplementedException();
        public static (Tensor values, Tensor indexes) max(Tensor input, long dim, bool keepdim = false) => throw new NotImplementedException();
        public static Tensor min(Tensor input) => throw new NotImplementedException();
        public static Tensor min(Tensor input, Tensor other) => throw new NotImplementedException();
        public static (Tensor values, Tensor indexes) min(Tensor input, long dim, bool keepdim = false) => throw new NotImplementedException();

        /// <summary>
        /// Returns the p-norm of (input - other).
        /// </summary>
        public static Tensor dist(Tensor input, Tensor other, float p = 2.0f) => throw new NotImplementedException();

        public static Tensor mean(Tensor input) => throw new NotImplementedException();
        public static Tensor mean(Tensor input, long[] dimensions, bool keepdim = false, ScalarType? type = null) => throw new NotImplementedException();

        public static Tensor norm(Tensor input, float p = 2.0f) => throw new NotImplementedException();
        public static Tensor norm(Tensor input, int dimension, bool keepdim = false, float p = 2.0f) => throw new NotImplementedException();

        public static Tensor std(Tensor input, bool unbiased = true) => throw new NotImplementedException();
        public static Tensor var(Tensor input, bool unbiased = true) => throw new NotImplementedException();

        public static Tensor sum(Tensor input, ScalarType? type = null) => throw new NotImplementedException();
        public static Tensor sum(Tensor input, ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null) => throw new NotImplementedException();
        public static Tensor sum(Tensor input, long dim, bool keepdim = false, ScalarType? type = null) => throw new NotImplementedException();
    }
}
