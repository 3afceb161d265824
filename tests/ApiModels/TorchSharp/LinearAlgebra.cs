// Model of src/TorchSharp/LinearAlgebra.cs (norm family only).
#nullable enable
using System;

namespace TorchSharp
{
    public static partial class torch
    {
        // NOTE: not partial in the real source.
        public static class linalg
        {
            public static Tensor norm(Tensor input, string ord, long[]? dims = null, bool keepdim = false) => throw new NotImplementedException();
            public static Tensor norm(Tensor input, double ord, long[]? dims = null, bool keepdim = false) => throw new NotImplementedException();
            public static Tensor norm(Tensor input, int ord, long[]? dims = null, bool keepdim = false) => throw new NotImplementedException();
            public static Tensor norm(Tensor input, long[]? dims = null, bool keepdim = false) => throw new NotImplementedException();

            public static Tensor vector_norm(Tensor input, double ord = 2d, long[]? dims = null, bool keepdim = false) => throw new NotImplementedException();

            public static Tensor matrix_norm(Tensor input, string ord = "fro", long[]? dims = null, bool keepdim = false) => throw new NotImplementedException();
            public static Tensor matrix_norm(Tensor input, double ord, long[]? dims = null, bool keepdim = false) => throw new NotImplementedException();
        }
    }
}
