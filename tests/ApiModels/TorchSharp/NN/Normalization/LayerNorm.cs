// Model of src/TorchSharp/NN/Normalization/LayerNorm.cs.
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        /// <summary>
        /// This class is used to represent a LayerNorm module.
        /// </summary>
        public sealed class LayerNorm : torch.nn.Module<Tensor, Tensor>
        {
            internal LayerNorm(long[] normalized_shape, double eps, bool elementwise_affine, bool bias, Device? device, ScalarType? dtype) : base(nameof(LayerNorm)) => throw new NotImplementedException();

            public void reset_parameters() => throw new NotImplementedException();

            public override Tensor forward(Tensor tensor) => throw new NotImplementedException();

            protected override void Dispose(bool disposing) => throw new NotImplementedException();

            public Parameter? bias { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Parameter weight { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public long[] normalized_shape { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public double eps { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public bool elementwise_affine { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static LayerNorm LayerNorm(long[] normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            public static LayerNorm LayerNorm(long normalized_shape, double eps = 1e-05, bool elementwise_affine = true, bool bias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();
        }
    }
}
