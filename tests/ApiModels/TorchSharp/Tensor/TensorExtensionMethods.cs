// Model of src/TorchSharp/Tensor/TensorExtensionMethods.cs (subset).
#nullable enable
using System;
using static TorchSharp.torch;

namespace TorchSharp
{
    /// <summary>
    /// A few extensions to the Tensor type.
    /// </summary>
    public static class TensorExtensionMethods
    {
        /// <summary>
        /// Convert to a parameter.
        /// </summary>
        public static Modules.Parameter AsParameter(this Tensor tensor) => throw new NotImplementedException();

        public static (float Real, float Imaginary) ToComplexFloat32(this Tensor value) => throw new NotImplementedException();
        public static System.Numerics.Complex ToComplexFloat64(this Tensor value) => throw new NotImplementedException();

        /// <summary>
        /// Explicitly convert a singleton tensor to a .NET scalar value.
        /// </summary>
        public static float ToSingle(this Tensor value) => throw new NotImplementedException();

        /// <summary>
        /// Explicitly convert a singleton tensor to a .NET scalar value.
        /// </summary>
        public static double ToDouble(this Tensor value) => throw new NotImplementedException();

        public static sbyte ToSByte(this Tensor value) => throw new NotImplementedException();
        public static byte ToByte(this Tensor value) => throw new NotImplementedException();
        public static short ToInt16(this Tensor value) => throw new NotImplementedException();
        public static int ToInt32(this Tensor value) => throw new NotImplementedException();
        public static long ToInt64(this Tensor value) => throw new NotImplementedException();
        public static bool ToBoolean(this Tensor value) => throw new NotImplementedException();
    }
}
