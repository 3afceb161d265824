// Model of src/TorchSharp/NN/Linear.cs.
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        public sealed class Linear : torch.nn.Module<Tensor, Tensor>
        {
            internal Linear(Parameter weight, Parameter? bias = null) : base(nameof(Linear)) => throw new NotImplementedException();

            internal Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) : base(nameof(Linear)) => throw new NotImplementedException();

            public override Tensor forward(Tensor tensor) => throw new NotImplementedException();

            protected override void Dispose(bool disposing) => throw new NotImplementedException();

            public Parameter? bias { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Parameter weight { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public long in_features { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public long out_features { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// Create a Linear module initialized with random weights and bias.
            /// </summary>
            public static Linear Linear(long inputSize, long outputSize, bool hasBias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            /// <summary>
            /// Create a Linear module with the given weights and bias.
            /// </summary>
            public static Linear Linear(TorchSharp.Modules.Parameter weight, TorchSharp.Modules.Parameter? bias = null) => throw new NotImplementedException();

            public static partial class functional
            {
                /// <summary>
                /// Applies a linear transformation to the incoming data.
                /// </summary>
                public static Tensor linear(Tensor input, Tensor weights, Tensor? bias = null) => throw new NotImplementedException();
            }
        }
    }
}
