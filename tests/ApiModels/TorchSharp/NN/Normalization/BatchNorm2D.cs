// Model of src/TorchSharp/NN/Normalization/BatchNorm2D.cs.
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        public sealed class BatchNorm2d : BatchNorm
        {
            internal BatchNorm2d(long num_features, double eps, double momentum, bool affine, bool track_running_stats, Device? device, ScalarType? dtype)
                : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, nameof(BatchNorm2d)) => throw new NotImplementedException();

            protected override void ValidateInputDimensions(Tensor input) => throw new NotImplementedException();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static BatchNorm2d BatchNorm2d(long num_features, double eps = 1e-05, double momentum = 0.1, bool affine = true, bool track_running_stats = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();
        }
    }
}
