// Model of src/TorchSharp/Generator.cs.
using System;

#nullable enable

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>
        /// Random Number Generator
        /// </summary>
        public class Generator : IDisposable
        {
            public IntPtr Handle { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }

            public torch.Device device { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }

            public Tensor get_state() => throw new NotImplementedException();
            public void set_state(Tensor value) => throw new NotImplementedException();
            public Generator manual_seed(long seed) => throw new NotImplementedException();
            public long seed() => throw new NotImplementedException();

            internal Generator(IntPtr nativeHandle) => throw new NotImplementedException();

            public Generator(ulong seed = 0, torch.Device? device = null) => throw new NotImplementedException();

            public static Generator Default => throw new NotImplementedException();

            public long initial_seed() => throw new NotImplementedException();

            protected virtual void Dispose(bool disposing) => throw new NotImplementedException();

            public void Dispose() => throw new NotImplementedException();
        }
    }
}
