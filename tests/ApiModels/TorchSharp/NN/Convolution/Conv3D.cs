// Model of src/TorchSharp/NN/Convolution/Conv3D.cs.
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    using Modules;

    namespace Modules
    {
        public sealed class Conv3d : Convolution
        {
            internal Conv3d(long in_channels, long out_channels, (long, long, long) kernel_size, (long, long, long) stride, (long, long, long)? padding, Padding? padding_type, (long, long, long) dilation, long groups = 1, bool bias = true, PaddingModes padding_mode = PaddingModes.Zeros, torch.Device? device = null, ScalarType? dtype = null)
                : base(nameof(Conv3d), in_channels, out_channels, new long[3], new long[3], null, padding_type, new long[3], false, new long[3], groups, bias, padding_mode, device, dtype) => throw new NotImplementedException();

            public override Tensor forward(Tensor input) => throw new NotImplementedException();
        }
    }

    public static partial class torch
    {
        public static partial class nn
        {
            public static Conv3d Conv3d(long in_channels, long out_channels, long kernel_size, long stride = 1, long padding = 0, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            public static Conv3d Conv3d(long in_channels, long out_channels, (long, long, long) kernel_size, (long, long, long)? stride = null, (long, long, long)? padding = null, (long, long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            public static Conv3d Conv3d(long in_channels, long out_channels, long kernel_size, Padding padding, long stride = 1, long dilation = 1, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            public static Conv3d Conv3d(long in_channels, long out_channels, (long, long, long) kernel_size, Padding padding, (long, long, long)? stride = null, (long, long, long)? dilation = null, PaddingModes padding_mode = PaddingModes.Zeros, long groups = 1, bool bias = true, Device? device = null, ScalarType? dtype = null) => throw new NotImplementedException();

            public static partial class functional
            {
                public static Tensor conv3d(Tensor input, Tensor weight, Tensor? bias = null, long[]? strides = null, long[]? padding = null, long[]? dilation = null, long groups = 1) => throw new NotImplementedException();
            }
        }
    }
}
