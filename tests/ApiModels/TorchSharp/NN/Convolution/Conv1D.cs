// Model of src/TorchSharp/NN/Convolution/Conv1D.cs.
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        public sealed class Conv1d : Convolution
        {
            internal Conv1d(long in_channels, long out_channels, long kernel_size, long stride, long? padding, Padding? padding_type, long dilation, long groups = 1, bool bias = true, PaddingModes padding_mode = PaddingModes.Zeros, torch.Device? device = null, ScalarType? dtype = null)
                : base(nameof(Conv1d), in_channels, out_channels, new[] { kernel_size }, new[] { stride }, null, padding_type, new[] { dilation }, false, new[] { 0L }, groups, bias, padding_mode, device, dtype) => throw new NotImplementedException();

            public override Tensor forward(Tensor input) => throw new NotImplementedException();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Conv1d Conv1d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            public static Conv1d Conv1d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            public static partial class functional
            {
                public static Tensor conv1d(Tensor input, Tensor weight, Tensor? bias = null, long? stride = null, long? padding = null, long? dilation = null, long groups = 1) => throw new NotImplementedException();
            }
        }
    }
}
