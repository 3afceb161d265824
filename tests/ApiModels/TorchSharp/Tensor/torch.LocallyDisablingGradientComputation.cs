// Model of src/TorchSharp/Tensor/torch.LocallyDisablingGradientComputation.cs.
#nullable enable
using System;

namespace TorchSharp
{
    public static partial class torch
    {
        public static IDisposable no_grad() => throw new NotImplementedException();

        public static IDisposable enable_grad(bool enabled = true) => throw new NotImplementedException();

        public static IDisposable set_grad_enabled(bool mode = true) => throw new NotImplementedException();

        public static IDisposable inference_mode(bool mode = true) => throw new NotImplementedException();
    }
}
