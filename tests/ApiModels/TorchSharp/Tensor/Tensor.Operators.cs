// Model of src/TorchSharp/Tensor/Tensor.Operators.cs.
#nullable enable

namespace TorchSharp
{
    public static partial class torch
    {
        public partial class Tensor
        {
            public static Tensor operator +(Tensor left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator +(Tensor left, Scalar right) => throw new System.NotImplementedException();
            public static Tensor operator +(Scalar left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator +(Tensor left, int right) => throw new System.NotImplementedException();
            public static Tensor operator +(Tensor left, long right) => throw new System.NotImplementedException();
            public static Tensor operator +(Tensor left, float right) => throw new System.NotImplementedException();
            public static Tensor operator +(Tensor left, double right) => throw new System.NotImplementedException();

            public static Tensor operator +(int left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator +(long left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator +(float left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator +(double left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator *(Tensor left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator *(Tensor left, Scalar right) => throw new System.NotImplementedException();
            public static Tensor operator *(Scalar left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator *(Tensor left, int right) => throw new System.NotImplementedException();
            public static Tensor operator *(Tensor left, long right) => throw new System.NotImplementedException();
            public static Tensor operator *(Tensor left, float right) => throw new System.NotImplementedException();
            public static Tensor operator *(Tensor left, double right) => throw new System.NotImplementedException();

            public static Tensor operator *(int left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator *(long left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator *(float left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator *(double left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator -(Tensor left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator -(Tensor left, Scalar right) => throw new System.NotImplementedException();
            public static Tensor operator -(Scalar left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator -(Tensor left, int right) => throw new System.NotImplementedException();
            public static Tensor operator -(Tensor left, long right) => throw new System.NotImplementedException();
            public static Tensor operator -(Tensor left, float right) => throw new System.NotImplementedException();
            public static Tensor operator -(Tensor left, double right) => throw new System.NotImplementedException();

            public static Tensor operator -(int left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator -(long left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator -(float left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator -(double left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator /(Tensor left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator /(Tensor left, Scalar right) => throw new System.NotImplementedException();
            public static Tensor operator /(Scalar left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator /(Tensor left, int right) => throw new System.NotImplementedException();
            public static Tensor operator /(Tensor left, long right) => throw new System.NotImplementedException();
            public static Tensor operator /(Tensor left, float right) => throw new System.NotImplementedException();
            public static Tensor operator /(Tensor left, double right) => throw new System.NotImplementedException();

            public static Tensor operator /(int left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator /(long left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator /(float left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator /(double left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator %(Tensor left, Tensor right) => throw new System.NotImplementedException();
            public static Tensor operator %(Tensor left, Scalar right) => throw new System.NotImplementedException();

            public static Tensor operator %(Tensor left, int right) => throw new System.NotImplementedException();
            public static Tensor operator %(Tensor left, long right) => throw new System.NotImplementedException();
            public static Tensor operator %(Tensor left, float right) => throw new System.NotImplementedException();
            public static Tensor operator %(Tensor left, double right) => throw new System.NotImplementedException();

            public static Tensor operator &(Tensor left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator |(Tensor left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator ^(Tensor left, Tensor right) => throw new System.NotImplementedException();

            public static Tensor operator ~(Tensor left) => throw new System.NotImplementedException();
        }
    }
}
