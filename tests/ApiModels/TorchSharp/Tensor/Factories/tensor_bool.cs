// Model of src/TorchSharp/Tensor/Factories/tensor_bool.cs.
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
        public static Tensor tensor(bool scalar, ScalarType? dtype = null, Device? device = null, bool requires_grad = false) => throw new NotImplementedException();

        public static Tensor tensor(IList<bool> rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(bool[] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(bool[] rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(IList<bool> rawArray, long rows, long columns, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(IList<bool> rawArray, long dim0, long dim1, long dim2, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(IList<bool> rawArray, long dim0, long dim1, long dim2, long dim3, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(bool[,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(bool[,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(bool[,,,] rawArray, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
        public static Tensor tensor(Memory<bool> rawArray, ReadOnlySpan<long> dimensions, ScalarType? dtype = null, Device? device = null, bool requires_grad = false, string[]? names = null) => throw new NotImplementedException();
    }
}
