// Model of src/TorchSharp/NN/Normalization/BatchNorm.cs.
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    namespace Modules
    {
        public abstract class BatchNorm : NormBase
        {
            public BatchNorm(long num_features,
                            double eps,
                            double momentum,
                            bool affine,
                            bool track_running_stats,
                            Device? device,
                            ScalarType? dtype,
                            string name) : base(num_features, eps, momentum, affine, track_running_stats, device, dtype, name) => throw new NotImplementedException();

            public override Tensor forward(Tensor input) => throw new NotImplementedException();
        }
    }
}
