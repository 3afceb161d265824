// Model of src/TorchSharp/NN/Bilinear.cs.
using System;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

#nullable enable
namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        public sealed class Bilinear : Module<Tensor, Tensor, Tensor>
        {
            internal Bilinear(long in1_features, long in2_features, long out_features, bool hasBias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Bilinear)) => throw new NotImplementedException();

            public override Tensor forward(Tensor input1, Tensor input2) => throw new NotImplementedException();

            protected override void Dispose(bool disposing) => throw new NotImplementedException();

            public Parameter? bias { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Parameter weight { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public long in1_features { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public long in2_features { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public long out_features { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// Applies a bilinear transformation to the incoming data
            /// </summary>
            public static Bilinear Bilinear(long in1_features, long in2_features, long out_features, bool hasBias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            public static partial class functional
            {
                public static Tensor bilinear(Tensor input1, Tensor input2, Tensor weight, Tensor? bias = null) => throw new NotImplementedException();
            }
        }
    }
}
