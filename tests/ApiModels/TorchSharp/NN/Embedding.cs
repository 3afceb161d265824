// Model of src/TorchSharp/NN/Embedding.cs.
using System;
using System.Diagnostics.CodeAnalysis;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        public sealed class Embedding : torch.nn.Module<Tensor, Tensor>
        {
            internal Embedding(IntPtr handle, IntPtr boxedHandle) : base(handle, boxedHandle) => throw new NotImplementedException();

            public override Tensor forward(Tensor input) => throw new NotImplementedException();

            [DisallowNull]
            public Parameter? weight { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            /// <summary>
            /// A simple lookup table that stores embeddings of a fixed dictionary and size.
            /// </summary>
            public static Embedding Embedding(long num_embeddings, long embedding_dims, long? padding_idx = null, double? max_norm = null, double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            /// <summary>
            /// A simple lookup table that stores embeddings of a fixed dictionary and size, initialized from a tensor.
            /// </summary>
            public static Embedding Embedding_from_pretrained(Tensor embeddings, bool freeze = true, long? padding_idx = null, double? max_norm = null, double norm_type = 2.0, bool scale_grad_by_freq = false, bool sparse = false, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();
        }
    }
}
