// Model of src/TorchSharp/NN/Normalization/InstanceNorm1d.cs.
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        public sealed class InstanceNorm1d : InstanceNorm
        {
            internal InstanceNorm1d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
                : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, nameof(InstanceNorm1d)) => throw new NotImplementedException();

            protected override long GetNumberOfBatchDimensions() => throw new NotImplementedException();

            protected override void ValidateInputDimensions(Tensor input) => throw new NotImplementedException();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static InstanceNorm1d InstanceNorm1d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = false, bool track_running_stats = false, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();
        }
    }
}
