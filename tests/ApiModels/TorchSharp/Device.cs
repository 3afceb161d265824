// Model of src/TorchSharp/Device.cs.
using System;

namespace TorchSharp
{
    public static partial class torch
    {
        /// <summary>
        /// A torch.Device is an object representing the device on which a torch.Tensor is or will be allocated.
        /// </summary>
        public class Device
        {
            public DeviceType type { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }
            public int index { get => throw new NotImplementedException(); private set => throw new NotImplementedException(); }

            public Device(string description) => throw new NotImplementedException();
            public Device(string deviceType, int index = -1) => throw new NotImplementedException();
            public Device(DeviceType deviceType, int index = -1) => throw new NotImplementedException();
            public Device(int index) => throw new NotImplementedException();

            public override string ToString() => throw new NotImplementedException();

            public static implicit operator Device(string description) => throw new NotImplementedException();
        }

        // The real fields are initialized with `new Device(...)`; the model leaves them unset so that
        // touching `torch` never runs a throwing constructor. Field initializers are not metadata.

        /// <summary>Convenience declaration of a CPU device accessible everywhere.</summary>
        public static Device CPU;

        /// <summary>Convenience declaration of a CUDA device accessible everywhere.</summary>
        public static Device CUDA;

        /// <summary>Convenience declaration of a META device accessible everywhere.</summary>
        public static Device META;

        public static Device device(string description) => throw new NotImplementedException();
        public static Device device(string deviceType, int index = -1) => throw new NotImplementedException();
        public static Device device(DeviceType deviceType, int index = -1) => throw new NotImplementedException();
        public static Device device(int index) => throw new NotImplementedException();
    }
}
