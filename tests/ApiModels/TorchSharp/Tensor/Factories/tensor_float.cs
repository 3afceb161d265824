// Model of src/TorchSharp/Tensor/Factories/tensor_float.cs.
// The array/list overload set follows the template read from tensor_double.cs; the fact sheet
// states the same forms exist for every element type (scalar form: fact sheet).
using System;
using System.Collections.Generic;

#nullable enable
namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>Create a scalar tensor from a single value</summary>
        public static Tensor tensor(float scalar, Device? device = null, bool requires_grad = false) => throw new NotImplementedException();

        public static Tensor tensor(IList<float> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(float[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(float[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(IList<float> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(IList<float> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(IList<float> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(float[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(float[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(float[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(Memory<float> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
    }
}
