// Model of src/TorchSharp/Torch.cs (subset: device init, torch.random, torch.nn.utils, torch.cuda, DeviceType).
#nullable enable
using System;
using System.Collections.Generic;

namespace TorchSharp
{
    public static partial class torch
    {
        public static bool TryInitializeDeviceType(DeviceType deviceType) => throw new NotImplementedException();

        public static void InitializeDeviceType(DeviceType deviceType) => throw new NotImplementedException();

        public static Device InitializeDevice(Device? device) => throw new NotImplementedException();

        public static partial class random
        {
            public static long seed() => throw new NotImplementedException();

            public static long initial_seed() => throw new NotImplementedException();

            /// <summary>
            /// Sets the seed for generating random numbers. Returns a torch.Generator object.
            /// </summary>
            public static Generator manual_seed(long seed) => throw new NotImplementedException();

            public static Tensor get_rng_state() => throw new NotImplementedException();

            public static void set_rng_state(Tensor new_state) => throw new NotImplementedException();
        }

        public static partial class nn
        {
            public static partial class utils
            {
                /// <summary>
                /// Clips gradient norm of an iterable of parameters. Returns the total norm.
                /// </summary>
                public static double clip_grad_norm_(IEnumerable<Modules.Parameter> tensors, double max_norm, double norm_type = 2.0) => throw new NotImplementedException();

                /// <summary>
                /// Clips gradient of an iterable of parameters at specified value.
                /// </summary>
                public static void clip_grad_value_(IEnumerable<Modules.Parameter> tensors, double clip_value) => throw new NotImplementedException();

                /// <summary>
                /// Convert parameters to one vector
                /// </summary>
                public static Tensor parameters_to_vector(IEnumerable<Modules.Parameter> tensors) => throw new NotImplementedException();

                /// <summary>
                /// Convert one vector to parameters.
                /// </summary>
                public static void vector_to_parameters(Tensor vec, IEnumerable<Modules.Parameter> tensors) => throw new NotImplementedException();
            }
        }

        public static partial class cuda
        {
            public static bool is_available() => throw new NotImplementedException();

            public static bool is_cudnn_available() => throw new NotImplementedException();

            public static int device_count() => throw new NotImplementedException();

            public static void manual_seed(long seed) => throw new NotImplementedException();

            public static void manual_seed_all(long seed) => throw new NotImplementedException();

            public static void synchronize(Device? device = null) => throw new NotImplementedException();
        }

        /// <summary>
        /// Workaround for F# issue.
        /// </summary>
        public static bool cuda_is_available() => throw new NotImplementedException();

        public static void CheckForErrors() => throw new NotImplementedException();
    }

    /// <summary>
    /// The LibTorch device types.
    /// </summary>
    public enum DeviceType
    {
        CPU = 0,
        CUDA = 1,
        MKLDNN = 2,
        OPENGL = 3,
        OPENCL = 4,
        IDEEP = 5,
        HIP = 6,
        FPGA = 7,
        MSNPU = 8,
        XLA = 9,
        MPS = 13,
        META = 14,
    }
}
