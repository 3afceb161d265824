// Model of torch.nn.functional.pairwise_distance (signature from the fact sheet, addendum 4).
using System;
using static TorchSharp.torch;

#nullable enable
namespace TorchSharp
{
    public static partial class torch
    {
        public static partial class nn
        {
            public static partial class functional
            {
                public static Tensor pairwise_distance(Tensor input1, Tensor input2, double p = 2, double eps = 1e-06, bool keepdim = false) => throw new NotImplementedException();
            }
        }
    }
}
