// Model of the NormBase class (src/TorchSharp/NN/Normalization).
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    namespace Modules
    {
        public abstract class NormBase : torch.nn.Module<Tensor, Tensor>
        {
            public NormBase(long num_features,
                            double eps,
                            double? momentum,
                            bool affine,
                            bool track_running_stats,
                            Device? device,
                            ScalarType? dtype,
                            string name) : base(name) => throw new NotImplementedException();

            public void reset_running_stats() => throw new NotImplementedException();

            public void reset_parameters() => throw new NotImplementedException();

            protected abstract void ValidateInputDimensions(Tensor input);

            protected override void Dispose(bool disposing) => throw new NotImplementedException();

            public Parameter? bias { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Parameter weight { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Tensor? running_mean { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Tensor? running_var { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Tensor? num_batches_tracked { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public long num_features { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }

            public double eps { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public double? momentum { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public bool affine { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }

            public bool track_running_stats { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }
        }
    }
}
