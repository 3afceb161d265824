// Model of src/TorchSharp/Scalar.cs (no nullable context in the real file).
using System;

namespace TorchSharp
{
    public sealed class Scalar : IDisposable
    {
        internal Scalar(IntPtr handle) => throw new NotImplementedException();

        public static implicit operator Scalar(byte value) => throw new NotImplementedException();
        public static implicit operator Scalar(sbyte value) => throw new NotImplementedException();
        public static implicit operator Scalar(short value) => throw new NotImplementedException();
        public static implicit operator Scalar(int value) => throw new NotImplementedException();
        public static implicit operator Scalar(long value) => throw new NotImplementedException();
        public static implicit operator Scalar(float value) => throw new NotImplementedException();
        public static implicit operator Scalar(double value) => throw new NotImplementedException();
        public static implicit operator Scalar(bool value) => throw new NotImplementedException();
        public static implicit operator Scalar((float, float) value) => throw new NotImplementedException();
        public static implicit operator Scalar(System.Numerics.Complex value) => throw new NotImplementedException();

        public torch.ScalarType Type => throw new NotImplementedException();

        public void Dispose() => throw new NotImplementedException();
    }

    public static class ScalarExtensionMethods
    {
        public static Scalar ToScalar(this byte value) => throw new NotImplementedException();
        public static Scalar ToScalar(this sbyte value) => throw new NotImplementedException();
        public static Scalar ToScalar(this short value) => throw new NotImplementedException();
        public static Scalar ToScalar(this int value) => throw new NotImplementedException();
        public static Scalar ToScalar(this long value) => throw new NotImplementedException();
        public static Scalar ToScalar(this float value) => throw new NotImplementedException();
        public static Scalar ToScalar(this double value) => throw new NotImplementedException();
        public static Scalar ToScalar(this (float, float) value) => throw new NotImplementedException();
        public static Scalar ToScalar(this System.Numerics.Complex value) => throw new NotImplementedException();
        public static Scalar ToScalar(this bool value) => throw new NotImplementedException();
        public static Scalar ToFloat16Scalar(this float value) => throw new NotImplementedException();
        public static Scalar ToBFloat16Scalar(this float value) => throw new NotImplementedException();

        public static float ToSingle(this Scalar value) => throw new NotImplementedException();
        public static double ToDouble(this Scalar value) => throw new NotImplementedException();
        public static sbyte ToSByte(this Scalar value) => throw new NotImplementedException();
        public static byte ToByte(this Scalar value) => throw new NotImplementedException();
        public static short ToInt16(this Scalar value) => throw new NotImplementedException();
        public static int ToInt32(this Scalar value) => throw new NotImplementedException();
        public static long ToInt64(this Scalar value) => throw new NotImplementedException();
        public static bool ToBoolean(this Scalar value) => throw new NotImplementedException();
        public static (float Real, float Imaginary) ToComplexFloat32(this Scalar value) => throw new NotImplementedException();
        public static System.Numerics.Complex ToComplexFloat64(this Scalar value) => throw new NotImplementedException();
    }
}
