// Model of src/TorchSharp/Tensor/Tensor.cs (the members the Decay analyzers and their tests touch).
using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

#nullable enable
namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>
        /// Represents a TorchSharp tensor.
        /// </summary>
        public partial class Tensor : IDisposable
        {
            internal Tensor(IntPtr handle) => throw new NotImplementedException();

            /// <summary>
            /// Allows external packages to create tensors from the same native pointers that TorchSharp uses.
            /// </summary>
            public static Tensor UnsafeCreateTensor(IntPtr handle) => throw new NotImplementedException();

            public override bool Equals(object? obj) => throw new NotImplementedException();

            public override int GetHashCode() => throw new NotImplementedException();

            /// <summary>
            /// A friendly name for the tensor. This is useful for debugging purposes.
            /// </summary>
            public string? name { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public void Dispose() => throw new NotImplementedException();

            public bool IsInvalid => throw new NotImplementedException();

            public torch.Tensor MoveToOuterDisposeScope() => throw new NotImplementedException();

            public torch.Tensor DetachFromDisposeScope() => throw new NotImplementedException();

            public IntPtr DecoupleFromNativeHandle() => throw new NotImplementedException();

            public static long TotalCount => throw new NotImplementedException();

            public static long PeakCount => throw new NotImplementedException();

            public IntPtr Handle => throw new NotImplementedException();

            // ---- shape -------------------------------------------------------------------------

            public long Dimensions => throw new NotImplementedException();

            public long dim() => throw new NotImplementedException();

            public long ndim => throw new NotImplementedException();

            public long NumberOfElements => throw new NotImplementedException();

            public long numel() => throw new NotImplementedException();

            public long ElementSize => throw new NotImplementedException();

            public long element_size() => throw new NotImplementedException();

            public bool is_integral() => throw new NotImplementedException();

            public bool is_floating_point() => throw new NotImplementedException();

            public bool is_complex() => throw new NotImplementedException();

            public bool is_cuda => throw new NotImplementedException();

            public bool is_leaf => throw new NotImplementedException();

            public Tensor alias() => throw new NotImplementedException();

            public long size(int dim) => throw new NotImplementedException();

            public long[] size() => throw new NotImplementedException();

            public long[] shape => throw new NotImplementedException();

            // ---- values ------------------------------------------------------------------------

            /// <summary>
            /// Returns the singleton value of a scalar tensor.
            /// </summary>
            public T item<T>() where T : unmanaged => throw new NotImplementedException();

            public Scalar ToScalar() => throw new NotImplementedException();

            public Tensor fill_(Scalar value) => throw new NotImplementedException();

            public ScalarType dtype => throw new NotImplementedException();

            public torch.Device device => throw new NotImplementedException();

            public int device_index => throw new NotImplementedException();

            public DeviceType device_type => throw new NotImplementedException();

            // ---- autograd ----------------------------------------------------------------------

            /// <summary>
            /// Computes the gradient of current tensor w.r.t. graph leaves.
            /// </summary>
            public void backward() => throw new NotImplementedException();

            public void backward(IList<Tensor>? grad_tensors = null, bool retain_graph = false, bool create_graph = false, IList<Tensor>? inputs = null) => throw new NotImplementedException();

            /// <summary>
            /// Is the tensor tracking gradients?
            /// </summary>
            public bool requires_grad { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Tensor requires_grad_(bool requires_grad = true) => throw new NotImplementedException();

            public void retain_grad() => throw new NotImplementedException();

            public Tensor with_requires_grad(bool requires_grad = true) => throw new NotImplementedException();

            /// <summary>
            /// This attribute is null by default and becomes a Tensor the first time a call to backward() computes gradients for the tensor.
            /// </summary>
            public Tensor? grad { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Tensor detach() => throw new NotImplementedException();

            public Tensor detach_() => throw new NotImplementedException();

            // ---- devices and types -------------------------------------------------------------

            public bool is_cpu() => throw new NotImplementedException();

            public Tensor cpu() => throw new NotImplementedException();

            public Tensor cuda(Device? device = null) => throw new NotImplementedException();

            public Tensor to_type(ScalarType type, bool copy = false) => throw new NotImplementedException();

            public Tensor type_as(Tensor tensor) => throw new NotImplementedException();

            public Tensor to(DeviceType deviceType, int deviceIndex = -1, bool copy = false) => throw new NotImplementedException();

            public Tensor to(ScalarType type, torch.Device device, bool copy = false) => throw new NotImplementedException();

            public Tensor to(ScalarType type) => throw new NotImplementedException();

            public Tensor to(string device) => throw new NotImplementedException();

            public Tensor to(torch.Device device) => throw new NotImplementedException();

            public Tensor to(Tensor other) => throw new NotImplementedException();

            public Tensor @bool() => throw new NotImplementedException();
            public Tensor @byte() => throw new NotImplementedException();
            public Tensor @char() => throw new NotImplementedException();
            public Tensor @int() => throw new NotImplementedException();
            public Tensor @long() => throw new NotImplementedException();
            public Tensor @float() => throw new NotImplementedException();
            public Tensor @double() => throw new NotImplementedException();

            // ---- copies, views and reshaping -------------------------------------------------

            public Tensor clone() => throw new NotImplementedException();

            public Tensor copy_(Tensor source, bool nonBlocking = false) => throw new NotImplementedException();

            public bool is_contiguous() => throw new NotImplementedException();

            public Tensor contiguous() => throw new NotImplementedException();

            public Tensor reshape(params long[] shape) => throw new NotImplementedException();

            public Tensor flatten(long start_dim = 0, long end_dim = -1) => throw new NotImplementedException();

            public Tensor unflatten(long dim, params long[] sizes) => throw new NotImplementedException();

            public Tensor squeeze(long? dim = null) => throw new NotImplementedException();

            public Tensor unsqueeze(long dim) => throw new NotImplementedException();

            public Tensor t() => throw new NotImplementedException();

            public Tensor T => throw new NotImplementedException();

            public Tensor transpose(long dim0, long dim1) => throw new NotImplementedException();

            public Tensor permute(params long[] permutation) => throw new NotImplementedException();

            public Tensor view(params long[] shape) => throw new NotImplementedException();

            public Tensor view_as(Tensor other) => throw new NotImplementedException();

            public Tensor expand(params long[] sizes) => throw new NotImplementedException();

            public Tensor[] chunk(long chunks, long dim = 0L) => throw new NotImplementedException();

            public Tensor select(long dim, long index) => throw new NotImplementedException();

            public Tensor index_select(long dim, Tensor index) => throw new NotImplementedException();

            public Tensor gather(long dim, Tensor index) => throw new NotImplementedException();

            public Tensor narrow(long dim, long start, long length) => throw new NotImplementedException();

            // ---- indexers (the TensorIndex / Tensor[] indexers are not modelled) --------------

            [IndexerName("TensorItems")]
            public Tensor this[long i1] { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            [IndexerName("TensorItems")]
            public Tensor this[long i1, long i2] { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            [IndexerName("TensorItems")]
            public Tensor this[long i1, long i2, long i3] { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            [IndexerName("TensorItems")]
            public Tensor this[long i1, long i2, long i3, long i4] { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            // ---- reductions --------------------------------------------------------------------

            public Tensor all() => throw new NotImplementedException();

            public Tensor all(long dim, bool keepdim = false) => throw new NotImplementedException();

            public Tensor any() => throw new NotImplementedException();

            public Tensor any(long dim, bool keepdim = false) => throw new NotImplementedException();

            public Tensor argmax() => throw new NotImplementedException();

            public Tensor argmax(long dim, bool keepdim = false) => throw new NotImplementedException();

            public Tensor argmin() => throw new NotImplementedException();

            public Tensor argmin(long dim, bool keepdim = false) => throw new NotImplementedException();

            public Tensor max() => throw new NotImplementedException();

            public Tensor maximum(Tensor other) => throw new NotImplementedException();

            public (Tensor values, Tensor indexes) max(long dim, bool keepdim = false) => throw new NotImplementedException();

            public Tensor min() => throw new NotImplementedException();

            public Tensor minimum(Tensor other) => throw new NotImplementedException();

            public (Tensor values, Tensor indexes) min(long dim, bool keepdim = false) => throw new NotImplementedException();

            public Tensor mean() => throw new NotImplementedException();

            public Tensor mean(long[] dimensions, bool keepdim = false, ScalarType? type = null) => throw new NotImplementedException();

            public Tensor std(bool unbiased = true) => throw new NotImplementedException();

            public Tensor var(bool unbiased = true) => throw new NotImplementedException();

            public Tensor sum(ScalarType? type = null) => throw new NotImplementedException();

            public Tensor sum(long[] dim, bool keepdim = false, ScalarType? type = null) => throw new NotImplementedException();

            public Tensor sum(ReadOnlySpan<long> dim, bool keepdim = false, ScalarType? type = null) => throw new NotImplementedException();

            public Tensor sum(long dim, bool keepdim = false, ScalarType? type = null) => throw new NotImplementedException();

            public Tensor sum(long dim0, long dim1, bool keepdim = false, ScalarType? type = null) => throw new NotImplementedException();

            public Tensor sum(long dim0, long dim1, long dim2, bool keepdim = false, ScalarType? type = null) => throw new NotImplementedException();

            /// <summary>
            /// Returns the p-norm of (input - other).
            /// </summary>
            public Tensor dist(Tensor other, float p = 2.0f) => throw new NotImplementedException();

            /// <summary>
            /// Returns the matrix norm or vector norm of a given tensor.
            /// </summary>
            public Tensor norm(float p = 2.0f) => throw new NotImplementedException();

            /// <summary>
            /// Returns the matrix norm or vector norm of a given tensor.
            /// </summary>
            public Tensor norm(int dim, bool keepdim = false, float p = 2.0f) => throw new NotImplementedException();

            public Tensor renorm(float p, long dim, float maxnorm) => throw new NotImplementedException();

            // ---- comparisons -------------------------------------------------------------------

            public Tensor eq(Tensor target) => throw new NotImplementedException();
            public Tensor equal(Tensor target) => throw new NotImplementedException();
            public Tensor eq(Scalar target) => throw new NotImplementedException();
            public bool Equals(Tensor target) => throw new NotImplementedException();
            public bool allclose(Tensor target, double rtol = 1e-05, double atol = 1e-08, bool equal_nan = false) => throw new NotImplementedException();
            public Tensor ge(Tensor target) => throw new NotImplementedException();
            public Tensor ge(Scalar target) => throw new NotImplementedException();
            public Tensor gt(Tensor target) => throw new NotImplementedException();
            public Tensor gt(Scalar target) => throw new NotImplementedException();
            public Tensor le(Tensor target) => throw new NotImplementedException();
            public Tensor le(Scalar target) => throw new NotImplementedException();
            public Tensor lt(Tensor target) => throw new NotImplementedException();
            public Tensor lt(Scalar target) => throw new NotImplementedException();
            public Tensor ne(Tensor target) => throw new NotImplementedException();
            public Tensor ne(Scalar target) => throw new NotImplementedException();

            // ---- activations -------------------------------------------------------------------

            public Tensor softmax(long dim, ScalarType? dtype = null) => throw new NotImplementedException();
            public Tensor relu() => throw new NotImplementedException();
            public Tensor relu_() => throw new NotImplementedException();
            public Tensor gelu() => throw new NotImplementedException();
            public Tensor sigmoid() => throw new NotImplementedException();
            public Tensor sigmoid_() => throw new NotImplementedException();

            public Tensor clamp(Scalar? min = null, Scalar? max = null) => throw new NotImplementedException();
            public Tensor clamp(Tensor? min = null, Tensor? max = null) => throw new NotImplementedException();
            public Tensor clip(Scalar? min = null, Scalar? max = null) => throw new NotImplementedException();
            public Tensor clamp_(Scalar? min = null, Scalar? max = null) => throw new NotImplementedException();
            public Tensor clamp_(Tensor? min = null, Tensor? max = null) => throw new NotImplementedException();

            // ---- creation helpers --------------------------------------------------------------

            public Tensor zero_() => throw new NotImplementedException();

            public Tensor zeros_like(ScalarType? dtype = null, torch.Device? device = null, bool requires_grad = false) => throw new NotImplementedException();

            public Tensor ones_like(ScalarType? dtype = null, torch.Device? device = null, bool requires_grad = false) => throw new NotImplementedException();

            public Tensor rand_like(ScalarType? dtype = null, torch.Device? device = null, bool requires_grad = false) => throw new NotImplementedException();

            public Tensor randn_like(ScalarType? dtype = null, torch.Device? device = null, bool requires_grad = false) => throw new NotImplementedException();

            public Tensor normal_(double mean = 0.0, double std = 1.0, torch.Generator? generator = null) => throw new NotImplementedException();

            public Tensor uniform_(double from, double to, torch.Generator? generator = null) => throw new NotImplementedException();

            // ---- comparison operators (all return Tensor) --------------------------------------

            public static Tensor operator ==(Tensor left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator ==(Tensor left, Scalar right) => throw new NotImplementedException();
            public static Tensor operator ==(Scalar left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator !=(Tensor left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator !=(Tensor left, Scalar right) => throw new NotImplementedException();
            public static Tensor operator !=(Scalar left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator <(Tensor left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator <(Tensor left, Scalar right) => throw new NotImplementedException();
            public static Tensor operator <(Scalar left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator <=(Tensor left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator <=(Tensor left, Scalar right) => throw new NotImplementedException();
            public static Tensor operator <=(Scalar left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator >(Tensor left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator >(Tensor left, Scalar right) => throw new NotImplementedException();
            public static Tensor operator >(Scalar left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator >=(Tensor left, Tensor right) => throw new NotImplementedException();
            public static Tensor operator >=(Tensor left, Scalar right) => throw new NotImplementedException();
            public static Tensor operator >=(Scalar left, Tensor right) => throw new NotImplementedException();

            // ---- implicit conversions to Tensor ------------------------------------------------
            // (The real package also converts from Half and BFloat16; those types are not modelled.)

            public static implicit operator Tensor(byte value) => throw new NotImplementedException();
            public static implicit operator Tensor(sbyte value) => throw new NotImplementedException();
            public static implicit operator Tensor(short value) => throw new NotImplementedException();
            public static implicit operator Tensor(int value) => throw new NotImplementedException();
            public static implicit operator Tensor(long value) => throw new NotImplementedException();
            public static implicit operator Tensor(float value) => throw new NotImplementedException();
            public static implicit operator Tensor(double value) => throw new NotImplementedException();
            public static implicit operator Tensor(bool value) => throw new NotImplementedException();
            public static implicit operator Tensor((float, float) value) => throw new NotImplementedException();
            public static implicit operator Tensor(System.Numerics.Complex value) => throw new NotImplementedException();

            public static implicit operator Tensor(byte[] value) => throw new NotImplementedException();
            public static implicit operator Tensor(sbyte[] value) => throw new NotImplementedException();
            public static implicit operator Tensor(short[] value) => throw new NotImplementedException();
            public static implicit operator Tensor(int[] value) => throw new NotImplementedException();
            public static implicit operator Tensor(long[] value) => throw new NotImplementedException();
            public static implicit operator Tensor(float[] value) => throw new NotImplementedException();
            public static implicit operator Tensor(double[] value) => throw new NotImplementedException();
            public static implicit operator Tensor(bool[] value) => throw new NotImplementedException();
            public static implicit operator Tensor((float, float)[] value) => throw new NotImplementedException();
            public static implicit operator Tensor(System.Numerics.Complex[] value) => throw new NotImplementedException();

            /// <summary>
            /// Only here to guide the compiler's overload resolution (Scalar is a better target than Tensor).
            /// </summary>
            public static implicit operator Tensor(Scalar scalar) => throw new NotImplementedException();

            // ---- explicit conversions from Tensor ----------------------------------------------

            public static explicit operator float(Tensor value) => throw new NotImplementedException();
            public static explicit operator double(Tensor value) => throw new NotImplementedException();
            public static explicit operator sbyte(Tensor value) => throw new NotImplementedException();
            public static explicit operator byte(Tensor value) => throw new NotImplementedException();
            public static explicit operator short(Tensor value) => throw new NotImplementedException();
            public static explicit operator int(Tensor value) => throw new NotImplementedException();
            public static explicit operator long(Tensor value) => throw new NotImplementedException();
            public static explicit operator bool(Tensor value) => throw new NotImplementedException();

            public override string ToString() => throw new NotImplementedException();
        }

        /// <summary>
        /// The element types of tensors.
        /// </summary>
        public enum ScalarType : sbyte
        {
            Byte = 0,
            Int8 = 1,
            Int16 = 2,
            Int32 = 3,
            Int64 = 4,
            Float16 = 5,
            Float32 = 6,
            Float64 = 7,
            ComplexFloat32 = 9,
            ComplexFloat64 = 10,
            Bool = 11,
            BFloat16 = 15
        }

        public static bool is_integral(ScalarType type) => throw new NotImplementedException();
        public static bool is_floating_point(ScalarType type) => throw new NotImplementedException();
        public static bool is_complex(ScalarType type) => throw new NotImplementedException();
        public static bool is_integral(Tensor t) => throw new NotImplementedException();

        // Public static (non-readonly) fields in the real source.
        public static ScalarType @bool = ScalarType.Bool;

        public static ScalarType uint8 = ScalarType.Byte;
        public static ScalarType int8 = ScalarType.Int8;
        public static ScalarType int16 = ScalarType.Int16;
        public static ScalarType int32 = ScalarType.Int32;
        public static ScalarType int64 = ScalarType.Int64;

        public static ScalarType bfloat16 = ScalarType.BFloat16;
        public static ScalarType float16 = ScalarType.Float16;
        public static ScalarType float32 = ScalarType.Float32;
        public static ScalarType float64 = ScalarType.Float64;

        public static ScalarType complex64 = ScalarType.ComplexFloat32;
        public static ScalarType complex128 = ScalarType.ComplexFloat64;

        public static ScalarType @short = ScalarType.Int16;
        public static ScalarType @int = ScalarType.Int32;
        public static ScalarType @long = ScalarType.Int64;

        public static ScalarType half = ScalarType.Float16;
        public static ScalarType @float = ScalarType.Float32;
        public static ScalarType @double = ScalarType.Float64;

        public static ScalarType cfloat = ScalarType.ComplexFloat32;
        public static ScalarType cdouble = ScalarType.ComplexFloat64;

        /// <summary>
        /// Creates a new dispose scope for the current thread.
        /// </summary>
        public static DisposeScope NewDisposeScope() => throw new NotImplementedException();

        /// <summary>
        /// Creates a new dispose scope for the current thread, wrapping an expression.
        /// </summary>
        public static Tensor WrappedTensorDisposeScope(Func<Tensor> expr) => throw new NotImplementedException();
    }
}
