// Model of src/TorchSharp/NN/Convolution/Convolution.cs.
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    using Modules;

    public enum PaddingModes
    {
        Zeros = 0,
        Reflect = 1,
        Replicate = 2,
        Circular = 3,
        Constant = 4,
    }

    public enum Padding
    {
        Valid = 0,
        Same = 1
    }

    namespace Modules
    {
        public abstract class Convolution : torch.nn.Module<Tensor, Tensor>
        {
            protected Convolution(string name, long in_channels, long out_channels, long[] kernel_size, long[] stride, long[]? padding, Padding? padding_type, long[] dilation, bool transposed, long[] output_padding, long groups, bool bias, PaddingModes padding_mode, torch.Device? device = null, ScalarType? dtype = null) : base(name) => throw new NotImplementedException();

            public void reset_parameters() => throw new NotImplementedException();

            public void SetPadding(long[] padding) => throw new NotImplementedException();

            public void SetPadding(Padding padding) => throw new NotImplementedException();

            protected bool ValidateShape(Tensor input, long dimensions) => throw new NotImplementedException();

            protected override void Dispose(bool disposing) => throw new NotImplementedException();

            public Parameter? bias { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            public Parameter weight { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }

            protected Parameter? _bias;
            protected Parameter? _weight;

            protected long[] _reversed_padding_repeated_twice;

            public long in_channels => throw new NotImplementedException();
            public long out_channels => throw new NotImplementedException();
            public bool transposed => throw new NotImplementedException();

            public Padding? padding_type { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }
            public long[]? padding { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }
            public PaddingModes padding_mode { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public long groups { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public long[] kernel_size { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public long[] stride { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public long[] dilation { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
            public long[] output_padding { get => throw new NotImplementedException(); set => throw new NotImplementedException(); }
        }
    }
}
