// Model of src/TorchSharp/NN/Normalization/GroupNorm.cs.
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        public sealed class GroupNorm : torch.nn.Module<Tensor, Tensor>
        {
            internal GroupNorm(long num_groups, long num_channels, double eps, bool affine, Device? device, ScalarType? dtype) : base(nameof(GroupNorm)) => throw new NotImplementedException();

            public override Tensor forward(Tensor tensor) => throw new NotImplementedException();

            protected override void Dispose(bool disposing) => throw new NotImplementedException();

            public Parameter? bias { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Parameter weight { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static GroupNorm GroupNorm(long num_groups, long num_channels, double eps = 1e-05, bool affine = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();
        }
    }
}
